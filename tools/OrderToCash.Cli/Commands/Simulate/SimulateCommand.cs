using System.CommandLine;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using OrderToCash.Cli.Commands.Rules;
using OrderToCash.Core.Dunning;
using OrderToCash.Core.Customers;
using OrderToCash.Core.Cycle;
using OrderToCash.Core.Orders;
using OrderToCash.Core.Persistence;
using OrderToCash.Core.Rules;
using OrderToCash.Core.Workflows;
using OrderToCash.Engine.Durable;
using OrderToCash.Engine.Rules;
using OrderToCash.Engine.Rules.Store;
using Spectre.Console;

namespace OrderToCash.Cli.Commands.Simulate;

/// <summary>
/// <c>o2c simulate --customers N --days D --seed S [--format json]</c>: the whole cycle on the configured (empty)
/// database, on a simulated clock, with synthetic customers; prints what happened, read back from the database.
/// </summary>
internal static class SimulateCommand
{
    public static Command Create()
    {
        var customers = new Option<int>("--customers") { Description = "How many synthetic customers (1 to 100,000).", DefaultValueFactory = _ => 100 };
        var days = new Option<int>("--days") { Description = "How many days to simulate (1 to 3,650).", DefaultValueFactory = _ => 365 };
        var seed = new Option<int>("--seed") { Description = "Random seed: the same seed on an empty database gives the same result.", DefaultValueFactory = _ => 1 };
        var start = new Option<string>("--start")
        {
            Description = "First simulated day (yyyy-MM-dd). Default: --days before today, so the simulated period ends today and 'o2c rootcause analyze' and 'o2c kpi' on recent periods see it.",
        };
        var publish = new Option<string[]>("--publish")
        {
            Description = "BPMN files to publish before the workflows/ folder (e.g. a dunning process not yet in the folder).",
            AllowMultipleArgumentsPerToken = true,
        };
        var format = CliOptions.Format();
        var command = new Command("simulate", "Run the order-to-cash cycle on a simulated clock with synthetic customers (needs an empty database).");
        foreach (var option in new Option[] { customers, days, seed, start, publish, format })
        {
            command.Options.Add(option);
        }

        command.SetAction(async (parseResult, cancellationToken) =>
        {
            var settings = new SimulationSettings(
                Within(parseResult.GetValue(customers), 1, 100_000, "--customers"),
                Within(parseResult.GetValue(days), 1, 3_650, "--days"),
                parseResult.GetValue(seed),
                parseResult.GetValue(start) is not { } given
                    ? DateOnly.FromDateTime(TimeProvider.System.GetUtcNow().UtcDateTime).AddDays(-parseResult.GetValue(days))
                    : DateOnly.TryParseExact(given, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var first)
                        ? first
                        : throw new CliUsageException($"--start '{given}' is not a date (yyyy-MM-dd)."));
            var output = parseResult.InvocationConfiguration.Output;
            var json = parseResult.GetValue(format) == OutputFormat.Json;
            var started = System.Diagnostics.Stopwatch.GetTimestamp();
            var report = await RunAsync(CliOptions.Configuration(parseResult), settings, parseResult.GetValue(publish) ?? [], ShowsProgress(output), cancellationToken).ConfigureAwait(false);
            var elapsed = System.Diagnostics.Stopwatch.GetElapsedTime(started);
            if (json)
            {
                await output.WriteLineAsync(CliJson.Serialize(report)).ConfigureAwait(false);
                // Timing is not part of the result (the same seed gives the same object); it goes to the error stream.
                await parseResult.InvocationConfiguration.Error.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"o2c simulate: {elapsed.TotalSeconds:0.0} s")).ConfigureAwait(false);
            }
            else
            {
                await output.WriteLineAsync(SimulationText.Format(report, elapsed)).ConfigureAwait(false);
            }

            return report.Balanced ? CliApp.Ok : CliApp.Problems;
        });
        return command;
    }

    public static async Task<SimulationReport> RunAsync(Microsoft.Extensions.Configuration.IConfiguration configuration, SimulationSettings settings, IReadOnlyList<string> extraDefinitions, bool progressBar, CancellationToken cancellationToken)
    {
        var clock = new SimulatedClock(new DateTimeOffset(settings.Start.ToDateTime(new TimeOnly(7, 0)), TimeSpan.Zero));
        var services = new ServiceCollection();
        services.AddSingleton<TimeProvider>(clock);
        services.AddSingleton<ILoggerFactory>(NullLoggerFactory.Instance);
        services.AddSingleton(typeof(ILogger<>), typeof(NullLogger<>));
        services.AddOrderToCashDatabase(configuration);
        services.AddOrderToCashRules();
        services.AddOrderToCashWorkflows(configuration);
        services.AddOrderToCashOrders();
        services.AddOrderToCashCycle(configuration);
        services.AddOrderToCashRemind(configuration, Directory.GetCurrentDirectory());
        await using var provider = services.BuildServiceProvider();
        await provider.GetRequiredService<DatabaseMigrator>().MigrateAsync(cancellationToken).ConfigureAwait(false);
        await using (var db = provider.GetRequiredService<Func<OrderToCashDbContext>>()())
        {
            if (await db.Set<Customer>().AnyAsync(cancellationToken).ConfigureAwait(false))
            {
                throw new CliUsageException("simulate needs an empty database (this one already has customers): give it a new one, e.g. --connection \"Data Source=simulation.db\".");
            }
        }

        // What a host does at start (the reason taxonomy, repairs), without the scheduler: the simulation drives time.
        foreach (var hosted in provider.GetServices<Microsoft.Extensions.Hosting.IHostedService>())
        {
            await hosted.StartAsync(cancellationToken).ConfigureAwait(false);
        }

        await PublishRulesAsync(provider, cancellationToken).ConfigureAwait(false);
        await PublishWorkflowsAsync(provider.GetRequiredService<DefinitionStore>(), extraDefinitions, cancellationToken).ConfigureAwait(false);
        var simulation = new Simulation(provider, clock, settings);
        if (progressBar)
        {
            await AnsiConsole.Progress().StartAsync(async context =>
            {
                var task = context.AddTask("Simulating days", maxValue: settings.Days);
                await simulation.RunAsync(new SynchronousProgress(day => task.Value = day), cancellationToken).ConfigureAwait(false);
            }).ConfigureAwait(false);
        }
        else
        {
            await simulation.RunAsync(null, cancellationToken).ConfigureAwait(false);
        }

        return await SimulationReport.ReadAsync(provider.GetRequiredService<Func<OrderToCashDbContext>>(), settings, simulation.CustomersByBehaviour(), clock.Today, cancellationToken).ConfigureAwait(false);
    }

    private static bool ShowsProgress(TextWriter output) => ReferenceEquals(output, Console.Out) && !Console.IsOutputRedirected;

    private static int Within(int value, int min, int max, string option) =>
        value >= min && value <= max ? value : throw new CliUsageException($"{option} {value} is out of range: give {min} to {max}.");

    private static async Task PublishRulesAsync(IServiceProvider provider, CancellationToken cancellationToken)
    {
        var folder = RuleTooling.ResolveFolder(null);
        var files = new List<RuleSource>();
        foreach (var path in Directory.EnumerateFiles(folder, "*.json").Order(StringComparer.Ordinal))
        {
            files.Add(await RuleSource.ReadAsync(path, cancellationToken).ConfigureAwait(false));
        }

        var result = await provider.GetRequiredService<RuleSetPublisher>()
            .PublishAsync(new PublishRequest(files, [], "o2c simulate", "Rules in force for the simulation", null), cancellationToken).ConfigureAwait(false);
        if (!result.Published)
        {
            throw new InvalidOperationException("The rules could not be published for the simulation:" + Environment.NewLine + string.Join(Environment.NewLine, result.Diagnostics));
        }
    }

    private static async Task PublishWorkflowsAsync(DefinitionStore definitions, IReadOnlyList<string> extra, CancellationToken cancellationToken)
    {
        var folder = WorkflowFolderPublisher.Find(Directory.GetCurrentDirectory())
            ?? throw new CliUsageException("No workflows/ folder found from the working directory upwards: run simulate from the repository.");
        // Like the host's folder publisher, a file that does not validate (e.g. a benchmark's process whose handler only
        // the bench registers) is skipped; only the processes the cycle needs must be there.
        var refused = new List<string>();
        foreach (var path in extra.Concat(Directory.EnumerateFiles(folder, "*.bpmn").Order(StringComparer.Ordinal)))
        {
            if (!File.Exists(path))
            {
                throw new CliUsageException($"--publish '{path}' does not exist.");
            }

            var result = await definitions.PublishAsync(await File.ReadAllTextAsync(path, cancellationToken).ConfigureAwait(false), Path.GetFileName(path), "o2c simulate", cancellationToken).ConfigureAwait(false);
            if (!result.Published)
            {
                refused.AddRange(result.Diagnostics.Select(d => d.ToString()));
            }
        }

        foreach (var process in new[] { OrderToCashCycle.ProcessId, CreditRelease.ProcessId, OrderToCashCycle.DunningProcessId, Core.Disputes.DisputeWorkflow.ProcessId })
        {
            if (definitions.Latest(process) is null)
            {
                throw new CliUsageException($"The cycle needs the '{process}' process, which is not published: add its file to workflows/ or pass it with --publish <file.bpmn>."
                    + (refused.Count == 0 ? string.Empty : Environment.NewLine + "Files refused:" + Environment.NewLine + string.Join(Environment.NewLine, refused)));
            }
        }
    }

    /// <summary>Reports on the caller's thread (Progress&lt;T&gt; would post to the thread pool and race the bar's end).</summary>
    private sealed class SynchronousProgress(Action<int> report) : IProgress<int>
    {
        public void Report(int value) => report(value);
    }
}
