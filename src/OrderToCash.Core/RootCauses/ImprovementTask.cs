namespace OrderToCash.Core.RootCauses;

/// <summary>
/// A process-improvement task: a recurring cause (reason × owning department) handed to that department until the
/// cause measurably stops recurring. Open → Acknowledged → FixInProgress → FixDeployed → Verified, or Reopened with
/// the numbers when the rate did not drop enough; a reopened task goes round again.
/// </summary>
public sealed class ImprovementTask
{
    public Guid Id { get; init; } = Guid.NewGuid();

    /// <summary>IT-2026-1A2B3C4D: the year and the first hex digits of the id, readable in the department's list.</summary>
    public required string Number { get; init; }

    public required string ReasonCode { get; init; }

    public required string Department { get; init; }

    /// <summary>
    /// "REASON|Department" while the task is not Verified, null afterwards. A unique index on it is what makes two
    /// concurrent analyses unable to open two tasks for the same open cause (nulls do not collide on any provider).
    /// </summary>
    public string? OpenCauseKey { get; private set; }

    public ImprovementTaskStatus Status { get; private set; } = ImprovementTaskStatus.Open;

    /// <summary>The root-cause rules that fired, comma-separated (e.g. "RecurringAcrossCustomers,RisingTrend").</summary>
    public required string TriggeredBy { get; init; }

    /// <summary>The decision log record of the evaluation that opened the task.</summary>
    public long? DecisionId { get; init; }

    public DateTimeOffset CreatedAt { get; init; }

    /// <summary>The analysis period the evidence comes from: [EvidenceFrom, EvidenceTo).</summary>
    public DateOnly EvidenceFrom { get; init; }

    public DateOnly EvidenceTo { get; init; }

    public int OccurrencesBefore { get; init; }

    public decimal AmountBefore { get; init; }

    /// <summary>Occurrences per 1,000 invoices issued in the evidence period: the rate the fix must bring down.</summary>
    public decimal RatePer1000Before { get; init; }

    public DateOnly? FixDeployedOn { get; private set; }

    public string? FixDescription { get; private set; }

    /// <summary>The rate measured over the observation window after the fix, when the task was verified or reopened.</summary>
    public decimal? RatePer1000After { get; private set; }

    /// <summary>Why it was verified or reopened, with the numbers.</summary>
    public string? VerificationNote { get; private set; }

    public DateTimeOffset? VerifiedAt { get; private set; }

    /// <summary>How many times a deployed fix did not bring the rate down.</summary>
    public int ReopenCount { get; private set; }

    public string? UpdatedBy { get; private set; }

    public DateTimeOffset? UpdatedAt { get; private set; }

    /// <summary>Optimistic concurrency: a person moving the task and the nightly verification conflict instead of overwriting.</summary>
    public long Version { get; private set; }

    public static string CauseKey(string reasonCode, string department) => $"{reasonCode}|{department}";

    /// <summary>A new task for a cause found recurring; it starts Open and owns the cause's key.</summary>
    public static ImprovementTask Open(RecurringCause cause, string triggeredBy, long? decisionId, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(cause);
        var id = Guid.NewGuid();
        return new ImprovementTask
        {
            Id = id,
            // No series row to contend on: two analyses on two hosts never wait for each other to number a task.
            Number = string.Create(System.Globalization.CultureInfo.InvariantCulture, $"IT-{at:yyyy}-{id.ToString("N")[..8].ToUpperInvariant()}"),
            ReasonCode = cause.ReasonCode,
            Department = cause.Department,
            OpenCauseKey = CauseKey(cause.ReasonCode, cause.Department),
            TriggeredBy = triggeredBy,
            DecisionId = decisionId,
            CreatedAt = at,
            EvidenceFrom = cause.From,
            EvidenceTo = cause.To,
            OccurrencesBefore = cause.Occurrences,
            AmountBefore = cause.Amount,
            RatePer1000Before = cause.RatePer1000Invoices,
        };
    }

    public void Acknowledge(string by, DateTimeOffset at) =>
        Move(ImprovementTaskStatus.Acknowledged, by, at, ImprovementTaskStatus.Open, ImprovementTaskStatus.Reopened);

    public void StartFix(string by, DateTimeOffset at) =>
        Move(ImprovementTaskStatus.FixInProgress, by, at, ImprovementTaskStatus.Acknowledged, ImprovementTaskStatus.Reopened);

    /// <summary>The department deployed its change: the observation window starts on <paramref name="on"/>.</summary>
    public void DeployFix(DateOnly on, string description, string by, DateTimeOffset at)
    {
        if (string.IsNullOrWhiteSpace(description))
        {
            throw new ImprovementTaskException($"Task {Number}: a deployed fix needs a description of what changed.");
        }

        if (on > DateOnly.FromDateTime(at.UtcDateTime))
        {
            throw new ImprovementTaskException($"Task {Number}: the fix date {on:yyyy-MM-dd} is in the future; record it once deployed.");
        }

        Move(ImprovementTaskStatus.FixDeployed, by, at, ImprovementTaskStatus.FixInProgress);
        (FixDeployedOn, FixDescription) = (on, description.Trim());
    }

    /// <summary>The rate dropped by the rules' target over the observation window: the cause is closed.</summary>
    public void Verify(decimal rateAfter, string note, DateTimeOffset at)
    {
        Move(ImprovementTaskStatus.Verified, "root-cause analysis", at, ImprovementTaskStatus.FixDeployed);
        (RatePer1000After, VerificationNote, VerifiedAt, OpenCauseKey) = (rateAfter, note, at, null);
    }

    /// <summary>The fix did not bring the rate down enough: back to the department, with the numbers.</summary>
    public void Reopen(decimal rateAfter, string note, DateTimeOffset at)
    {
        Move(ImprovementTaskStatus.Reopened, "root-cause analysis", at, ImprovementTaskStatus.FixDeployed);
        (RatePer1000After, VerificationNote) = (rateAfter, note);
        ReopenCount++;
    }

    private void Move(ImprovementTaskStatus to, string by, DateTimeOffset at, params ImprovementTaskStatus[] from)
    {
        if (!from.Contains(Status))
        {
            throw new ImprovementTaskException(
                $"Task {Number} is {Status}: it can move to {to} only from {string.Join(" or ", from)}.");
        }

        (Status, UpdatedBy, UpdatedAt) = (to, by, at);
        Version++;
    }
}

public enum ImprovementTaskStatus
{
    Open,
    Acknowledged,
    FixInProgress,
    FixDeployed,
    Verified,
    Reopened,
}
