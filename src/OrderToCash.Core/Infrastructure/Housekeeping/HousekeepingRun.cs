namespace OrderToCash.Core.Infrastructure.Housekeeping;

/// <summary>One execution of the daily housekeeping job: when it ran, on which host, and what it removed.</summary>
public sealed class HousekeepingRun
{
    public long Id { get; set; }

    public DateTimeOffset StartedAt { get; set; }

    public DateTimeOffset? ScheduledFor { get; set; }

    public required string InstanceId { get; set; }

    public int RemovedRuns { get; set; }
}
