namespace OrderToCash.Engine.Runtime;

/// <summary>
/// What one step of one instance may do before it is stopped as an incident naming the budget and the element
/// (ADR 0091): a definition that loops without waiting, calls itself or fans out over a huge collection must never
/// hang the host or hold the database's write lock. Configured under <c>Workflow:Budgets</c>.
/// </summary>
public sealed class WorkflowBudgets
{
    /// <summary>Elements entered in one step: the longest shipped path enters about 30.</summary>
    public int MaxElementsPerStep { get; set; } = 10_000;

    /// <summary>Call activities nested inside one another.</summary>
    public int MaxCallDepth { get; set; } = 16;

    /// <summary>Items of one multi-instance activity.</summary>
    public int MaxMultiInstanceItems { get; set; } = 1_000;

    /// <summary>Wall time of one step, checked between elements (a handler running is not interrupted).</summary>
    public TimeSpan MaxStepTime { get; set; } = TimeSpan.FromSeconds(30);
}
