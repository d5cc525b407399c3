using OrderToCash.Core.Infrastructure.Persistence;
using OrderToCash.Engine.Durable;
using OrderToCash.Engine.Runtime.State;
using OrderToCash.IntegrationTests.Infrastructure;

namespace OrderToCash.IntegrationTests.Workflows;

/// <summary>Two hosts on one PostgreSQL database racing on the same timers, messages and instances.</summary>
[Collection(PostgresCollection.Name)]
public sealed class PostgreSqlRaceTests(PostgresServer server)
{
    private const int Instances = 30;

    [PostgresFact]
    public async Task Two_hosts_firing_the_same_due_timers_run_each_step_exactly_once()
    {
        var harness = await WorkflowHarness.CreateAsync(DatabaseProvider.PostgreSql, await server.CreateDatabaseAsync());
        var a = harness.Host("host-a");
        var b = harness.Host("host-b");
        await WorkflowHarness.PublishAsync(a, "reminder.bpmn");
        for (var i = 0; i < Instances; i++)
        {
            await a.StartAsync("reminder", null, $"case-{i}", CancellationToken.None);
        }

        harness.Clock.Advance(TimeSpan.FromHours(2));
        var fired = await Task.WhenAll(Task.Run(() => DrainAsync(a)), Task.Run(() => DrainAsync(b)));

        fired.Sum().Should().Be(Instances);
        (await harness.InstancesAsync()).Should().OnlyContain(i => i.Status == nameof(InstanceStatus.Completed));
        (await harness.NumbersTakenAsync()).Should().Be(Instances, "one reminder number per instance, none twice");
    }

    [Fact]
    public async Task Sqlite_hosts_racing_on_timers_run_each_step_exactly_once()
    {
        using var directory = new TempDirectory();
        var harness = await WorkflowHarness.CreateAsync(DatabaseProvider.Sqlite, directory.SqliteConnectionString());
        var a = harness.Host("host-a");
        var b = harness.Host("host-b");
        await WorkflowHarness.PublishAsync(a, "reminder.bpmn");
        for (var i = 0; i < Instances; i++)
        {
            await a.StartAsync("reminder", null, null, CancellationToken.None);
        }

        harness.Clock.Advance(TimeSpan.FromHours(2));
        var fired = await Task.WhenAll(Task.Run(() => DrainAsync(a)), Task.Run(() => DrainAsync(b)));

        fired.Sum().Should().Be(Instances);
        (await harness.NumbersTakenAsync()).Should().Be(Instances);
    }

    [PostgresFact]
    public async Task The_same_messages_delivered_through_two_hosts_at_once_resume_each_instance_once()
    {
        var harness = await WorkflowHarness.CreateAsync(DatabaseProvider.PostgreSql, await server.CreateDatabaseAsync());
        var a = harness.Host("host-a");
        var b = harness.Host("host-b");
        await WorkflowHarness.PublishAsync(a, "invoice-payment.bpmn");
        for (var i = 0; i < Instances; i++)
        {
            await a.StartAsync("invoice-payment", null, null, CancellationToken.None);
        }

        var payments = Enumerable.Range(1, Instances).Select(n => new IncomingMessage("payment-received", $"FA-2026-{n:000000}", $"pay-{n}")).ToList();
        var results = await Task.WhenAll(
            Task.Run(() => DeliverAllAsync(a, payments)),
            Task.Run(() => DeliverAllAsync(b, payments)));

        var outcomes = results.SelectMany(r => r).ToList();
        outcomes.Count(o => o == CorrelationOutcome.Delivered).Should().Be(Instances);
        outcomes.Count(o => o == CorrelationOutcome.Duplicate).Should().Be(Instances);
        (await harness.InstancesAsync()).Should().OnlyContain(i => i.Status == nameof(InstanceStatus.Completed));
        (await harness.NumbersTakenAsync()).Should().Be(2 * Instances);
    }

    [PostgresFact]
    public async Task Concurrent_messages_to_one_instance_on_postgresql_serialize()
    {
        var harness = await WorkflowHarness.CreateAsync(DatabaseProvider.PostgreSql, await server.CreateDatabaseAsync());
        var a = harness.Host("host-a");
        await WorkflowHarness.PublishAsync(a, "two-confirmations.bpmn");
        var started = await a.StartAsync("two-confirmations", new Dictionary<string, object?> { ["caseId"] = "C-9" }, null, CancellationToken.None);

        await Task.WhenAll(
            Task.Run(() => a.CorrelateAsync(new IncomingMessage("confirm-a", "C-9", "a-9"), CancellationToken.None)),
            Task.Run(() => harness.Host("host-b").CorrelateAsync(new IncomingMessage("confirm-b", "C-9", "b-9"), CancellationToken.None)));

        (await harness.Reader.GetAsync(started.Id, CancellationToken.None))!.State.Status.Should().Be(InstanceStatus.Completed);
    }

    private static async Task<int> DrainAsync(DurableWorkflowRuntime host)
    {
        var total = 0;
        for (var round = 0; round < 20; round++)
        {
            total += await host.Dispatcher().FireDueTimersAsync(CancellationToken.None);
        }

        return total;
    }

    private static async Task<List<CorrelationOutcome>> DeliverAllAsync(DurableWorkflowRuntime host, IEnumerable<IncomingMessage> messages)
    {
        var outcomes = new List<CorrelationOutcome>();
        foreach (var message in messages)
        {
            outcomes.Add((await host.CorrelateAsync(message, CancellationToken.None)).Outcome);
        }

        return outcomes;
    }
}
