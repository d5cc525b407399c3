using System.Linq.Expressions;
using OrderToCash.Engine.Durable.Storage;

namespace OrderToCash.Engine.Durable;

/// <summary>A user task in the inbox: open for a role, claimed by a person, then completed (or cancelled by the process).</summary>
public sealed class UserTask
{
    public required string Id { get; init; }

    public required string InstanceId { get; init; }

    public required string BookmarkId { get; init; }

    /// <summary>The process the task's element belongs to: a called process's own id for its tasks, not its caller's.</summary>
    public required string ProcessId { get; init; }

    /// <summary>The version of <see cref="ProcessId"/> the task's element belongs to.</summary>
    public int Version { get; init; }

    public required string ElementId { get; init; }

    public string? Name { get; init; }

    public string? CandidateRole { get; init; }

    public string? BusinessKey { get; init; }

    public UserTaskStatus Status { get; init; }

    public string? Assignee { get; init; }

    public DateTimeOffset CreatedAt { get; init; }

    public DateTimeOffset? DueAt { get; init; }

    public DateTimeOffset? ClaimedAt { get; init; }

    public DateTimeOffset? CompletedAt { get; init; }

    public string? CompletedBy { get; init; }

    /// <summary>The outputs given at completion, as JSON.</summary>
    public string? Outputs { get; init; }

    internal static readonly Expression<Func<UserTaskRecord, UserTask>> FromRecord = t => new UserTask
    {
        Id = t.Id,
        InstanceId = t.InstanceId,
        BookmarkId = t.BookmarkId,
        ProcessId = t.ProcessId,
        Version = t.Version,
        ElementId = t.ElementId,
        Name = t.Name,
        CandidateRole = t.CandidateRole,
        BusinessKey = t.BusinessKey,
        Status = t.Status,
        Assignee = t.Assignee,
        CreatedAt = t.CreatedAt,
        DueAt = t.DueAt,
        ClaimedAt = t.ClaimedAt,
        CompletedAt = t.CompletedAt,
        CompletedBy = t.CompletedBy,
        Outputs = t.Outputs,
    };

    private static readonly Func<UserTaskRecord, UserTask> Map = FromRecord.Compile();

    internal static UserTask Of(UserTaskRecord record) => Map(record);
}

public enum UserTaskStatus
{
    Open,
    Claimed,
    Completed,

    /// <summary>The process moved on without it (boundary timer, terminate end, cancelled instance).</summary>
    Cancelled,
}
