using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using OrderToCash.Core.Infrastructure.Persistence;
using Quartz;

namespace OrderToCash.Core.Infrastructure.Housekeeping;

/// <summary>
/// Daily clean-up of operational tables. Each run is recorded, and runs older than the retention are removed,
/// so the table itself shows the scheduler firing across restarts.
/// </summary>
[DisallowConcurrentExecution]
public sealed partial class HousekeepingJob(Func<OrderToCashDbContext> createContext, TimeProvider clock, ILogger<HousekeepingJob> logger) : IJob
{
    public static readonly JobKey Key = new("housekeeping", "maintenance");

    /// <summary>How long run records are kept.</summary>
    public static readonly TimeSpan Retention = TimeSpan.FromDays(90);

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var now = clock.GetUtcNow();
        await using var db = createContext();
        var cutoff = now - Retention;
        var removed = await db.Set<HousekeepingRun>().Where(r => r.StartedAt < cutoff).ExecuteDeleteAsync(cancellationToken).ConfigureAwait(false);
        db.Set<HousekeepingRun>().Add(new HousekeepingRun
        {
            StartedAt = now,
            ScheduledFor = context.ScheduledFireTimeUtc,
            InstanceId = context.Scheduler.SchedulerInstanceId,
            RemovedRuns = removed,
        });
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        LogRan(logger, removed);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Housekeeping ran and removed {Removed} old run records")]
    private static partial void LogRan(ILogger logger, int removed);
}
