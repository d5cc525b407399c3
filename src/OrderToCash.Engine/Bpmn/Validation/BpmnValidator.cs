using OrderToCash.Engine.Bpmn.Model;
using OrderToCash.Engine.Diagnostics;
using OrderToCash.Engine.Expressions;

namespace OrderToCash.Engine.Bpmn.Validation;

/// <summary>
/// Checks a parsed document against what the runtime can execute and what the catalog knows. Executable processes
/// get every rule; non-executable ones (documentation models) only get their unsupported elements listed as
/// warnings, since nobody will run them.
/// </summary>
public static class BpmnValidator
{
    public static BpmnValidationResult Validate(BpmnDocument document, WorkflowCatalog catalog)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(catalog);
        var diagnostics = new List<Diagnostic>(document.Diagnostics);
        var expressions = new Dictionary<ExpressionKey, ParsedExpression>();
        var variables = new Dictionary<string, IReadOnlyList<ExpressionParameter>>(StringComparer.Ordinal);
        var parser = new SandboxedExpressionParser(catalog.ExpressionPolicy);
        var processIds = document.Processes.Select(p => p.Id).ToHashSet(StringComparer.Ordinal);
        foreach (var process in document.Processes)
        {
            var run = new ProcessValidation(document.SourceName, process, catalog, parser, processIds, diagnostics, expressions);
            if (process.IsExecutable)
            {
                variables[process.Id] = run.ValidateExecutable();
            }
            else
            {
                run.ListUnsupported(process.Content);
            }
        }

        if (document.Processes.Count > 0 && !document.Processes.Any(p => p.IsExecutable))
        {
            diagnostics.Add(new Diagnostic(document.SourceName, null, null, null, BpmnCodes.NoExecutableProcess,
                "No process is marked isExecutable=\"true\": the file is accepted as documentation and only its unsupported elements are listed.",
                DiagnosticSeverity.Warning));
        }

        return new BpmnValidationResult(document, catalog, diagnostics, expressions, variables);
    }
}
