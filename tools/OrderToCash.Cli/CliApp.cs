using System.CommandLine;
using OrderToCash.Cli.Commands;
using OrderToCash.Cli.Commands.Bench;
using OrderToCash.Cli.Commands.Rules;

namespace OrderToCash.Cli;

/// <summary>The <c>o2c</c> command tree. Exit codes: 0 success, 1 problems found or the operation failed, 2 usage error.</summary>
public static class CliApp
{
    public const int Ok = 0;
    public const int Problems = 1;
    public const int UsageError = 2;

    /// <summary>One validator per kind of definition file.</summary>
    private static readonly IReadOnlyList<IFileValidator> FileValidators = [new BpmnFileValidator(), new RuleFileValidator()];

    /// <summary>The workloads <c>o2c bench</c> knows.</summary>
    private static readonly IReadOnlyList<IBenchWorkload> BenchWorkloads =
        [new Commands.Bench.W1CreditCheckWorkload(), new Commands.Bench.W3WaitAndResume(), new Commands.Bench.WaitingInstancesWorkload(), new CreditDecisionWorkload(), new RulesPublishWorkload(), new RootCauseYearWorkload(), new BackTestWorkload(), new ApiOrdersWorkload()];

    public static RootCommand BuildRoot()
    {
        var root = new RootCommand("o2c: the OrderToCash command line (migrate the database, validate workflows and rules, benchmark).");
        root.Options.Add(CliOptions.Provider);
        root.Options.Add(CliOptions.Connection);
        root.Subcommands.Add(MigrateCommand.Create());
        root.Subcommands.Add(ValidateCommand.Create(FileValidators));
        root.Subcommands.Add(BenchCommand.Create(BenchWorkloads));
        root.Subcommands.Add(Commands.Users.UsersCommand.Create());
        root.Subcommands.Add(RulesCommand.Create());
        root.Subcommands.Add(Commands.RootCauses.RootCauseCommand.Create());
        root.Subcommands.Add(Commands.RootCauses.KpiCommand.Create());
        root.Subcommands.Add(Commands.Simulate.SimulateCommand.Create());
        root.Subcommands.Add(Commands.Simulate.SeedCommand.Create());
        root.Subcommands.Add(Commands.Import.ImportCommand.Create());
        root.Subcommands.Add(Commands.ReferenceTables.ReferenceCommand.Create());
        return root;
    }

    public static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter error, CancellationToken cancellationToken = default)
    {
        var parseResult = BuildRoot().Parse(args);
        if (parseResult.Errors.Count > 0)
        {
            foreach (var parseError in parseResult.Errors)
            {
                await error.WriteLineAsync($"o2c: {parseError.Message}").ConfigureAwait(false);
            }

            await error.WriteLineAsync("Run 'o2c --help' for usage.").ConfigureAwait(false);
            return UsageError;
        }

        var invocation = new InvocationConfiguration { Output = output, Error = error, EnableDefaultExceptionHandler = false };
        try
        {
            return await parseResult.InvokeAsync(invocation, cancellationToken).ConfigureAwait(false);
        }
        catch (CliUsageException ex)
        {
            await error.WriteLineAsync($"o2c: {ex.Message}").ConfigureAwait(false);
            return UsageError;
        }
        catch (Exception ex) when (ex is InvalidOperationException or IOException or System.Data.Common.DbException)
        {
            // An operator needs the reason, not a stack trace.
            await error.WriteLineAsync($"o2c: {ex.Message}").ConfigureAwait(false);
            return Problems;
        }
    }
}
