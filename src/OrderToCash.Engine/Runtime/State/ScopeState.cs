namespace OrderToCash.Engine.Runtime.State;

/// <summary>One execution of a scope. Variables are local only for call activities and multi-instance items.</summary>
public sealed class ScopeState
{
    public string Id { get; set; } = string.Empty;

    public ScopeKind Kind { get; set; }

    /// <summary>The process id (root and call activity) or the activity the scope executes.</summary>
    public string ElementId { get; set; } = string.Empty;

    public string? ParentScopeId { get; set; }

    /// <summary>The token waiting at the owning activity in the parent scope.</summary>
    public string? ParentTokenId { get; set; }

    /// <summary>Root and call activity: the process version the scope's elements belong to.</summary>
    public int? Version { get; set; }

    /// <summary>Local variables (call activity, multi-instance item); null when the scope sees its parent's.</summary>
    public Dictionary<string, object?>? Variables { get; set; }

    /// <summary>Multi-instance body: the collection captured on entry, so later changes do not shift items.</summary>
    public List<object?>? Items { get; set; }

    /// <summary>Multi-instance body with an output collection: one result per item, in item order.</summary>
    public List<object?>? Results { get; set; }

    public int NextItem { get; set; }

    public int CompletedItems { get; set; }

    public int ActiveItems { get; set; }
}

public enum ScopeKind
{
    Process,
    SubProcess,
    CallActivity,
    MultiInstanceBody,
    MultiInstanceItem,
}
