using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OrderToCash.Core.Infrastructure.Housekeeping;
using OrderToCash.Core.Infrastructure.Persistence;
using OrderToCash.IntegrationTests.Infrastructure;
using Quartz;

namespace OrderToCash.IntegrationTests.Hosting;

public sealed class SchedulerStoreTests
{
    private const string EverySecond = "0/1 * * * * ?";
    private static readonly TriggerKey HousekeepingTrigger = new("housekeeping-daily", "maintenance");

    [Fact]
    public async Task A_trigger_stored_by_one_host_is_kept_and_fired_by_the_next_host_on_the_same_database()
    {
        using var directory = new TempDirectory();
        await using (var first = TestHost.Sqlite(directory, ("Scheduler:HousekeepingCron", EverySecond)))
        {
            first.CreateClient().Dispose();
            (await CronOf(first)).Should().Be(EverySecond);
        }

        // The second host is configured with the daily default: the stored trigger, not the configuration, is the truth.
        await using var second = TestHost.Sqlite(directory);
        second.CreateClient().Dispose();
        (await CronOf(second)).Should().Be(EverySecond);

        var runsAtStart = await CountRuns(directory.SqliteConnectionString());
        var runs = await WaitFor(() => CountRuns(directory.SqliteConnectionString()), n => n > runsAtStart, TimeSpan.FromSeconds(20));
        runs.Should().BeGreaterThan(runsAtStart, "the stored every-second trigger fires in the restarted host");
    }

    [Fact]
    public async Task A_job_stored_under_its_class_name_from_before_the_core_folders_moved_still_runs()
    {
        using var directory = new TempDirectory();
        await using (var first = TestHost.Sqlite(directory, ("Scheduler:HousekeepingCron", EverySecond)))
        {
            first.CreateClient().Dispose();
        }

        // A database created before ADR 0130 holds the job under the namespace it had then.
        await using (var connection = new Microsoft.Data.Sqlite.SqliteConnection(directory.SqliteConnectionString()))
        {
            await connection.OpenAsync();
            await using var update = connection.CreateCommand();
            update.CommandText = "UPDATE QRTZ_JOB_DETAILS SET JOB_CLASS_NAME = 'OrderToCash.Core.Infrastructure.Housekeeping.HousekeepingJob, OrderToCash.Core' WHERE JOB_CLASS_NAME LIKE 'OrderToCash.Core.Infrastructure.Housekeeping.HousekeepingJob,%'";
            (await update.ExecuteNonQueryAsync()).Should().Be(1, "the job was stored under its class name");
        }

        await using var second = TestHost.Sqlite(directory);
        second.CreateClient().Dispose();
        var runsAtStart = await CountRuns(directory.SqliteConnectionString());
        var runs = await WaitFor(() => CountRuns(directory.SqliteConnectionString()), n => n > runsAtStart, TimeSpan.FromSeconds(20));
        runs.Should().BeGreaterThan(runsAtStart, "the old class name still names a job that runs the moved one");
    }

    private static async Task<string?> CronOf(TestHost host)
    {
        var scheduler = await host.Services.GetRequiredService<ISchedulerFactory>().GetScheduler();
        var trigger = await scheduler.GetTrigger(HousekeepingTrigger);
        return (trigger as ICronTrigger)?.CronExpressionString;
    }

    internal static async Task<int> CountRuns(string connectionString, DatabaseProvider provider = DatabaseProvider.Sqlite)
    {
        await using var context = DatabaseConfigurator.CreateContext(provider, connectionString);
        return await context.Set<HousekeepingRun>().CountAsync();
    }

    internal static async Task<T> WaitFor<T>(Func<Task<T>> probe, Func<T, bool> done, TimeSpan timeout)
    {
        var deadline = Environment.TickCount64 + (long)timeout.TotalMilliseconds;
        var value = await probe();
        while (!done(value) && Environment.TickCount64 < deadline)
        {
            await Task.Delay(200);
            value = await probe();
        }

        return value;
    }
}
