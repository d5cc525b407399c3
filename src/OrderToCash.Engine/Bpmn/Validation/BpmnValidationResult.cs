using OrderToCash.Engine.Bpmn.Model;
using OrderToCash.Engine.Diagnostics;
using OrderToCash.Engine.Expressions;

namespace OrderToCash.Engine.Bpmn.Validation;

/// <summary>
/// The validator's verdict on a document: every diagnostic (parse and validation) and, for the plan compiler, the
/// expressions it already parsed and checked, so that publishing parses each expression once.
/// </summary>
public sealed class BpmnValidationResult
{
    internal BpmnValidationResult(BpmnDocument document, WorkflowCatalog catalog, IReadOnlyList<Diagnostic> diagnostics,
        IReadOnlyDictionary<ExpressionKey, ParsedExpression> expressions, IReadOnlyDictionary<string, IReadOnlyList<ExpressionParameter>> variables)
    {
        Document = document;
        Catalog = catalog;
        Diagnostics = diagnostics;
        Expressions = expressions;
        Variables = variables;
    }

    public BpmnDocument Document { get; }

    public WorkflowCatalog Catalog { get; }

    public IReadOnlyList<Diagnostic> Diagnostics { get; }

    public bool IsValid => Diagnostics.All(d => d.Severity != DiagnosticSeverity.Error);

    /// <summary>The accepted expressions, by element and purpose.</summary>
    public IReadOnlyDictionary<ExpressionKey, ParsedExpression> Expressions { get; }

    /// <summary>The typed variables of each process (declared plus produced by handlers), by process id.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<ExpressionParameter>> Variables { get; }
}
