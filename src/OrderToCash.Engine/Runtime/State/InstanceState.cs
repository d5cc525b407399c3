using OrderToCash.Engine.Runtime;

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

    /// <summary>The business key it was started with (an order or dispute number), for the steps that record decisions about it; null in a state stored before it was kept.</summary>
    public string? BusinessKey { get; set; }

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

    /// <summary>The scope with this id, or null when it ended.</summary>
    public ScopeState? FindScope(string scopeId)
    {
        // A loop rather than Find(lambda): this runs for every element a token enters.
        foreach (var scope in Scopes)
        {
            if (scope.Id == scopeId)
            {
                return scope;
            }
        }

        return null;
    }

    /// <summary>
    /// The called process whose elements a scope runs (the nearest call activity above it), or null when they are the
    /// instance's own process's.
    /// </summary>
    public CalledProcess? CalledProcessOf(string scopeId)
    {
        for (var scope = FindScope(scopeId); scope is not null; scope = scope.ParentScopeId is null ? null : FindScope(scope.ParentScopeId))
        {
            switch (scope.Kind)
            {
                case ScopeKind.Process:
                    return null;
                case ScopeKind.CallActivity:
                    return new CalledProcess(scope.ElementId, scope.Version ?? 0);
            }
        }

        return null;
    }

    /// <summary>
    /// The variables a token in <paramref name="scopeId"/> sees: local layers (multi-instance items) over the
    /// process's, or over the called process's (a call activity's variables are its own).
    /// </summary>
    public IReadOnlyDictionary<string, object?> VariablesVisibleFrom(string scopeId)
    {
        var layers = new List<IReadOnlyDictionary<string, object?>>();
        for (var scope = FindScope(scopeId); scope is not null; scope = scope.ParentScopeId is null ? null : FindScope(scope.ParentScopeId))
        {
            if (scope.Kind == ScopeKind.Process)
            {
                break;
            }

            if (scope.Variables is not null)
            {
                layers.Add(scope.Variables);
                if (scope.Kind == ScopeKind.CallActivity)
                {
                    return layers.Count == 1 ? layers[0] : new LayeredVariables(layers);
                }
            }
        }

        layers.Add(Variables);
        return layers.Count == 1 ? layers[0] : new LayeredVariables(layers);
    }
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

    /// <summary>The budget the step went over (e.g. MaxElementsPerStep), when that is why it stopped (ADR 0091).</summary>
    public string? Budget { get; set; }

    public DateTimeOffset At { get; set; }

    /// <summary>
    /// The technical detail of the failure (exception type, message and stack), at most <see cref="MaxDetailLength"/>
    /// characters, for administrators; null for a BPMN error or a budget.
    /// </summary>
    public string? Detail { get; set; }

    public const int MaxDetailLength = 8_000;

    /// <summary>The failure behind the incident, for the log of the step that opened it; never stored.</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public Exception? Exception { get; set; }
}
