using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OrderToCash.Core.Disputes;
using OrderToCash.Core.Infrastructure.Persistence;
using OrderToCash.Core.Reasons;
using OrderToCash.Core.RootCauses;
using OrderToCash.IntegrationTests.Hosting;
using OrderToCash.IntegrationTests.Infrastructure;
using Quartz;

namespace OrderToCash.IntegrationTests.RootCauses;

public sealed class RootCauseJobTests
{
    [Fact]
    public async Task The_nightly_job_is_scheduled_in_the_store_and_runs_the_analysis_that_opens_the_task()
    {
        using var directory = new TempDirectory();
        await using var host = TestHost.Sqlite(directory, ("RootCause:NightlyCron", "* * * * * ?"));
        using var credit = host.ClientFor("claire");
        var scheduler = await host.Services.GetRequiredService<ISchedulerFactory>().GetScheduler();
        ((await scheduler.GetTrigger(new TriggerKey("root-cause-nightly", "analytics"))) as ICronTrigger)!.CronExpressionString.Should().Be("* * * * * ?");

        await using (var db = DatabaseConfigurator.CreateContext(DatabaseProvider.Sqlite, directory.SqliteConnectionString()))
        {
            var rows = new LedgerRows(db);
            rows.Reason("INVOICE_NOT_RECEIVED", ReasonKind.Dispute, "Billing");
            var customers = new[] { rows.Customer("J-1", "Key", "sam"), rows.Customer("J-2", "Small", "sam") };
            var today = DateOnly.FromDateTime(TimeProvider.System.GetUtcNow().UtcDateTime);
            for (var k = 0; k < 40; k++)
            {
                var invoice = rows.Invoice(customers[k % 2], $"FA-JOB-{k:000}", today.AddDays(-10), today.AddDays(20), 500m);
                if (k < 6)
                {
                    rows.Dispute(invoice, "INVOICE_NOT_RECEIVED", null, LedgerRows.At(today.AddDays(-2), 9), 500m);
                }
            }

            await db.SaveChangesAsync();
        }

        var published = await credit.PostAsJsonAsync(new Uri("/api/rules/publish", UriKind.Relative), new
        {
            files = new[] { new { name = "root-cause.json", content = await File.ReadAllTextAsync(Path.Combine(RepositoryPaths.Rules, "root-cause.json")) } },
        });
        published.StatusCode.Should().Be(HttpStatusCode.Created);

        var tasks = await SchedulerStoreTests.WaitFor(
            async () =>
            {
                await using var db = DatabaseConfigurator.CreateContext(DatabaseProvider.Sqlite, directory.SqliteConnectionString());
                return await db.Set<ImprovementTask>().Select(t => t.OpenCauseKey).ToListAsync();
            },
            keys => keys.Count > 0,
            TimeSpan.FromSeconds(20));
        tasks.Should().Equal("INVOICE_NOT_RECEIVED|Billing");
    }

    [Fact]
    public async Task The_database_refuses_a_second_task_for_an_open_cause()
    {
        using var directory = new TempDirectory();
        await using var store = await RootCauseStore.CreateAsync(DatabaseProvider.Sqlite, directory.SqliteConnectionString(), new DateTimeOffset(2026, 1, 1, 9, 0, 0, TimeSpan.Zero));
        var cause = new RecurringCause("PRICE_ERROR", "ADV", new DateOnly(2026, 1, 1), new DateOnly(2026, 4, 1), 18, 5, 2_160m, 20m);
        await using (var first = store.Context())
        {
            first.Add(ImprovementTask.Open(cause, "RecurringAcrossCustomers", null, store.Clock.GetUtcNow()));
            await first.SaveChangesAsync();
        }

        await using var second = store.Context();
        second.Add(ImprovementTask.Open(cause, "RisingTrend", null, store.Clock.GetUtcNow()));
        var save = () => second.SaveChangesAsync();

        (await save.Should().ThrowAsync<DbUpdateException>()).WithInnerException<Microsoft.Data.Sqlite.SqliteException>()
            .WithMessage("*UNIQUE constraint failed: improvement_tasks.OpenCauseKey*");
    }
}
