using Microsoft.Extensions.Diagnostics.HealthChecks;
using Quartz;

namespace OrderToCash.Host.Features.Health;

/// <summary>Healthy when the Quartz scheduler runs on its persistent, clustered store.</summary>
internal sealed class SchedulerHealthCheck(ISchedulerFactory schedulers) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var scheduler = await schedulers.GetScheduler(cancellationToken).ConfigureAwait(false);
        var meta = await scheduler.GetMetadata(cancellationToken).ConfigureAwait(false);
        var jobs = await scheduler.GetJobKeys(GroupMatcher<JobKey>.AnyGroup(), cancellationToken).ConfigureAwait(false);
        var data = new Dictionary<string, object>
        {
            ["name"] = meta.SchedulerName,
            ["instanceId"] = meta.SchedulerInstanceId,
            ["state"] = meta.Status.ToString(),
            ["persistent"] = meta.JobStorePersistent,
            ["clustered"] = meta.JobStoreClustered,
            ["jobs"] = jobs.Select(j => j.ToString()).Order(StringComparer.Ordinal).ToList(),
        };
        return meta.Status switch
        {
            SchedulerStatus.Running => HealthCheckResult.Healthy("Running.", data),
            SchedulerStatus.Created or SchedulerStatus.Standby => HealthCheckResult.Degraded("Not started yet.", data: data),
            _ => HealthCheckResult.Unhealthy($"The scheduler is {meta.Status}.", data: data),
        };
    }
}
