using System.CommandLine;
using OrderToCash.Core.Infrastructure.Security;

namespace OrderToCash.Cli.Commands.Users;

/// <summary><c>o2c users hash-password</c>: the PasswordHash to put in Auth:Users, from a password read on standard input.</summary>
internal static class UsersCommand
{
    public static Command Create()
    {
        var hash = new Command("hash-password", "Read a password from standard input (never from the command line, which shells keep) and print its hash for Auth:Users.");
        hash.SetAction(async (parseResult, cancellationToken) =>
        {
            var password = (await Console.In.ReadLineAsync(cancellationToken).ConfigureAwait(false))?.TrimEnd('\r');
            if (string.IsNullOrEmpty(password))
            {
                throw new CliUsageException("No password on standard input: echo the password into 'o2c users hash-password'.");
            }

            if (password.Length < 12)
            {
                throw new CliUsageException($"The password has {password.Length} characters; use at least 12.");
            }

            await parseResult.InvocationConfiguration.Output.WriteLineAsync(PasswordHashing.Hash(password)).ConfigureAwait(false);
            return CliApp.Ok;
        });
        var apiKey = new Command("create-api-key", "Print a new random API key (give it to the integration) and the KeyHash to put in Auth:ApiKeys (the key itself is never stored).");
        apiKey.SetAction(async (parseResult, cancellationToken) =>
        {
            var key = ApiKeyHashing.NewKey();
            var output = parseResult.InvocationConfiguration.Output;
            await output.WriteLineAsync($"key:     {key}").ConfigureAwait(false);
            await output.WriteLineAsync($"KeyHash: {ApiKeyHashing.Hash(key)}").ConfigureAwait(false);
            return CliApp.Ok;
        });
        var users = new Command("users", "Built-in user store helpers.");
        users.Subcommands.Add(hash);
        users.Subcommands.Add(apiKey);
        return users;
    }
}
