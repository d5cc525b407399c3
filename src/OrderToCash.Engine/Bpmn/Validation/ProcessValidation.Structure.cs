using OrderToCash.Engine.Bpmn.Model;
using OrderToCash.Engine.Expressions;

namespace OrderToCash.Engine.Bpmn.Validation;

/// <summary>Scope-level rules: flows that point nowhere, unreachable nodes, start and end events, gateways.</summary>
internal sealed partial class ProcessValidation
{
    private void ValidateScope(FlowScope scope, FlowNode? owner, IReadOnlyList<ExpressionParameter> parameters)
    {
        var isRoot = owner is null;
        var nodes = new Dictionary<string, FlowNode>(StringComparer.Ordinal);
        foreach (var node in scope.Nodes)
        {
            nodes.TryAdd(node.Id, node);
        }

        var outgoing = scope.Nodes.ToDictionary(n => n.Id, _ => new List<SequenceFlow>(), StringComparer.Ordinal);
        var incoming = scope.Nodes.ToDictionary(n => n.Id, _ => new List<SequenceFlow>(), StringComparer.Ordinal);
        foreach (var flow in scope.Flows)
        {
            var source = nodes.GetValueOrDefault(flow.SourceRef);
            var target = nodes.GetValueOrDefault(flow.TargetRef);
            if (source is null || target is null)
            {
                var missing = source is null ? $"source '{flow.SourceRef}'" : $"target '{flow.TargetRef}'";
                Report(flow.Id, flow.Location, BpmnCodes.DanglingFlow, $"The sequence flow '{flow.Id}' is dangling: its {missing} is not a flow node of the same {(isRoot ? "process" : "sub-process")}.");
                continue;
            }

            outgoing[source.Id].Add(flow);
            incoming[target.Id].Add(flow);
            ValidateFlowCondition(flow, source, parameters);
        }

        ValidateStartAndEnd(scope, owner, incoming, outgoing);
        foreach (var node in scope.Nodes)
        {
            ValidateNode(node, nodes, incoming, outgoing[node.Id], isRoot, parameters);
        }

        ValidateReachability(scope, nodes, outgoing);
    }

    private void ValidateFlowCondition(SequenceFlow flow, FlowNode source, IReadOnlyList<ExpressionParameter> parameters)
    {
        if (flow.Condition is null)
        {
            return;
        }

        if (source.Kind is FlowNodeKind.ExclusiveGateway or FlowNodeKind.InclusiveGateway)
        {
            Check(flow.Id, flow.Location, new ExpressionKey(flow.Id, ExpressionPurpose.Condition), flow.Condition, parameters, typeof(bool), "condition");
        }
        else
        {
            Report(flow.Id, flow.Location, BpmnCodes.IgnoredCondition,
                $"The sequence flow '{flow.Id}' has a condition but leaves {source.Describe()}; conditions are only evaluated on flows leaving exclusive or inclusive gateways (use a gateway).");
        }
    }

    private void ValidateStartAndEnd(FlowScope scope, FlowNode? owner, Dictionary<string, List<SequenceFlow>> incoming, Dictionary<string, List<SequenceFlow>> outgoing)
    {
        var starts = scope.Nodes.Where(n => n.Kind == FlowNodeKind.StartEvent).ToList();
        if (starts.Count == 0)
        {
            Report(owner?.Id ?? process.Id, owner?.Location ?? process.Location, BpmnCodes.StartEvents, owner is null
                ? $"The process '{process.Id}' has no start event."
                : $"The sub-process '{owner.Id}' has no start event.");
        }

        if (starts.Count(s => s.Event.Kind == EventKind.None) > 1)
        {
            var second = starts.Where(s => s.Event.Kind == EventKind.None).Skip(1).First();
            Report(second.Id, second.Location, BpmnCodes.StartEvents, $"{Capitalize(second.Describe())} is a second none start event in the same scope; an instance could not know where to start.");
        }

        foreach (var node in scope.Nodes)
        {
            if (node.Kind is FlowNodeKind.StartEvent or FlowNodeKind.BoundaryEvent && incoming[node.Id].Count > 0)
            {
                Report(node.Id, node.Location, BpmnCodes.MisplacedFlow, $"{Capitalize(node.Describe())} has an incoming sequence flow ('{incoming[node.Id][0].Id}'); a {node.ElementType} cannot be entered by a flow.");
            }

            if (node.Kind == FlowNodeKind.EndEvent && outgoing[node.Id].Count > 0)
            {
                Report(node.Id, node.Location, BpmnCodes.MisplacedFlow, $"{Capitalize(node.Describe())} has an outgoing sequence flow ('{outgoing[node.Id][0].Id}'); an end event ends the path.");
            }

            if (node.IsGateway && outgoing[node.Id].Count == 0)
            {
                Report(node.Id, node.Location, BpmnCodes.MissingOutgoing, $"{Capitalize(node.Describe())} has no outgoing sequence flow; tokens reaching it would be stuck.");
            }

            if (node.Kind is not FlowNodeKind.StartEvent and not FlowNodeKind.BoundaryEvent && incoming[node.Id].Count == 0 && node.Kind != FlowNodeKind.Unsupported && !node.TriggeredByEvent)
            {
                Report(node.Id, node.Location, BpmnCodes.Unreachable, $"{Capitalize(node.Describe())} has no incoming sequence flow, so no token can reach it.");
            }
        }
    }

    /// <summary>Nodes not reachable from a start event (or from a boundary event of a reachable activity) are dead code.</summary>
    private void ValidateReachability(FlowScope scope, Dictionary<string, FlowNode> nodes, Dictionary<string, List<SequenceFlow>> outgoing)
    {
        var reached = new HashSet<string>(StringComparer.Ordinal);
        var pending = new Stack<string>(scope.Nodes.Where(n => n.Kind == FlowNodeKind.StartEvent).Select(n => n.Id));
        while (pending.Count > 0)
        {
            var id = pending.Pop();
            if (!reached.Add(id))
            {
                continue;
            }

            foreach (var flow in outgoing[id])
            {
                pending.Push(flow.TargetRef);
            }

            foreach (var boundary in scope.Nodes.Where(n => n.Kind == FlowNodeKind.BoundaryEvent && n.AttachedTo == id))
            {
                pending.Push(boundary.Id);
            }
        }

        foreach (var node in scope.Nodes.Where(n => !reached.Contains(n.Id) && n.Kind != FlowNodeKind.StartEvent))
        {
            // Nodes without incoming flows were already reported; report only those fed solely by dead nodes.
            var hasIncoming = scope.Flows.Any(f => f.TargetRef == node.Id && nodes.ContainsKey(f.SourceRef));
            if (hasIncoming || (node.Kind == FlowNodeKind.BoundaryEvent && node.AttachedTo is not null && nodes.ContainsKey(node.AttachedTo)))
            {
                Report(node.Id, node.Location, BpmnCodes.Unreachable, $"{Capitalize(node.Describe())} cannot be reached from any start event of its scope.");
            }
        }
    }

    private static string Capitalize(string text) => text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text[1..];
}
