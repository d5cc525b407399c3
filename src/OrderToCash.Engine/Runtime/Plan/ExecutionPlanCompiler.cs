using OrderToCash.Engine.Bpmn.Model;
using OrderToCash.Engine.Bpmn.Validation;
using OrderToCash.Engine.Diagnostics;
using OrderToCash.Engine.Expressions;
using OrderToCash.Engine.Handlers;

namespace OrderToCash.Engine.Runtime.Plan;

/// <summary>
/// Compiles a validated process into an <see cref="ExecutionPlan"/>: resolves flows and boundary events, binds
/// handlers, compiles every expression once, and precomputes what inclusive joins need at run time.
/// </summary>
public static class ExecutionPlanCompiler
{
    public static ExecutionPlan Compile(BpmnValidationResult validation, string processId, int version, HandlerCatalog handlers)
    {
        ArgumentNullException.ThrowIfNull(validation);
        ArgumentNullException.ThrowIfNull(handlers);
        if (!validation.IsValid)
        {
            throw new DefinitionInvalidException([.. validation.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error)]);
        }

        var process = validation.Document.Processes.FirstOrDefault(p => p.Id == processId)
            ?? throw new DefinitionInvalidException($"The file '{validation.Document.SourceName}' has no process '{processId}'.");
        if (!process.IsExecutable)
        {
            throw new DefinitionInvalidException($"The process '{processId}' is not executable (isExecutable is not \"true\").");
        }

        var nodes = new Dictionary<string, PlanNode>(StringComparer.Ordinal);
        var root = BuildScope(process.Content, null, nodes, validation, handlers);
        return new ExecutionPlan(processId, version, validation.Document.SourceName, root, nodes, validation.Variables[processId])
        {
            Choices = process.Variables.Where(v => v.Values is not null).ToDictionary(v => v.Name, v => v.Values!, StringComparer.Ordinal),
        };
    }

    private static PlanScope BuildScope(FlowScope content, PlanNode? owner, Dictionary<string, PlanNode> all, BpmnValidationResult validation, HandlerCatalog handlers)
    {
        var scope = new PlanScope(owner);
        var nodes = content.Nodes.Select(n => new PlanNode(n, scope)).ToList();
        var byId = nodes.ToDictionary(n => n.Id, StringComparer.Ordinal);
        foreach (var node in nodes)
        {
            all.Add(node.Id, node);
        }

        var flows = content.Flows
            .Select(f => new PlanFlow(f.Id, byId[f.SourceRef], byId[f.TargetRef], CompileCondition(validation, f)))
            .ToList();
        foreach (var node in nodes)
        {
            node.Outgoing = [.. flows.Where(f => f.Source == node)];
            node.Incoming = [.. flows.Where(f => f.Target == node)];
            node.DefaultFlow = node.Model.DefaultFlow is { } id ? node.Outgoing.First(f => f.Id == id) : null;
            node.Boundaries = [.. nodes.Where(b => b.Model.AttachedTo == node.Id)];
            node.AttachedTo = node.Model.AttachedTo is { } host ? byId[host] : null;
            Bind(node, validation, handlers);
            if (node.Model.Content is { } inner)
            {
                node.Content = BuildScope(inner, node, all, validation, handlers);
            }
        }

        foreach (var join in nodes.Where(n => n.Kind == FlowNodeKind.InclusiveGateway && n.Incoming.Count > 1))
        {
            join.UpstreamOfIncoming = [.. join.Incoming.Select(f => Upstream(f.Source, join))];
        }

        scope.Nodes = nodes;
        scope.NoneStart = nodes.FirstOrDefault(n => n.Kind == FlowNodeKind.StartEvent && n.Model.Event.Kind == EventKind.None);
        return scope;
    }

    /// <summary>Nodes from which <paramref name="source"/> can be reached without passing through the join itself.</summary>
    private static HashSet<string> Upstream(PlanNode source, PlanNode join)
    {
        var reached = new HashSet<string>(StringComparer.Ordinal);
        var pending = new Stack<PlanNode>([source]);
        while (pending.Count > 0)
        {
            var node = pending.Pop();
            if (node == join || !reached.Add(node.Id))
            {
                continue;
            }

            foreach (var flow in node.Incoming)
            {
                pending.Push(flow.Source);
            }

            // A token waiting inside an activity can leave through its boundary events.
            if (node.AttachedTo is { } host)
            {
                pending.Push(host);
            }
        }

        return reached;
    }

    private static void Bind(PlanNode node, BpmnValidationResult validation, HandlerCatalog handlers)
    {
        var model = node.Model;
        if (model.Kind == FlowNodeKind.ServiceTask)
        {
            node.Handler = handlers.TryGet(model.Handler!, out var handler)
                ? handler
                : throw new DefinitionInvalidException($"The serviceTask '{model.Id}' uses the handler '{model.Handler}', which is not registered in this runtime.");
        }

        node.Inputs = [.. model.Inputs.Select(m => new PlanMapping(m.Name, Expression(validation, new ExpressionKey(model.Id, ExpressionPurpose.Input, m.Name))!))];
        node.Outputs = [.. model.Outputs.Select(m => new PlanMapping(m.Name, Expression(validation, new ExpressionKey(model.Id, ExpressionPurpose.Output, m.Name))!))];
        node.CorrelationKey = Expression(validation, new ExpressionKey(model.Id, ExpressionPurpose.CorrelationKey));
        node.Assignee = Expression(validation, new ExpressionKey(model.Id, ExpressionPurpose.Assignee));
        node.Collection = Expression(validation, new ExpressionKey(model.Id, ExpressionPurpose.Collection));
        node.OutputElement = Expression(validation, new ExpressionKey(model.Id, ExpressionPurpose.OutputElement));
        if (model.EventDefinitions.Count == 1 && model.Event is { Kind: EventKind.Timer, Timer: { } kind, TimerText: { } text })
        {
            node.Timer = Timer(validation, new ExpressionKey(model.Id, ExpressionPurpose.Timer), kind, text);
        }

        if (model.DueDate is { } due)
        {
            node.DueDate = Timer(validation, new ExpressionKey(model.Id, ExpressionPurpose.DueDate), due.StartsWith('P') ? TimerKind.Duration : TimerKind.Date, due);
        }
    }

    private static PlanTimer Timer(BpmnValidationResult validation, ExpressionKey key, TimerKind kind, string text) =>
        PlanTimer.Parse(kind, text) is { } literal ? new PlanTimer(kind, literal, null) : new PlanTimer(kind, null, Expression(validation, key));

    private static CompiledExpression<object?>? Expression(BpmnValidationResult validation, ExpressionKey key) =>
        validation.Expressions.TryGetValue(key, out var parsed) ? parsed.Compile<object?>() : null;

    private static CompiledExpression<bool>? CompileCondition(BpmnValidationResult validation, SequenceFlow flow) =>
        validation.Expressions.TryGetValue(new ExpressionKey(flow.Id, ExpressionPurpose.Condition), out var parsed) ? parsed.Compile<bool>() : null;
}
