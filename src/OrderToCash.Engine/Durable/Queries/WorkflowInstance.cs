using System.Linq.Expressions;
using OrderToCash.Engine.Durable.Storage;

namespace OrderToCash.Engine.Durable;

/// <summary>
/// A process instance as callers read it: where it stands and why it stopped, without its stored state (ADR 0130: the
/// engine's storage is its own; callers read these read models).
/// </summary>
public sealed class WorkflowInstance
{
    public required string Id { get; init; }

    public required string ProcessId { get; init; }

    public int Version { get; init; }

    public required string Status { get; init; }

    /// <summary>The business key the instance was started for (an order, an invoice), for lookups.</summary>
    public string? BusinessKey { get; init; }

    public DateTimeOffset StartedAt { get; init; }

    public DateTimeOffset UpdatedAt { get; init; }

    public DateTimeOffset? EndedAt { get; init; }

    public string? IncidentElementId { get; init; }

    public string? IncidentMessage { get; init; }

    /// <summary>Automatic retries done for the current incident.</summary>
    public int IncidentAttempts { get; init; }

    /// <summary>When the next automatic retry is due; null when retries are exhausted (a person must act).</summary>
    public DateTimeOffset? NextRetryAt { get; init; }

    /// <summary>A member-init projection, so that a query composed on it (Where, Any, Count) compiles to the same SQL.</summary>
    internal static readonly Expression<Func<InstanceRecord, WorkflowInstance>> FromRecord = i => new WorkflowInstance
    {
        Id = i.Id,
        ProcessId = i.ProcessId,
        Version = i.Version,
        Status = i.Status,
        BusinessKey = i.BusinessKey,
        StartedAt = i.StartedAt,
        UpdatedAt = i.UpdatedAt,
        EndedAt = i.EndedAt,
        IncidentElementId = i.IncidentElementId,
        IncidentMessage = i.IncidentMessage,
        IncidentAttempts = i.IncidentAttempts,
        NextRetryAt = i.NextRetryAt,
    };
}
