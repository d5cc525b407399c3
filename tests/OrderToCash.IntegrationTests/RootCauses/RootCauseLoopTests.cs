using Microsoft.EntityFrameworkCore;
using OrderToCash.Core.Infrastructure.Persistence;
using OrderToCash.Core.RootCauses;
using OrderToCash.Engine.Rules.Decisions;
using OrderToCash.IntegrationTests.Infrastructure;

namespace OrderToCash.IntegrationTests.RootCauses;

/// <summary>The root-cause loop over a simulated year (see <see cref="SimulatedYear"/>) on a SQLite file, with the shipped rules.</summary>
public sealed class RootCauseLoopTests : IDisposable
{
    private readonly TempDirectory directory = new();

    public void Dispose() => directory.Dispose();

    private static DateTimeOffset At(int month, int day) => new(2026, month, day, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task In_a_simulated_year_the_fix_that_worked_is_Verified_the_one_that_did_not_is_Reopened_and_no_analysis_duplicates_a_task()
    {
        await using var store = await RootCauseStore.CreateAsync(DatabaseProvider.Sqlite, directory.SqliteConnectionString(), At(1, 1));
        await using (var db = store.Context())
        {
            await SimulatedYear.WriteAsync(db);
        }

        // 1 April: the first quarter, [1 Jan, 1 Apr) = 90 days, 900 invoices.
        store.Clock.SetUtcNow(At(4, 1));
        var first = await store.Analyzer().AnalyzeAsync(CancellationToken.None);

        first.Current.InvoicesIssued.Should().Be(900);
        // PRICE_ERROR: k = 0, 50, … 850 → 18 disputes, 18 × 1,000 ÷ 900 = 20 per 1,000, at 5 customers, 18 × 120 = 2,160 EUR.
        first.Current.Find("PRICE_ERROR|ADV").Should().BeEquivalentTo(new { Occurrences = 18, DistinctCustomers = 5, Amount = 2_160m, RatePer1000Invoices = 20m });
        // Late payments settled by 1 Apr: k = 7, 107, 207, 307, 407 (issued ≤ 20 Feb, paid due + 10) → 5 → 5.5556 per 1,000.
        first.Current.Find("APPROVAL_DELAY_AT_CUSTOMER|Collections").Should().BeEquivalentTo(new { Occurrences = 5, DistinctCustomers = 5, RatePer1000Invoices = 5.5556m });
        first.Current.Groups.Where(g => g.Reason == "PRICE_ERROR").Select(g => (g.Segment, g.ProductFamily)).Should()
            .BeEquivalentTo([("Key", "Flour"), ("Key", "Ovens"), ("Standard", "Flour"), ("Standard", "Ovens")], "the groups break down by segment and product family");
        first.Current.Groups.Where(g => g.Reason == "PRICE_ERROR").Sum(g => g.Count).Should().Be(18);
        first.TasksCreated.Select(t => (t.ReasonCode, t.Department, t.TriggeredBy)).Should().BeEquivalentTo(new[]
        {
            ("PRICE_ERROR", "ADV", "RecurringAcrossCustomers,RisingTrend,HighRatePerThousandInvoices"),
            ("QUANTITY_SHORT", "Logistics", "RecurringAcrossCustomers,RisingTrend,HighRatePerThousandInvoices"),
            ("APPROVAL_DELAY_AT_CUSTOMER", "Collections", "RecurringAcrossCustomers,RisingTrend"),
        });
        var price = first.TasksCreated.Single(t => t.ReasonCode == "PRICE_ERROR");
        price.RatePer1000Before.Should().Be(20m);
        price.DecisionId.Should().NotBeNull("the evaluation that opened the task is in the decision log");

        var again = await store.Analyzer().AnalyzeAsync(CancellationToken.None);
        again.TasksCreated.Should().BeEmpty("each recurring cause already has its open task");

        // 1 July: ADV fixes its price lists; Logistics "fixes" short deliveries, to no effect.
        store.Clock.SetUtcNow(At(7, 1));
        await using (var db = store.Context())
        {
            foreach (var task in await db.Set<ImprovementTask>().Where(t => t.ReasonCode != "APPROVAL_DELAY_AT_CUSTOMER").ToListAsync())
            {
                task.Acknowledge("quality", store.Clock.GetUtcNow());
                task.StartFix("quality", store.Clock.GetUtcNow());
                task.DeployFix(SimulatedYear.FixDay, "Price list synchronised with the CRM deals", "quality", store.Clock.GetUtcNow());
            }

            await db.SaveChangesAsync();
        }

        // 28 September: the 90-day observation window (1 Jul to 28 Sep included) has not elapsed yet.
        store.Clock.SetUtcNow(At(9, 28));
        var early = await store.Analyzer().AnalyzeAsync(CancellationToken.None);
        (early.TasksVerified.Count, early.TasksReopened.Count, early.TasksCreated.Count).Should().Be((0, 0, 0));

        // 29 September: judged on [1 Jul, 29 Sep) = 900 invoices. PRICE_ERROR: k = 2,000, 2,250, 2,500 → 3 → 3.3333 per 1,000,
        // 3.3333 × 2 ≤ 20: dropped by more than half → Verified. QUANTITY_SHORT: still 18 → 20 per 1,000 → Reopened.
        store.Clock.SetUtcNow(At(9, 29));
        var judged = await store.Analyzer().AnalyzeAsync(CancellationToken.None);

        judged.TasksVerified.Should().ContainSingle().Which.Should().BeEquivalentTo(new
        {
            ReasonCode = "PRICE_ERROR",
            Status = ImprovementTaskStatus.Verified,
            RatePer1000After = 3.3333m,
            OpenCauseKey = (string?)null,
            VerificationNote = "3 occurrence(s) in 900 invoices from 2026-07-01 to 2026-09-28: 3.33 per 1,000 after the fix against 20 before: dropped by the target.",
        }, o => o.ExcludingMissingMembers());
        judged.TasksReopened.Should().ContainSingle().Which.Should().BeEquivalentTo(new
        {
            ReasonCode = "QUANTITY_SHORT",
            Status = ImprovementTaskStatus.Reopened,
            RatePer1000After = 20m,
            ReopenCount = 1,
        }, o => o.ExcludingMissingMembers());
        judged.TasksReopened[0].VerificationNote.Should().StartWith("18 occurrence(s) in 900 invoices from 2026-07-01 to 2026-09-28: 20 per 1,000 after the fix against 20 before: not dropped by the target");
        judged.TasksCreated.Should().BeEmpty("3 price errors in 90 days at 3.33 per 1,000, falling, recur no more; the reopened cause keeps its task");

        await using (var db = store.Context())
        {
            (await db.Set<ImprovementTask>().CountAsync()).Should().Be(3);
            (await db.Set<ImprovementTaskEvidence>().CountAsync(e => e.TaskId == price.Id && e.DisputeId != null)).Should().Be(18, "the 18 disputes behind the cause are linked to its task");
        }

        var log = new DecisionLog(store.Context);
        (await log.ExplainAsync(RootCauseAnalyzer.TaskSubject, price.Number, CancellationToken.None)).Should().ContainSingle()
            .Which.Rules.Should().Contain(r => r.RuleName == "FixEffective" && r.IsSuccess);
    }

    [Fact]
    public async Task Two_analyses_at_the_same_time_open_one_task_per_cause()
    {
        await using var store = await RootCauseStore.CreateAsync(DatabaseProvider.Sqlite, directory.SqliteConnectionString(), At(1, 1));
        await RunConcurrentlyAsync(store);
    }

    internal static async Task RunConcurrentlyAsync(RootCauseStore store)
    {
        await using (var db = store.Context())
        {
            await SimulatedYear.WriteAsync(db, onlyUntil: new DateOnly(2026, 4, 1));
        }

        store.Clock.SetUtcNow(At(4, 1));
        var (a, b) = (store.Analyzer(), store.Analyzer());

        var results = await Task.WhenAll(Task.Run(() => a.AnalyzeAsync(CancellationToken.None)), Task.Run(() => b.AnalyzeAsync(CancellationToken.None)));

        results.Sum(r => r.TasksCreated.Count).Should().Be(3, "each of the three recurring causes gets one task, whichever analysis opened it");
        await using var check = store.Context();
        (await check.Set<ImprovementTask>().Select(t => t.OpenCauseKey).ToListAsync()).Should()
            .BeEquivalentTo(["PRICE_ERROR|ADV", "QUANTITY_SHORT|Logistics", "APPROVAL_DELAY_AT_CUSTOMER|Collections"]);
    }
}

[Collection(PostgresCollection.Name)]
public sealed class PostgreSqlRootCauseTests(PostgresServer server)
{
    [PostgresFact]
    public async Task On_postgresql_two_analyses_at_the_same_time_open_one_task_per_cause()
    {
        await using var store = await RootCauseStore.CreateAsync(DatabaseProvider.PostgreSql, await server.CreateDatabaseAsync(), new DateTimeOffset(2026, 1, 1, 9, 0, 0, TimeSpan.Zero));
        await RootCauseLoopTests.RunConcurrentlyAsync(store);
    }
}
