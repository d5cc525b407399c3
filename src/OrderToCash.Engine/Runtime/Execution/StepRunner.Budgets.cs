using System.Globalization;
using OrderToCash.Engine.Runtime.Plan;
using OrderToCash.Engine.Runtime.State;

namespace OrderToCash.Engine.Runtime.Execution;

/// <summary>
/// The step's budgets (<see cref="WorkflowBudgets"/>, ADR 0091): elements entered, call depth, multi-instance items
/// and wall time. Going over one stops the instance with an incident naming the budget and the element; the token
/// stays where it was, so a retry (after the definition is fixed or the instance migrated) starts from there.
/// </summary>
internal sealed partial class StepRunner
{
    /// <summary>The clock is read every 16 elements: a loop is caught by the element budget long before the time one.</summary>
    private const int ElementsPerTimeCheck = 16;

    private int _entered;
    private long _startedAt;

    private WorkflowBudgets Budgets => _services.Budgets ?? DefaultBudgets;

    private static WorkflowBudgets DefaultBudgets { get; } = new();

    /// <summary>Counts the element the token enters; false (with the incident raised) when the step is over budget.</summary>
    private bool EnterWithinBudget(TokenState token, PlanNode node)
    {
        if (_entered++ == 0)
        {
            _startedAt = _services.Time.GetTimestamp();
        }

        if (_entered > Budgets.MaxElementsPerStep)
        {
            RaiseBudgetIncident(token, node, nameof(WorkflowBudgets.MaxElementsPerStep), string.Create(CultureInfo.InvariantCulture,
                $"The step entered more than {Budgets.MaxElementsPerStep:N0} elements without waiting and was stopped at '{node.Id}' (budget Workflow:Budgets:MaxElementsPerStep): does a loop lack a wait state (a timer, a message, a user task)?"));
            return false;
        }

        if (_entered % ElementsPerTimeCheck == 0)
        {
            _cancellationToken.ThrowIfCancellationRequested();
            var elapsed = _services.Time.GetElapsedTime(_startedAt);
            if (elapsed > Budgets.MaxStepTime)
            {
                RaiseBudgetIncident(token, node, nameof(WorkflowBudgets.MaxStepTime), string.Create(CultureInfo.InvariantCulture,
                    $"The step ran for {elapsed.TotalSeconds:0.#} s, longer than its budget of {Budgets.MaxStepTime.TotalSeconds:0.#} s (Workflow:Budgets:MaxStepTime), and was stopped at '{node.Id}'."));
                return false;
            }
        }

        return true;
    }

    /// <summary>False (with the incident raised) when a call from the token's scope would nest calls deeper than the budget.</summary>
    private bool CallWithinBudget(TokenState token, PlanNode node)
    {
        var depth = 1;
        for (var scope = Scope(token.ScopeId); scope.ParentScopeId is { } parent; scope = Scope(parent))
        {
            if (scope.Kind == ScopeKind.CallActivity)
            {
                depth++;
            }
        }

        if (depth <= Budgets.MaxCallDepth)
        {
            return true;
        }

        RaiseBudgetIncident(token, node, nameof(WorkflowBudgets.MaxCallDepth), string.Create(CultureInfo.InvariantCulture,
            $"The call activity '{node.Id}' would nest calls {depth} deep, more than the budget of {Budgets.MaxCallDepth} (Workflow:Budgets:MaxCallDepth): does '{node.Model.CalledElement}' call itself?"));
        return false;
    }

    /// <summary>The multi-instance items, read up to the budget; null (with the incident raised) when there are more.</summary>
    private List<object?>? ItemsWithinBudget(TokenState token, PlanNode node, System.Collections.IEnumerable collection)
    {
        var items = new List<object?>();
        foreach (var item in collection)
        {
            if (items.Count == Budgets.MaxMultiInstanceItems)
            {
                RaiseBudgetIncident(token, node, nameof(WorkflowBudgets.MaxMultiInstanceItems), string.Create(CultureInfo.InvariantCulture,
                    $"The multi-instance collection of '{node.Id}' has more than {Budgets.MaxMultiInstanceItems:N0} items, the budget of one activity (Workflow:Budgets:MaxMultiInstanceItems)."));
                return null;
            }

            items.Add(item);
        }

        return items;
    }

    private void RaiseBudgetIncident(TokenState token, PlanNode node, string budget, string message)
    {
        RaiseIncident(token, node, message);
        _state.Incident!.Budget = budget;
    }
}
