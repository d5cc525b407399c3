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

        ValidateCalls(document, catalog, diagnostics);
        if (document.Processes.Count > 0 && !document.Processes.Any(p => p.IsExecutable))
        {
            diagnostics.Add(new Diagnostic(document.SourceName, null, null, null, BpmnCodes.NoExecutableProcess,
                "No process is marked isExecutable=\"true\": the file is accepted as documentation and only its unsupported elements are listed.",
                DiagnosticSeverity.Warning));
        }

        return new BpmnValidationResult(document, catalog, diagnostics, expressions, variables);
    }

    /// <summary>
    /// A call activity that calls its own process, directly or through other processes (of the file, or published),
    /// would start calls without end.
    /// </summary>
    private static void ValidateCalls(BpmnDocument document, WorkflowCatalog catalog, List<Diagnostic> diagnostics)
    {
        var fileCalls = document.Processes.Where(p => p.IsExecutable).ToDictionary(
            p => p.Id, p => CallActivities(p.Content).Where(c => c.CalledElement is not null).ToList(), StringComparer.Ordinal);
        IEnumerable<string> Calls(string processId) =>
            fileCalls.TryGetValue(processId, out var activities) ? activities.Select(a => a.CalledElement!)
            : catalog.PublishedCalls?.GetValueOrDefault(processId) ?? [];

        foreach (var (processId, activities) in fileCalls)
        {
            foreach (var activity in activities)
            {
                if (PathBack(activity.CalledElement!, processId, Calls) is not { } path)
                {
                    continue;
                }

                var chain = string.Join(" → ", new[] { processId }.Concat(path).Select(p => $"'{p}'"));
                diagnostics.Add(new Diagnostic(document.SourceName, activity.Id, activity.Location.IsKnown ? activity.Location.Line : null,
                    activity.Location.IsKnown ? activity.Location.Column : null, BpmnCodes.RecursiveCall,
                    path.Count == 1
                        ? $"The callActivity '{activity.Id}' calls its own process '{processId}': each call would start another without end."
                        : $"The callActivity '{activity.Id}' calls back its own process through {chain}: the calls would never end."));
            }
        }
    }

    /// <summary>The calls from <paramref name="start"/> that lead back to <paramref name="target"/> (breadth first), or null.</summary>
    private static List<string>? PathBack(string start, string target, Func<string, IEnumerable<string>> calls)
    {
        var previous = new Dictionary<string, string?>(StringComparer.Ordinal) { [start] = null };
        var pending = new Queue<string>([start]);
        while (pending.Count > 0)
        {
            var current = pending.Dequeue();
            if (current == target)
            {
                var path = new List<string>();
                for (string? at = current; at is not null; at = previous[at])
                {
                    path.Add(at);
                }

                path.Reverse();
                return path;
            }

            foreach (var next in calls(current).Where(n => !previous.ContainsKey(n)))
            {
                previous[next] = current;
                pending.Enqueue(next);
            }
        }

        return null;
    }

    private static IEnumerable<FlowNode> CallActivities(FlowScope scope) =>
        scope.Nodes.SelectMany(n => n.Content is { } content ? CallActivities(content) : n.Kind == FlowNodeKind.CallActivity ? [n] : []);
}
