namespace OrderToCash.Core.Infrastructure.Scheduling;

/// <summary>The <c>Scheduler</c> configuration section.</summary>
public sealed class SchedulerOptions
{
    public const string SectionName = "Scheduler";

    /// <summary>Quartz cron expression (UTC) for the housekeeping job; 02:30 every day by default.</summary>
    public string HousekeepingCron { get; set; } = "0 30 2 * * ?";

    /// <summary>How often due workflow timers are looked for (whole seconds, at least one).</summary>
    public TimeSpan WorkflowDispatchInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>A fixed instance id for this host; by default Quartz generates a unique one.</summary>
    public string? InstanceId { get; set; }

    public TimeSpan ClusterCheckinInterval { get; set; } = TimeSpan.FromSeconds(15);

    public TimeSpan? StartDelay { get; set; }

    /// <summary>False for a node that serves the API only and runs no jobs.</summary>
    public bool AutoStart { get; set; } = true;
}
