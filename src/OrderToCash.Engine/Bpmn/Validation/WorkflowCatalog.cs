using OrderToCash.Engine.Expressions;
using OrderToCash.Engine.Handlers;

namespace OrderToCash.Engine.Bpmn.Validation;

/// <summary>
/// What a definition may refer to: the registered handlers (with their typed outputs), the rule set names, and
/// optionally the processes a call activity may call (null: not checked beyond the file itself).
/// </summary>
public sealed record WorkflowCatalog(IReadOnlyList<HandlerDescriptor> Handlers, IReadOnlyCollection<string> RuleSets)
{
    public static WorkflowCatalog Empty { get; } = new([], []);

    public IReadOnlyCollection<string>? CallableProcesses { get; init; }

    /// <summary>
    /// The processes each published process calls (its latest version), so that a file calling one of them is checked
    /// for a call cycle through them; null: only the file's own calls are followed.
    /// </summary>
    public IReadOnlyDictionary<string, IReadOnlyCollection<string>>? PublishedCalls { get; init; }

    /// <summary>
    /// The roles a user task may be for (built-in and business roles, ADR 0132); null: not checked (a file checked
    /// offline, or a published version loaded again, whose roles were checked when it was published).
    /// </summary>
    public IReadOnlyCollection<string>? Roles { get; init; }

    public ExpressionTypePolicy ExpressionPolicy { get; init; } = ExpressionTypePolicy.Default;

    public HandlerDescriptor? FindHandler(string name) => Handlers.FirstOrDefault(h => string.Equals(h.Name, name, StringComparison.Ordinal));
}
