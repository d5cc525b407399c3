namespace OrderToCash.Engine.Rules.Decisions;

/// <summary>
/// One recorded decision: which rule set version decided what about which subject, from which input values.
/// With the immutable <see cref="Store.RuleSetVersion"/> it points to, it answers "why, and under which rules".
/// </summary>
public sealed class DecisionRecord
{
    public long Id { get; init; }

    /// <summary>What the decision is about, e.g. a business document type; with <see cref="SubjectId"/> the query key.</summary>
    public required string SubjectType { get; init; }

    public required string SubjectId { get; init; }

    public required string RuleSetName { get; init; }

    public int RuleSetVersion { get; init; }

    public required string ContentHash { get; init; }

    /// <summary>The instant the rule set version was resolved for (the evaluation date).</summary>
    public DateTimeOffset EvaluatedAt { get; init; }

    /// <summary>The inputs, as JSON: { "inputName": { ...values... } }.</summary>
    public required string InputsJson { get; init; }

    /// <summary>Every rule's outcome, as JSON (name, success, event, message, nested outcomes).</summary>
    public required string ResultsJson { get; init; }

    /// <summary>Per rule, the values of its global and local parameters (e.g. the limit it compared with), as JSON.</summary>
    public string? ParametersJson { get; init; }

    /// <summary>The successful rules' names, comma-separated: a quick look without parsing JSON.</summary>
    public string? Succeeded { get; init; }
}
