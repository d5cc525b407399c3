using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using OrderToCash.Core.Customers;
using OrderToCash.Core.Disputes;
using OrderToCash.Core.Dunning;
using OrderToCash.Core.Infrastructure.Composition;
using OrderToCash.Core.Infrastructure.Content;
using OrderToCash.Core.Infrastructure.Persistence;
using OrderToCash.Core.Orders;
using OrderToCash.Engine.Durable;
using OrderToCash.Engine.Rules;
using OrderToCash.Engine.Rules.Store;

namespace OrderToCash.Core.Demo;

/// <summary>
/// Runs a simulation on the configured database with the product's own services composed around a simulated clock
/// (no scheduler: the simulation drives time). Used by <c>o2c simulate</c>, <c>o2c seed</c> and the host's first start.
/// </summary>
public static class SimulationRunner
{
    /// <param name="configuration">The Database section (and Reminders, Company...) of the caller.</param>
    /// <param name="settings">What to simulate.</param>
    /// <param name="extraDefinitions">BPMN files published before the workflows/ folder.</param>
    /// <param name="searchFrom">Where rules/, workflows/ and reasons/ are looked for, upwards.</param>
    /// <param name="progress">Told the number of days simulated so far.</param>
    /// <param name="cancellationToken">Stops between steps.</param>
    public static async Task<SimulationReport> RunAsync(
        IConfiguration configuration, SimulationSettings settings, IReadOnlyList<string> extraDefinitions, string searchFrom, IProgress<int>? progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var clock = new SimulatedClock(new DateTimeOffset(settings.Start.ToDateTime(new TimeOnly(7, 0)), TimeSpan.Zero));
        var services = new ServiceCollection();
        services.AddSingleton<TimeProvider>(clock);
        services.AddSingleton<ILoggerFactory>(NullLoggerFactory.Instance);
        services.AddSingleton(typeof(ILogger<>), typeof(NullLogger<>));
        services.AddOrderToCashCore(configuration, searchFrom);
        await using var provider = services.BuildServiceProvider();
        await provider.GetRequiredService<DatabaseMigrator>().MigrateAsync(cancellationToken).ConfigureAwait(false);
        await using (var db = provider.GetRequiredService<Func<OrderToCashDbContext>>()())
        {
            if (await db.Set<Customer>().AnyAsync(cancellationToken).ConfigureAwait(false))
            {
                throw new SimulationSetupException("The simulation needs an empty database (this one already has customers): give it a new one, e.g. --connection \"Data Source=simulation.db\".");
            }
        }

        // What a host does at start (the reason taxonomy, repairs), without the scheduler.
        foreach (var hosted in provider.GetServices<Microsoft.Extensions.Hosting.IHostedService>())
        {
            await hosted.StartAsync(cancellationToken).ConfigureAwait(false);
        }

        await PublishRulesAsync(provider, searchFrom, cancellationToken).ConfigureAwait(false);
        await PublishWorkflowsAsync(provider.GetRequiredService<DefinitionStore>(), extraDefinitions, searchFrom, cancellationToken).ConfigureAwait(false);
        var simulation = new Simulation(provider, clock, settings);
        await simulation.RunAsync(progress, cancellationToken).ConfigureAwait(false);
        if (settings.PeopleRestOnLastDay)
        {
            await DemoWaitingWork.AddAsync(provider, clock.Today, cancellationToken).ConfigureAwait(false);
        }

        return await SimulationReport.ReadAsync(provider.GetRequiredService<Func<OrderToCashDbContext>>(), settings, simulation.CustomersByBehaviour(), clock.Today, cancellationToken).ConfigureAwait(false);
    }

    private static async Task PublishRulesAsync(IServiceProvider provider, string searchFrom, CancellationToken cancellationToken)
    {
        // The repository's rules/ when run from a clone, else the shipped ones (an installed o2c, a container); the
        // what-if cases of tests/ seed the first version of each rule set (later versions carry theirs).
        var (files, cases) = await ShippedContent.LoadRulesAsync(searchFrom, cancellationToken).ConfigureAwait(false);
        var result = await provider.GetRequiredService<RuleSetPublisher>()
            .PublishAsync(new PublishRequest(files, cases, "o2c simulate", "Rules in force for the simulation", null), cancellationToken).ConfigureAwait(false);
        if (!result.Published)
        {
            throw new SimulationSetupException("The rules could not be published for the simulation:" + Environment.NewLine + string.Join(Environment.NewLine, result.Diagnostics));
        }
    }

    private static async Task PublishWorkflowsAsync(DefinitionStore definitions, IReadOnlyList<string> extra, string searchFrom, CancellationToken cancellationToken)
    {
        // The repository's workflows/ when run from a clone, else the shipped ones. Like the host's folder publisher, a
        // file that does not validate (e.g. a benchmark's process whose handler only the bench registers) is skipped;
        // only the processes the cycle needs must be there.
        var refused = new List<string>();
        var files = new List<ShippedFile>();
        foreach (var path in extra)
        {
            files.Add(File.Exists(path)
                ? new ShippedFile(Path.GetFileName(path), await File.ReadAllTextAsync(path, cancellationToken).ConfigureAwait(false))
                : throw new SimulationSetupException($"--publish '{path}' does not exist."));
        }

        foreach (var file in files.Concat(await ShippedContent.LoadWorkflowsAsync(searchFrom, cancellationToken).ConfigureAwait(false)))
        {
            var result = await definitions.PublishAsync(file.Content, file.Name, "o2c simulate", cancellationToken).ConfigureAwait(false);
            if (!result.Published)
            {
                refused.AddRange(result.Diagnostics.Select(d => d.ToString()));
            }
        }

        foreach (var process in new[] { OrderToCashCycle.ProcessId, CreditRelease.ProcessId, OrderToCashCycle.DunningProcessId, DisputeWorkflow.ProcessId })
        {
            if (definitions.Latest(process) is null)
            {
                throw new SimulationSetupException($"The cycle needs the '{process}' process, which is not published: add its file to workflows/ or pass it with --publish <file.bpmn>."
                    + (refused.Count == 0 ? string.Empty : Environment.NewLine + "Files refused:" + Environment.NewLine + string.Join(Environment.NewLine, refused)));
            }
        }
    }
}

/// <summary>The simulation cannot start as asked (database not empty, rules or workflows missing); nothing was simulated.</summary>
public sealed class SimulationSetupException(string message) : Exception(message);
