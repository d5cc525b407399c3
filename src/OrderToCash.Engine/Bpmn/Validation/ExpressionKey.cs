namespace OrderToCash.Engine.Bpmn.Validation;

/// <summary>What an expression in a definition is for.</summary>
public enum ExpressionPurpose
{
    Condition,
    Input,
    Output,
    Timer,
    DueDate,
    CorrelationKey,
    Collection,
    OutputElement,
    Assignee,
}

/// <summary>Identifies one expression of a definition: the element (or flow) it belongs to, its purpose and, for mappings, its name.</summary>
public readonly record struct ExpressionKey(string ElementId, ExpressionPurpose Purpose, string? Name = null);
