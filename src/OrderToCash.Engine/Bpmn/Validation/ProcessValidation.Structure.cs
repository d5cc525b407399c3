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

        ValidateDoubleFlows(scope, nodes);
        ValidateWaitlessCycles(scope, outgoing);
        ValidateStartAndEnd(scope, owner, incoming, outgoing);
        foreach (var node in scope.Nodes)
        {
            ValidateNode(node, nodes, incoming, outgoing[node.Id], isRoot, parameters);
        }

        ValidateReachability(scope, nodes, outgoing);
    }

    /// <summary>
    /// Two flows between the same pair of elements run the target twice (e.g. dunning started twice for one invoice).
    /// An exclusive or event-based gateway takes one flow only, so two of its flows may meet again.
    /// </summary>
    private void ValidateDoubleFlows(FlowScope scope, Dictionary<string, FlowNode> nodes)
    {
        foreach (var pair in scope.Flows.Where(f => nodes.ContainsKey(f.SourceRef) && nodes.ContainsKey(f.TargetRef)
                         && nodes[f.SourceRef].Kind is not (FlowNodeKind.ExclusiveGateway or FlowNodeKind.EventBasedGateway))
                     .GroupBy(f => (f.SourceRef, f.TargetRef)).Where(g => g.Count() > 1))
        {
            var flows = pair.ToList();
            Report(flows[1].Id, flows[1].Location, BpmnCodes.DoubleFlow,
                $"The sequence flows {string.Join(", ", flows.Select(f => $"'{f.Id}'"))} all lead from {nodes[pair.Key.SourceRef].Describe()} to {nodes[pair.Key.TargetRef].Describe()}: the target would run {flows.Count} times. Remove all but one.");
        }
    }

    /// <summary>
    /// A cycle whose elements never wait (no user or receive task, catch event, event-based gateway or call) runs in
    /// one step without end: every cycle must pass through a wait state. Found as the strongly connected components of
    /// the flow graph without its wait states.
    /// </summary>
    private void ValidateWaitlessCycles(FlowScope scope, Dictionary<string, List<SequenceFlow>> outgoing)
    {
        var running = scope.Nodes.Where(n => !IsWaitState(n)).Select(n => n.Id).ToHashSet(StringComparer.Ordinal);
        foreach (var cycle in StronglyConnected(running, id => outgoing[id].Select(f => f.TargetRef).Where(running.Contains)))
        {
            var first = scope.Nodes.First(n => cycle.Contains(n.Id));
            var names = scope.Nodes.Where(n => cycle.Contains(n.Id)).Select(n => $"'{n.Id}'");
            Report(first.Id, first.Location, BpmnCodes.WaitlessCycle,
                $"The elements {string.Join(", ", names)} form a cycle with no wait state: an instance entering it would loop in one step without end. Put a user task, a receive task, a timer or message catch event on the way back.");
        }
    }

    private static bool IsWaitState(FlowNode node) =>
        node.Kind is FlowNodeKind.UserTask or FlowNodeKind.ReceiveTask or FlowNodeKind.IntermediateCatchEvent or FlowNodeKind.EventBasedGateway or FlowNodeKind.CallActivity
        || (node.Kind == FlowNodeKind.SubProcess && node.Content is { } content && content.Nodes.Any(IsWaitState))
        || node.MultiInstance is not null;

    /// <summary>Tarjan's algorithm: the components with a cycle (two or more nodes, or one with a flow to itself).</summary>
    private static List<HashSet<string>> StronglyConnected(IReadOnlyCollection<string> nodes, Func<string, IEnumerable<string>> next)
    {
        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        var low = new Dictionary<string, int>(StringComparer.Ordinal);
        var stack = new Stack<string>();
        var onStack = new HashSet<string>(StringComparer.Ordinal);
        var result = new List<HashSet<string>>();
        foreach (var root in nodes.Where(n => !index.ContainsKey(n)).ToList())
        {
            // Iterative depth-first search, so a long chain of elements cannot overflow the stack.
            var work = new Stack<(string Node, IEnumerator<string> Successors)>();
            Visit(root);
            while (work.Count > 0)
            {
                var (node, successors) = work.Peek();
                if (successors.MoveNext())
                {
                    var successor = successors.Current;
                    if (!index.TryGetValue(successor, out var successorIndex))
                    {
                        Visit(successor);
                    }
                    else if (onStack.Contains(successor))
                    {
                        low[node] = Math.Min(low[node], successorIndex);
                    }

                    continue;
                }

                work.Pop();
                if (work.Count > 0)
                {
                    var parent = work.Peek().Node;
                    low[parent] = Math.Min(low[parent], low[node]);
                }

                if (low[node] == index[node])
                {
                    var component = new HashSet<string>(StringComparer.Ordinal);
                    string member;
                    do
                    {
                        member = stack.Pop();
                        onStack.Remove(member);
                        component.Add(member);
                    }
                    while (member != node);
                    if (component.Count > 1 || next(node).Contains(node, StringComparer.Ordinal))
                    {
                        result.Add(component);
                    }
                }
            }

            void Visit(string node)
            {
                index[node] = low[node] = index.Count;
                stack.Push(node);
                onStack.Add(node);
                work.Push((node, next(node).ToList().GetEnumerator()));
            }
        }

        return result;
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
