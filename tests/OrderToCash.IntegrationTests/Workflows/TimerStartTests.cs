using Microsoft.EntityFrameworkCore;
using OrderToCash.Core.Infrastructure.Persistence;
using OrderToCash.Engine.Durable;
using OrderToCash.Engine.Durable.Storage;
using OrderToCash.Engine.Runtime.State;
using OrderToCash.IntegrationTests.Infrastructure;

namespace OrderToCash.IntegrationTests.Workflows;

/// <summary>Timer start events on their schedule: once per firing across hosts, surviving restarts (ADR 0067).</summary>
[Collection(PostgresCollection.Name)]
public sealed class TimerStartTests(PostgresServer server) : IDisposable
{
    private readonly TempDirectory directory = new();

    private async Task<WorkflowHarness> Harness(DatabaseProvider provider) => provider == DatabaseProvider.Sqlite
        ? await WorkflowHarness.CreateAsync(DatabaseProvider.Sqlite, directory.SqliteConnectionString())
        : await WorkflowHarness.CreateAsync(DatabaseProvider.PostgreSql, await server.CreateDatabaseAsync());

    [PostgresFact]
    public async Task A_one_minute_cycle_starts_one_instance_per_minute_across_two_hosts_on_postgresql()
    {
        var harness = await WorkflowHarness.CreateAsync(DatabaseProvider.PostgreSql, await server.CreateDatabaseAsync());
        var a = harness.Host("host-a");
        var b = harness.Host("host-b");
        await WorkflowHarness.PublishAsync(a, "every-minute.bpmn");
        (await a.Dispatcher().StartDueProcessesAsync(CancellationToken.None)).Should().Be(0, "the first firing is one minute after publication");

        for (var minute = 1; minute <= 10; minute++)
        {
            harness.Clock.Advance(TimeSpan.FromMinutes(1));
            var started = await Task.WhenAll(
                Task.Run(() => DrainAsync(a)), Task.Run(() => DrainAsync(b)), Task.Run(() => DrainAsync(a)), Task.Run(() => DrainAsync(b)));
            started.Sum().Should().Be(1, $"minute {minute} starts exactly one instance, whichever host takes it");
        }

        var instances = await harness.InstancesAsync();
        instances.Should().HaveCount(10).And.OnlyContain(i => i.ProcessId == "every-minute" && i.Status == nameof(InstanceStatus.Completed));
        instances.Select(i => i.BusinessKey).Should().OnlyHaveUniqueItems();
        (await harness.NumbersTakenAsync()).Should().Be(10, "each run's step ran exactly once");
        var row = await RowAsync(harness, "every-minute");
        row.Fired.Should().Be(10);
        row.DueAt.Should().Be(WorkflowHarness.Start.AddMinutes(11));
    }

    [Fact]
    public async Task Two_sqlite_hosts_racing_on_a_one_minute_cycle_start_one_instance_per_minute()
    {
        var harness = await Harness(DatabaseProvider.Sqlite);
        var a = harness.Host("host-a");
        var b = harness.Host("host-b");
        await WorkflowHarness.PublishAsync(a, "every-minute.bpmn");
        for (var minute = 1; minute <= 5; minute++)
        {
            harness.Clock.Advance(TimeSpan.FromMinutes(1));
            var started = await Task.WhenAll(Task.Run(() => DrainAsync(a)), Task.Run(() => DrainAsync(b)));
            started.Sum().Should().Be(1);
        }

        (await harness.NumbersTakenAsync()).Should().Be(5);
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [PostgresData]
    public async Task A_cycle_missed_while_every_host_was_down_starts_once_after_restart_and_keeps_its_phase(DatabaseProvider provider)
    {
        var harness = await Harness(provider);
        await WorkflowHarness.PublishAsync(harness.Host("host-a"), "every-minute.bpmn");

        // Every host is down for five and a half minutes; a new one starts.
        harness.Clock.Advance(TimeSpan.FromSeconds(330));
        var restarted = harness.Host("host-b");

        (await restarted.Dispatcher().StartDueProcessesAsync(CancellationToken.None)).Should().Be(1, "missed firings start one instance, not five");
        (await restarted.Dispatcher().StartDueProcessesAsync(CancellationToken.None)).Should().Be(0);
        (await RowAsync(harness, "every-minute")).DueAt.Should().Be(WorkflowHarness.Start.AddMinutes(6), "the cycle keeps its minute");
        harness.Clock.Advance(TimeSpan.FromSeconds(30));
        (await restarted.Dispatcher().StartDueProcessesAsync(CancellationToken.None)).Should().Be(1);
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [PostgresData]
    public async Task A_bounded_cycle_starts_as_many_times_as_it_says_then_stops(DatabaseProvider provider)
    {
        var harness = await Harness(provider);
        var host = harness.Host();
        await WorkflowHarness.PublishAsync(host, "three-times.bpmn");
        var started = 0;
        for (var hour = 0; hour < 5; hour++)
        {
            harness.Clock.Advance(TimeSpan.FromHours(1));
            started += await host.Dispatcher().StartDueProcessesAsync(CancellationToken.None);
        }

        started.Should().Be(3, "R3 fires three times");
        await using var db = harness.NewContext();
        (await db.Set<StartTimerRecord>().CountAsync()).Should().Be(0, "a finished cycle leaves no row");
    }

    [Fact]
    public async Task A_date_and_a_duration_start_once_each_at_their_time()
    {
        var harness = await Harness(DatabaseProvider.Sqlite);
        var host = harness.Host();
        await WorkflowHarness.PublishAsync(host, "once-at-date.bpmn");

        harness.Clock.Advance(TimeSpan.FromHours(2));
        (await host.Dispatcher().StartDueProcessesAsync(CancellationToken.None)).Should().Be(1, "PT2H after publication");
        harness.Clock.Advance(TimeSpan.FromDays(1));
        (await host.Dispatcher().StartDueProcessesAsync(CancellationToken.None)).Should().Be(1, "the date 2026-11-24T06:00Z has passed");
        harness.Clock.Advance(TimeSpan.FromDays(30));
        (await host.Dispatcher().StartDueProcessesAsync(CancellationToken.None)).Should().Be(0);
        (await harness.InstancesAsync()).Select(i => i.BusinessKey).Should().BeEquivalentTo(["timer 2026-11-23T10:00:00Z", "timer 2026-11-24T06:00:00Z"]);
    }

    [Fact]
    public async Task A_new_version_replaces_the_schedule_and_one_without_timer_start_stops_it()
    {
        var harness = await Harness(DatabaseProvider.Sqlite);
        var host = harness.Host();
        await WorkflowHarness.PublishAsync(host, "every-minute.bpmn");
        var hourly = Fixture("every-minute.bpmn").Replace("R/PT1M", "R/PT1H", StringComparison.Ordinal);
        (await host.Definitions.PublishAsync(hourly, "every-minute.bpmn", "tester", CancellationToken.None)).Published.Should().BeTrue();

        var row = await RowAsync(harness, "every-minute");
        row.Version.Should().Be(2);
        row.DueAt.Should().Be(WorkflowHarness.Start.AddHours(1));
        harness.Clock.Advance(TimeSpan.FromMinutes(5));
        (await host.Dispatcher().StartDueProcessesAsync(CancellationToken.None)).Should().Be(0, "version 2 runs hourly");

        var manual = Fixture("every-minute.bpmn").Replace("<timerEventDefinition><timeCycle>R/PT1M</timeCycle></timerEventDefinition>", string.Empty, StringComparison.Ordinal);
        (await host.Definitions.PublishAsync(manual, "every-minute.bpmn", "tester", CancellationToken.None)).Published.Should().BeTrue();
        await using var db = harness.NewContext();
        (await db.Set<StartTimerRecord>().CountAsync()).Should().Be(0);
    }

    [Fact]
    public async Task Publishing_a_timer_start_written_as_an_expression_is_refused_naming_the_event()
    {
        var harness = await Harness(DatabaseProvider.Sqlite);
        var host = harness.Host();
        var xml = Fixture("every-minute.bpmn").Replace("R/PT1M", "period", StringComparison.Ordinal);

        var result = await host.Definitions.PublishAsync(xml, "every-minute.bpmn", "tester", CancellationToken.None);

        result.Published.Should().BeFalse();
        result.Diagnostics.Should().Contain(d => d.Code == "BPMN044" && d.Message.Contains("timer start event 'tick'", StringComparison.Ordinal));
        await using var db = harness.NewContext();
        (await db.Set<StartTimerRecord>().CountAsync()).Should().Be(0);
    }

    [Theory]
    [InlineData("R/PT1S", "PT1S")]
    [InlineData("R10/PT30S", "PT30S")]
    [InlineData("R/2026-01-01T00:00:00Z/PT0.5S", "PT0.5S")]
    public async Task A_timer_start_cycle_shorter_than_a_minute_is_refused_at_publication_naming_the_event(string cycle, string interval)
    {
        var harness = await Harness(DatabaseProvider.Sqlite);
        var host = harness.Host();
        var xml = Fixture("every-minute.bpmn").Replace("R/PT1M", cycle, StringComparison.Ordinal);

        var result = await host.Definitions.PublishAsync(xml, "every-minute.bpmn", "tester", CancellationToken.None);

        result.Published.Should().BeFalse();
        result.Diagnostics.Should().ContainSingle(d => d.Code == "BPMN044").Which.Message.Should().Be(
            $"The timer start event 'tick' repeats every {interval}: a timer start cycle repeats at most once a minute (an interval of PT1M or longer), since each firing starts an instance.");
        await using var db = harness.NewContext();
        (await db.Set<StartTimerRecord>().CountAsync()).Should().Be(0);
        (await db.Set<DefinitionRecord>().CountAsync()).Should().Be(0);
    }

    [Fact]
    public async Task A_one_minute_cycle_anchored_in_year_one_is_published_at_once_and_keeps_its_phase()
    {
        var harness = await Harness(DatabaseProvider.Sqlite);
        var host = harness.Host();
        var xml = Fixture("every-minute.bpmn").Replace("R/PT1M", "R/0001-01-01T00:00:30Z/PT1M", StringComparison.Ordinal);

        (await host.Definitions.PublishAsync(xml, "every-minute.bpmn", "tester", CancellationToken.None)).Published.Should().BeTrue();

        var row = await RowAsync(harness, "every-minute");
        row.DueAt.Should().Be(WorkflowHarness.Start.AddSeconds(30), "the next occurrence at 30 seconds past a minute, found without stepping through 2,000 years");
    }

    public void Dispose() => directory.Dispose();

    private static string Fixture(string name) => File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Workflows", "Fixtures", name));

    private static async Task<StartTimerRecord> RowAsync(WorkflowHarness harness, string processId)
    {
        await using var db = harness.NewContext();
        return await db.Set<StartTimerRecord>().AsNoTracking().SingleAsync(t => t.ProcessId == processId);
    }

    private static async Task<int> DrainAsync(DurableWorkflowRuntime host)
    {
        var total = 0;
        for (var round = 0; round < 5; round++)
        {
            total += await host.Dispatcher().StartDueProcessesAsync(CancellationToken.None);
        }

        return total;
    }
}
