namespace OrderToCash.Engine.Durable;

/// <summary>The <c>Workflow</c> configuration section: how long messages wait, how timers are claimed, how failures retry.</summary>
public sealed class DurableWorkflowOptions
{
    public const string SectionName = "Workflow";

    /// <summary>How long a message with no waiting bookmark is kept for one that may appear.</summary>
    public TimeSpan MessageTimeToLive { get; set; } = TimeSpan.FromDays(7);

    /// <summary>How long a host owns a claimed timer before another host may take it over.</summary>
    public TimeSpan TimerLease { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>How many due timers one dispatch claims.</summary>
    public int TimerBatchSize { get; set; } = 100;

    /// <summary>Automatic retries of a failed step before the incident waits for a person.</summary>
    public int MaxAutomaticRetries { get; set; } = 3;

    /// <summary>The first retry delay; each next one doubles it.</summary>
    public TimeSpan RetryBackoff { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How many times a step is replayed when another host changed the instance meanwhile.</summary>
    public int ConcurrencyRetries { get; set; } = 5;

    /// <summary>How many instances one migration moves in one transaction (the oldest first); the rest wait for the next call.</summary>
    public int MigrationBatchSize { get; set; } = 500;

    /// <summary>What one step may do before the instance becomes an incident (<c>Workflow:Budgets</c>).</summary>
    public Runtime.WorkflowBudgets Budgets { get; set; } = new();

    /// <summary>This host's name in timer leases; unique per host.</summary>
    public string HostId { get; set; } = $"{Environment.MachineName}-{Environment.ProcessId}-{Guid.NewGuid().ToString("N")[..6]}";
}
