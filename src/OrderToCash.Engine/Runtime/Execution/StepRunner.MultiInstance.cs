using System.Collections;
using OrderToCash.Engine.Expressions;
using OrderToCash.Engine.Runtime.Plan;
using OrderToCash.Engine.Runtime.State;

namespace OrderToCash.Engine.Runtime.Execution;

/// <summary>
/// Multi-instance activities: a body scope captures the collection on entry; each item runs the activity in its own
/// item scope (item variable and loopCounter), all at once or one after the other; the activity leaves after the last.
/// </summary>
internal sealed partial class StepRunner
{
    private void EnterMultiInstance(TokenState token, PlanNode node)
    {
        Record(node.Id, HistoryKind.Entered, token);
        ArmBoundaries(token, node);
        object? collection;
        try
        {
            collection = node.Collection!.Evaluate(VariablesFor(token.ScopeId));
        }
        catch (ExpressionEvaluationException ex)
        {
            RaiseIncident(token, node, $"The multi-instance collection of '{node.Id}' could not be evaluated: {ex.Message}", ex);
            return;
        }

        if (collection is not IEnumerable enumerable || collection is string)
        {
            RaiseIncident(token, node, $"The multi-instance collection of '{node.Id}' is not a collection ({collection ?? "null"}).");
            return;
        }

        List<object?>? items;
        try
        {
            items = ItemsWithinBudget(token, node, enumerable);
        }
        catch (Exception ex) when (ex is ExpressionBudgetException or ArithmeticException or NullReferenceException or InvalidOperationException or InvalidCastException or ArgumentException)
        {
            // A computed sequence is produced while it is read: its budgets apply here.
            RaiseIncident(token, node, $"The multi-instance collection of '{node.Id}' could not be evaluated: {ex.Message}", ex);
            return;
        }

        if (items is null)
        {
            return;
        }

        if (items.Count == 0)
        {
            if (node.OutputElement is not null)
            {
                SetVariable(token.ScopeId, node.Model.MultiInstance!.OutputCollection!, new List<object?>());
            }

            Leave(token, node);
            return;
        }

        token.Status = TokenStatus.Waiting;
        var body = NewScope(ScopeKind.MultiInstanceBody, node.Id, token, token.ScopeId);
        body.Items = items;
        body.Results = node.OutputElement is null ? null : [.. items.Select(_ => (object?)null)];
        var parallel = !node.Model.MultiInstance!.IsSequential;
        do
        {
            StartItem(body, node);
        }
        while (parallel && body.NextItem < items.Count);
    }

    private void StartItem(ScopeState body, PlanNode node)
    {
        var index = body.NextItem++;
        body.ActiveItems++;
        var item = NewScope(ScopeKind.MultiInstanceItem, node.Id, null, body.Id);
        item.Variables = new Dictionary<string, object?>(StringComparer.Ordinal)
        {
            [node.Model.MultiInstance!.ElementVariable!] = body.Items![index],
            ["loopCounter"] = index,
        };
        var token = NewToken(node.Id, item.Id);
        token.IsLoopItem = true;
        Enqueue(token);
    }

    private void CompleteLoopItem(TokenState itemToken)
    {
        var item = Scope(itemToken.ScopeId);
        var body = Scope(item.ParentScopeId!);
        var node = PlanOf(body.Id).Node(body.ElementId);
        if (node.OutputElement is not null && !CollectResult(itemToken, node, item, body))
        {
            return;
        }

        _state.Tokens.Remove(itemToken);
        _state.Scopes.Remove(item);
        body.ActiveItems--;
        body.CompletedItems++;
        if (body.NextItem < body.Items!.Count && node.Model.MultiInstance!.IsSequential)
        {
            StartItem(body, node);
        }
        else if (body.CompletedItems == body.Items.Count)
        {
            _state.Scopes.Remove(body);
            var activityToken = _state.Tokens.Find(t => t.Id == body.ParentTokenId)!;
            if (body.Results is not null)
            {
                SetVariable(activityToken.ScopeId, node.Model.MultiInstance!.OutputCollection!, body.Results);
            }

            Leave(activityToken, node);
        }
    }

    /// <summary>Evaluates the item's output element while the item's variables are still in scope.</summary>
    private bool CollectResult(TokenState itemToken, PlanNode node, ScopeState item, ScopeState body)
    {
        try
        {
            var index = VariableValues.ConvertTo<int>(item.Variables!["loopCounter"], "loopCounter");
            body.Results![index] = node.OutputElement!.Evaluate(VariablesFor(item.Id));
            return true;
        }
        catch (ExpressionEvaluationException ex)
        {
            RaiseIncident(itemToken, node, $"The multi-instance output element of '{node.Id}' could not be evaluated: {ex.Message}", ex);
            return false;
        }
    }
}
