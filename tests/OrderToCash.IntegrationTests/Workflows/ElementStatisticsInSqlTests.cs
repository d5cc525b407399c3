using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using OrderToCash.Core.Infrastructure.Persistence;
using OrderToCash.Engine.Durable;
using OrderToCash.Engine.Durable.Storage;
using OrderToCash.IntegrationTests.Infrastructure;

namespace OrderToCash.IntegrationTests.Workflows;

/// <summary>
/// The per-element statistics the database computes (ADR 0137) against the way they were computed before, in memory
/// from every passage: the same counts, oldest waits, means and nearest-rank p90 on SQLite and PostgreSQL; and the
/// migration that gives the passages recorded before their duration.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class ElementStatisticsInSqlTests(PostgresServer server)
{
    [Fact]
    public async Task Sqlite_computes_the_statistics_the_in_memory_computation_gave()
    {
        using var directory = new TempDirectory();
        await StatisticsMatchInMemoryAsync(await WorkflowHarness.CreateAsync(DatabaseProvider.Sqlite, directory.SqliteConnectionString()));
    }

    [PostgresFact]
    public async Task PostgreSql_computes_the_statistics_the_in_memory_computation_gave() =>
        await StatisticsMatchInMemoryAsync(await WorkflowHarness.CreateAsync(DatabaseProvider.PostgreSql, await server.CreateDatabaseAsync()));

    [Fact]
    public async Task Sqlite_migration_gives_the_passages_recorded_before_their_duration()
    {
        using var directory = new TempDirectory();
        await MigrationFillsDurationsAsync(DatabaseProvider.Sqlite, directory.SqliteConnectionString(), WorkflowHarness.Start.UtcTicks, WorkflowHarness.Start.AddMinutes(90).UtcTicks);
    }

    [PostgresFact]
    public async Task PostgreSql_migration_gives_the_passages_recorded_before_their_duration() =>
        await MigrationFillsDurationsAsync(DatabaseProvider.PostgreSql, await server.CreateDatabaseAsync(), WorkflowHarness.Start, WorkflowHarness.Start.AddMinutes(90));

    /// <summary>
    /// Twelve instances started at uneven intervals; three approved, two days later five more: the period leaves the
    /// first three out, four wait still. The statistics must be those computed from the visits in memory.
    /// </summary>
    private static async Task StatisticsMatchInMemoryAsync(WorkflowHarness harness)
    {
        var host = harness.Host();
        await WorkflowHarness.PublishAsync(host, "approval.bpmn");
        var started = new List<string>();
        for (var i = 0; i < 12; i++)
        {
            started.Add((await host.StartAsync("approval", null, null, CancellationToken.None)).Id);
            harness.Clock.Advance(TimeSpan.FromMinutes((7 * i * i % 50) + 3));
        }

        await ApproveAsync(harness, host, started[2], started[7], started[0]);
        harness.Clock.Advance(TimeSpan.FromDays(2));
        var since = harness.Clock.GetUtcNow();
        foreach (var id in new[] { started[5], started[1], started[11], started[3], started[9] })
        {
            harness.Clock.Advance(TimeSpan.FromMinutes(id.Length % 17 + 11));
            await ApproveAsync(harness, host, id);
        }

        harness.Clock.Advance(TimeSpan.FromHours(3));

        var statistics = await harness.Reader.ElementStatisticsAsync("approval", since, CancellationToken.None);

        var expected = await InMemoryAsync(harness, "approval", since);
        statistics.Select(s => s.ElementId).Should().Equal(expected.Select(s => s.ElementId));
        statistics.Should().Contain(s => s.ElementId == "approve" && s.WaitingNow == 4 && s.Passages == 5);
        foreach (var (actual, wanted) in statistics.Zip(expected))
        {
            actual.Should().BeEquivalentTo(wanted, o => o.Excluding(s => s.MeanTime));
            actual.MeanTime.HasValue.Should().Be(wanted.MeanTime.HasValue);
            if (wanted.MeanTime is { } mean)
            {
                actual.MeanTime!.Value.Should().BeCloseTo(mean, TimeSpan.FromTicks(1), "the mean in ticks, rounded, against seconds as a double");
            }
        }
    }

    private static async Task ApproveAsync(WorkflowHarness harness, DurableWorkflowRuntime host, params string[] instances)
    {
        var inbox = await harness.Reader.InboxAsync("claire", ["CreditManager"], CancellationToken.None);
        foreach (var id in instances)
        {
            var task = inbox.Single(t => t.InstanceId == id);
            await host.CompleteAsync(task.Id, "claire", ["CreditManager"], new Dictionary<string, object?> { ["decision"] = "ok" }, CancellationToken.None);
        }
    }

    /// <summary>The computation the database replaced: every passage of the period loaded, sorted in memory.</summary>
    private static async Task<List<ElementStatistics>> InMemoryAsync(WorkflowHarness harness, string processId, DateTimeOffset since)
    {
        await using var db = harness.NewContext();
        var visits = await db.Set<ElementVisitRecord>().AsNoTracking().Where(v => v.ProcessId == processId).ToListAsync();
        var now = harness.Clock.GetUtcNow();
        return [.. visits.GroupBy(v => v.ElementId, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g =>
        {
            var waiting = g.Where(v => v.LeftAt is null).ToList();
            var times = g.Where(v => v.LeftAt >= since).Select(v => (v.LeftAt!.Value - v.EnteredAt).TotalSeconds).Order().ToList();
            return new ElementStatistics(
                g.Key,
                waiting.Count,
                waiting.Count == 0 ? null : now - waiting.Min(v => v.EnteredAt),
                times.Count,
                times.Count == 0 ? null : TimeSpan.FromSeconds(times.Average()),
                times.Count == 0 ? null : TimeSpan.FromSeconds(times[Math.Max(0, (int)Math.Ceiling(times.Count * 0.9) - 1)]));
        }).Where(s => s.WaitingNow > 0 || s.Passages > 0)];
    }

    /// <summary>A database at the migration before ADR 0137's, one passage and one waiting visit written then, then migrated.</summary>
    private static async Task MigrationFillsDurationsAsync(DatabaseProvider provider, string connectionString, object enteredAt, object leftAt)
    {
        await using (var db = DatabaseConfigurator.CreateContext(provider, connectionString))
        {
            var migrations = db.Database.GetMigrations().ToList();
            var before = migrations[migrations.FindIndex(m => m.EndsWith("_VisitDurations", StringComparison.Ordinal)) - 1];
            await db.GetService<IMigrator>().MigrateAsync(before);
            await db.Database.ExecuteSqlAsync($"""
                INSERT INTO "wf_visits" ("InstanceId", "ProcessId", "Version", "ElementId", "TokenId", "EnteredAt", "LeftAt", "Outcome")
                VALUES ('i1', 'p', 1, 'passed', 't1', {enteredAt}, {leftAt}, 'Completed'), ('i1', 'p', 1, 'waiting', 't1', {enteredAt}, NULL, NULL)
                """);
            await db.Database.MigrateAsync();
        }

        await using var check = DatabaseConfigurator.CreateContext(provider, connectionString);
        var durations = await check.Set<ElementVisitRecord>().AsNoTracking().OrderBy(v => v.ElementId).Select(v => v.DurationTicks).ToListAsync();
        durations.Should().Equal(TimeSpan.FromMinutes(90).Ticks, null);
    }
}
