namespace OrderToCash.Engine.Runtime.State;

/// <summary>A token: where control is in one scope execution.</summary>
public sealed class TokenState
{
    public string Id { get; set; } = string.Empty;

    public string ElementId { get; set; } = string.Empty;

    public string ScopeId { get; set; } = string.Empty;

    public TokenStatus Status { get; set; }

    /// <summary>The sequence flow the token arrived by (joins count arrivals per incoming flow).</summary>
    public string? ArrivedVia { get; set; }

    /// <summary>The token runs one item of a multi-instance activity (not the multi-instance body).</summary>
    public bool IsLoopItem { get; set; }
}

public enum TokenStatus
{
    /// <summary>Ready to execute its element.</summary>
    Active,

    /// <summary>Inside an activity or event that waits: a bookmark, a child scope, or a multi-instance body.</summary>
    Waiting,

    /// <summary>Arrived at a parallel or inclusive join, waiting for the join to fire.</summary>
    Joining,
}
