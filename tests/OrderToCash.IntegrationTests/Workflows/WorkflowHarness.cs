using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;
using OrderToCash.Core.Infrastructure.Persistence;
using OrderToCash.Core.Invoicing;
using OrderToCash.Core.Numbering;
using OrderToCash.Engine.Bpmn.Validation;
using OrderToCash.Engine.Durable;
using OrderToCash.Engine.Durable.Storage;
using OrderToCash.Engine.Handlers;

namespace OrderToCash.IntegrationTests.Workflows;

/// <summary>
/// The durable runtime on a real database with a fake clock. Each <see cref="Host"/> is one "host": its own plan cache
/// and host id, sharing only the database, as separate processes would.
/// </summary>
internal sealed class WorkflowHarness
{
    public static readonly DateTimeOffset Start = new(2026, 11, 23, 8, 0, 0, TimeSpan.Zero);

    private WorkflowHarness(DatabaseProvider provider, string connectionString)
    {
        Provider = provider;
        ConnectionString = connectionString;
    }

    public DatabaseProvider Provider { get; }

    public string ConnectionString { get; }

    public FakeTimeProvider Clock { get; } = new(Start);

    public IssueNumberHandler Numbers { get; } = new();

    public FlakyHandler Flaky { get; } = new();

    public DurableWorkflowOptions Options { get; } = new() { RetryBackoff = TimeSpan.FromMinutes(1), MaxAutomaticRetries = 2 };

    public static async Task<WorkflowHarness> CreateAsync(DatabaseProvider provider, string connectionString)
    {
        var harness = new WorkflowHarness(provider, connectionString);
        await using var db = harness.NewContext();
        await db.Database.MigrateAsync();
        return harness;
    }

    public OrderToCashDbContext NewContext() => DatabaseConfigurator.CreateContext(Provider, ConnectionString);

    /// <summary>Reads instances, inboxes and statistics of the database, whichever host wrote them.</summary>
    public WorkflowReader Reader => new(NewContext, Clock);

    /// <summary>A new host on the same database (fresh plan cache, own lease owner id).</summary>
    public DurableWorkflowRuntime Host(string hostId = "host-a")
    {
        var handlers = new HandlerCatalog([Numbers, Flaky]);
        var definitions = new DefinitionStore(NewContext, Clock, handlers, () => new WorkflowCatalog(handlers.Descriptors, []));
        var options = new DurableWorkflowOptions
        {
            HostId = hostId,
            RetryBackoff = Options.RetryBackoff,
            MaxAutomaticRetries = Options.MaxAutomaticRetries,
            TimerLease = TimeSpan.FromMinutes(1),
            ConcurrencyRetries = 50,
        };
        return new DurableWorkflowRuntime(NewContext, definitions, Clock, options);
    }

    public static async Task PublishAsync(DurableWorkflowRuntime host, params string[] fixtures)
    {
        foreach (var fixture in fixtures)
        {
            var path = Path.Combine(AppContext.BaseDirectory, "Workflows", "Fixtures", fixture);
            var result = await host.Definitions.PublishAsync(await File.ReadAllTextAsync(path), fixture, "tester", CancellationToken.None);
            result.Published.Should().BeTrue(string.Join(Environment.NewLine, result.Diagnostics));
        }
    }

    /// <summary>The invoice numbers taken so far: gapless and unique when every step ran exactly once.</summary>
    public async Task<long> NumbersTakenAsync()
    {
        await using var db = NewContext();
        var series = await db.Set<InvoiceNumberSeries>().AsNoTracking().FirstOrDefaultAsync();
        return series?.LastNumber ?? 0;
    }

    public async Task<List<InstanceRecord>> InstancesAsync()
    {
        await using var db = NewContext();
        return await db.Set<InstanceRecord>().AsNoTracking().ToListAsync();
    }
}
