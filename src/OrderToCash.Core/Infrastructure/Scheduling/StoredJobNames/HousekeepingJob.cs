using Microsoft.Extensions.DependencyInjection;
using Quartz;

// Stored job name (ADR 0130): kept in its namespace from before the Core folders moved.
namespace OrderToCash.Core.Housekeeping;

/// <summary>
/// The name <see cref="Infrastructure.Housekeeping.HousekeepingJob"/> was stored under in QRTZ_JOB_DETAILS before ADR 0130 moved it: Quartz
/// keeps a job's class name with the job, so a database created before the move still names this class. It runs the
/// moved job. (Quartz 4.7's type-loader aliases do not reach the ADO store's loader; this is the fallback its
/// documentation names.)
/// </summary>
[DisallowConcurrentExecution]
public sealed class HousekeepingJob(IServiceProvider services) : IJob
{
    public ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken) =>
        ActivatorUtilities.CreateInstance<Infrastructure.Housekeeping.HousekeepingJob>(services).Execute(context, cancellationToken);
}
