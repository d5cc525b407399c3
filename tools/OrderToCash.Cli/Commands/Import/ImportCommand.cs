using System.CommandLine;
using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using OrderToCash.Core.Infrastructure.Composition;
using OrderToCash.Core.Payments;

namespace OrderToCash.Cli.Commands.Import;

/// <summary>
/// <c>o2c import camt053 FILE [--user NAME] [--format json]</c>: imports a bank statement into the configured database
/// exactly as <c>POST /api/bank-statements</c> does (the same reader, matching, idempotence and collector tasks). A
/// malformed file is refused whole with its line and reason (exit 1), nothing written.
/// </summary>
internal static class ImportCommand
{
    public static Command Create()
    {
        var command = new Command("import", "Import files: bank statements into the database, Camunda models into our BPMN.");
        command.Subcommands.Add(Camt053());
        command.Subcommands.Add(CamundaImportCommand.Create());
        return command;
    }

    private static Command Camt053()
    {
        var file = new Argument<FileInfo>("file") { Description = "The camt.053 statement (ISO 20022 XML)." };
        var user = new Option<string>("--user") { Description = "Recorded as who imported it (default: o2c import).", DefaultValueFactory = _ => "o2c import" };
        var format = CliOptions.Format();
        var command = new Command("camt053", "Import an ISO 20022 camt.053 bank statement: credits matched to invoices, the rest left to a collector's task.");
        command.Arguments.Add(file);
        command.Options.Add(user);
        command.Options.Add(format);
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            var path = parseResult.GetValue(file)!;
            if (!path.Exists)
            {
                throw new CliUsageException($"'{path.FullName}' does not exist.");
            }

            if (path.Length > Camt053Reader.MaxCharacters)
            {
                await parseResult.InvocationConfiguration.Error.WriteLineAsync($"o2c: {path.Name} is larger than {Camt053Reader.MaxCharacters:N0} bytes; nothing was imported.").ConfigureAwait(false);
                return CliApp.Problems;
            }

            var (statement, problems) = Camt053Reader.Read(await File.ReadAllTextAsync(path.FullName, cancellationToken).ConfigureAwait(false));
            if (statement is null)
            {
                foreach (var problem in problems)
                {
                    await parseResult.InvocationConfiguration.Error.WriteLineAsync($"{path.Name}: {problem}").ConfigureAwait(false);
                }

                await parseResult.InvocationConfiguration.Error.WriteLineAsync("o2c: the statement was not imported; nothing was written.").ConfigureAwait(false);
                return CliApp.Problems;
            }

            await using var provider = Services(CliOptions.Configuration(parseResult));
            var result = await provider.GetRequiredService<BankStatementImport>().ImportAsync(statement, parseResult.GetValue(user)!, cancellationToken).ConfigureAwait(false);
            var output = parseResult.InvocationConfiguration.Output;
            if (parseResult.GetValue(format) == OutputFormat.Json)
            {
                await output.WriteLineAsync(CliJson.Serialize(result)).ConfigureAwait(false);
            }
            else
            {
                foreach (var entry in result.Entries)
                {
                    await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                        $"{entry.Reference} {entry.Amount:0.00} {entry.Currency}: {entry.Outcome}{(entry.IsNew || entry.Outcome == "ignored" ? string.Empty : " (imported before)")}{(entry.AppliedTo.Count > 0 ? " to " + string.Join(", ", entry.AppliedTo) : string.Empty)}{(entry.Reason is null ? string.Empty : " - " + entry.Reason)}")).ConfigureAwait(false);
                }

                await output.WriteLineAsync($"{result.Applied} applied, {result.Unapplied} unapplied, {result.AlreadyImported} imported before, {result.Ignored} ignored.").ConfigureAwait(false);
                if (!result.TasksOpened)
                {
                    await output.WriteLineAsync("No collector task was opened: the unapplied-cash process is not published in this database (start the host once, or publish workflows/unapplied-cash.bpmn), then import again.").ConfigureAwait(false);
                }
            }

            return CliApp.Ok;
        });
        return command;
    }

    /// <summary>The cycle's services on the configured database (no scheduler: the host's jobs deliver what follows).</summary>
    private static ServiceProvider Services(Microsoft.Extensions.Configuration.IConfiguration configuration)
    {
        var services = new ServiceCollection();
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton<ILoggerFactory>(NullLoggerFactory.Instance);
        services.AddSingleton(typeof(ILogger<>), typeof(NullLogger<>));
        services.AddOrderToCashCore(configuration, Directory.GetCurrentDirectory());
        return services.BuildServiceProvider();
    }
}
