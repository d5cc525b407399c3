namespace OrderToCash.Engine.Runtime.State;

/// <summary>
/// Everything that changes while one process instance runs, as a plain snapshot (System.Text.Json round-trips it):
/// tokens, scopes, variables, bookmarks and history. The compiled plan is not part of it; the durable runtime
/// stores this object in one transaction per step.
/// </summary>
public sealed class InstanceState
{
    public string Id { get; set; } = string.Empty;

    public string ProcessId { get; set; } = string.Empty;

    public int Version { get; set; }

    public InstanceStatus Status { get; set; }

    /// <summary>The process-level variables. Values are live objects, or JsonElement after deserialization.</summary>
    public Dictionary<string, object?> Variables { get; set; } = new(StringComparer.Ordinal);

    public List<TokenState> Tokens { get; set; } = [];

    /// <summary>Scope executions: the process itself, embedded sub-processes, call activities and multi-instance bodies/items.</summary>
    public List<ScopeState> Scopes { get; set; } = [];

    /// <summary>What the instance waits for: user tasks, messages, timers. Resuming one is an explicit operation.</summary>
    public List<Bookmark> Bookmarks { get; set; } = [];

    public List<HistoryEntry> History { get; set; } = [];

    /// <summary>Set when a step failed technically (handler exception, expression error, no gateway way out).</summary>
    public Incident? Incident { get; set; }

    public DateTimeOffset StartedAt { get; set; }

    public DateTimeOffset? EndedAt { get; set; }

    /// <summary>The next local id for tokens, scopes and bookmarks (ids are unique within the instance).</summary>
    public long NextId { get; set; }

    internal string NewId(char prefix) => prefix + (++NextId).ToString(System.Globalization.CultureInfo.InvariantCulture);
}

public enum InstanceStatus
{
    Running,
    Completed,

    /// <summary>A BPMN error reached the top without a boundary event catching it.</summary>
    Failed,

    /// <summary>A technical failure stopped the instance; it resumes after the cause is fixed.</summary>
    Incident,

    /// <summary>A person ended the instance (e.g. after an incident that cannot be fixed).</summary>
    Cancelled,
}

/// <summary>Why and where the instance stopped.</summary>
public sealed class Incident
{
    public string ElementId { get; set; } = string.Empty;

    public string? TokenId { get; set; }

    public string Message { get; set; } = string.Empty;

    public DateTimeOffset At { get; set; }

    /// <summary>The failure behind the incident, for the log of the step that opened it; never stored.</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public Exception? Exception { get; set; }
}
