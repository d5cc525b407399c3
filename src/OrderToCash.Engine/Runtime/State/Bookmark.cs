namespace OrderToCash.Engine.Runtime.State;

/// <summary>Something the instance waits for, resumed explicitly by <c>WorkflowExecutor.ResumeAsync</c>.</summary>
public sealed class Bookmark
{
    public string Id { get; set; } = string.Empty;

    public BookmarkKind Kind { get; set; }

    /// <summary>The element that waits: a user/receive task, a catch event, or a boundary event.</summary>
    public string ElementId { get; set; } = string.Empty;

    /// <summary>The waiting token; for a boundary event, the token of the activity it is attached to.</summary>
    public string TokenId { get; set; } = string.Empty;

    public string? MessageName { get; set; }

    /// <summary>The correlation key computed when the bookmark was created; null matches any key.</summary>
    public string? CorrelationKey { get; set; }

    /// <summary>Timer: when it fires. User task: when it is due.</summary>
    public DateTimeOffset? DueAt { get; set; }

    public string? CandidateRole { get; set; }

    /// <summary>User task: the person it was assigned to when created (<c>o2c:assignee</c>); null when it is for a role.</summary>
    public string? Assignee { get; set; }

    /// <summary>
    /// User task: the element's name, kept with the bookmark because the task may sit in a called process whose plan
    /// the instance's own plan does not contain.
    /// </summary>
    public string? Name { get; set; }

    /// <summary>
    /// The called process the waiting element belongs to, and its version; null when it belongs to the instance's own
    /// process. A task of credit-release is credit-release's, not its caller's.
    /// </summary>
    public string? ProcessId { get; set; }

    public int? Version { get; set; }

    /// <summary>Timer cycle: how many more times it fires after this one; null means unbounded.</summary>
    public int? RemainingRepetitions { get; set; }

    public bool IsCycle { get; set; }

    /// <summary>Bookmarks racing behind one event-based gateway share the gateway token's id.</summary>
    public string? GroupId { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
}

public enum BookmarkKind
{
    UserTask,
    Message,
    Timer,
}
