using System.CommandLine;

namespace OrderToCash.Cli.Commands.Rules;

/// <summary><c>o2c rules</c>: test and publish business rules.</summary>
internal static class RulesCommand
{
    public static Command Create()
    {
        var command = new Command("rules", "Business rules: run what-if cases, publish new versions, explain decisions.");
        command.Subcommands.Add(RulesTestCommand.Create());
        command.Subcommands.Add(RulesPublishCommand.Create());
        command.Subcommands.Add(RulesExplainCommand.Create());
        return command;
    }
}
