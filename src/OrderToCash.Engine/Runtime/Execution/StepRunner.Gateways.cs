using OrderToCash.Engine.Bpmn.Model;
using OrderToCash.Engine.Expressions;
using OrderToCash.Engine.Runtime.Plan;
using OrderToCash.Engine.Runtime.State;

namespace OrderToCash.Engine.Runtime.Execution;

/// <summary>Gateways: exclusive and inclusive choices, parallel and inclusive joins (BPMN 2.0 §13.3).</summary>
internal sealed partial class StepRunner
{
    private void ChooseExclusive(TokenState token, PlanNode node)
    {
        var variables = VariablesFor(token.ScopeId);
        PlanFlow? chosen = null;
        try
        {
            foreach (var flow in node.Outgoing)
            {
                if (flow != node.DefaultFlow && (flow.Condition is null || flow.Condition.Evaluate(variables)))
                {
                    chosen = flow;
                    break;
                }
            }
        }
        catch (ExpressionEvaluationException ex)
        {
            RaiseIncident(token, node, $"A condition of '{node.Id}' could not be evaluated: {ex.Message}", ex);
            return;
        }

        chosen ??= node.DefaultFlow;
        if (chosen is null)
        {
            RaiseIncident(token, node, $"No outgoing condition of the exclusive gateway '{node.Id}' holds and it has no default flow.");
            return;
        }

        Leave(token, node, [chosen]);
    }

    private void ChooseInclusive(TokenState token, PlanNode node)
    {
        var variables = VariablesFor(token.ScopeId);
        var chosen = new List<PlanFlow>(node.Outgoing.Count);
        try
        {
            foreach (var flow in node.Outgoing)
            {
                if (flow != node.DefaultFlow && (flow.Condition is null || flow.Condition.Evaluate(variables)))
                {
                    chosen.Add(flow);
                }
            }
        }
        catch (ExpressionEvaluationException ex)
        {
            RaiseIncident(token, node, $"A condition of '{node.Id}' could not be evaluated: {ex.Message}", ex);
            return;
        }

        if (chosen.Count == 0 && node.DefaultFlow is not null)
        {
            chosen.Add(node.DefaultFlow);
        }

        if (chosen.Count == 0)
        {
            RaiseIncident(token, node, $"No outgoing condition of the inclusive gateway '{node.Id}' holds and it has no default flow.");
            return;
        }

        Leave(token, node, chosen);
    }

    /// <summary>
    /// Fires a join when it may: a parallel join needs a token on every incoming flow; an inclusive join needs at
    /// least one, and no token elsewhere in the scope that could still reach an incoming flow without one.
    /// </summary>
    private bool TryFireJoin(PlanNode join, string scopeId)
    {
        var waiting = _state.Tokens.FindAll(t => t.ScopeId == scopeId && t.ElementId == join.Id && t.Status == TokenStatus.Joining);
        if (waiting.Count == 0)
        {
            return false;
        }

        var consumed = new List<TokenState>(join.Incoming.Count);
        for (var i = 0; i < join.Incoming.Count; i++)
        {
            var flow = join.Incoming[i];
            var arrived = waiting.Find(t => t.ArrivedVia == flow.Id);
            if (arrived is not null)
            {
                consumed.Add(arrived);
            }
            else if (join.Kind == FlowNodeKind.ParallelGateway || CanStillArrive(join, i, scopeId))
            {
                return false;
            }
        }

        var continuing = consumed[0];
        foreach (var token in consumed.Skip(1))
        {
            _state.Tokens.Remove(token);
        }

        Record(join.Id, HistoryKind.Entered, continuing);
        continuing.Status = TokenStatus.Active;
        if (join.Kind == FlowNodeKind.InclusiveGateway)
        {
            // A mixed gateway (join and split) chooses its outgoing flows like any inclusive split.
            ChooseInclusive(continuing, join);
        }
        else
        {
            Leave(continuing, join);
        }

        return true;
    }

    private bool CanStillArrive(PlanNode join, int incomingIndex, string scopeId)
    {
        var flow = join.Incoming[incomingIndex];
        var upstream = join.UpstreamOfIncoming[incomingIndex];
        foreach (var token in _state.Tokens)
        {
            if (token.ScopeId != scopeId)
            {
                continue;
            }

            // Already moved onto the flow but not yet processed, or somewhere the flow can still be reached from.
            if ((token.ElementId == join.Id && token.ArrivedVia == flow.Id && token.Status == TokenStatus.Active) || upstream.Contains(token.ElementId))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>After the ready tokens ran out, inclusive joins may fire because the paths they waited for died.</summary>
    private bool FireInclusiveJoins()
    {
        var candidates = _state.Tokens
            .Where(t => t.Status == TokenStatus.Joining)
            .Select(t => (t.ScopeId, t.ElementId))
            .Distinct()
            .ToList();
        var fired = false;
        foreach (var (scopeId, elementId) in candidates)
        {
            if (!_state.Scopes.Exists(s => s.Id == scopeId))
            {
                continue;
            }

            var join = PlanOf(scopeId).Node(elementId);
            if (join.Kind == FlowNodeKind.InclusiveGateway)
            {
                fired |= TryFireJoin(join, scopeId);
            }
        }

        return fired;
    }
}
