using OrderToCash.Engine.Expressions;
using OrderToCash.Engine.Handlers;
using OrderToCash.Engine.Runtime.Plan;
using OrderToCash.Engine.Runtime.State;

namespace OrderToCash.Engine.Runtime.Execution;

/// <summary>Tasks that do work inside the step (service, business rule) and the user task that waits for a person.</summary>
internal sealed partial class StepRunner
{
    private ValueTask RunHandlerAsync(TokenState token, PlanNode node) =>
        RunInStepAsync(token, node, "handler", node.Model.Handler,
            inputs => node.Handler!.ExecuteAsync(new HandlerContext(_state.Id, node.Id, inputs, _services.StepServices), _cancellationToken));

    private ValueTask RunRuleSetAsync(TokenState token, PlanNode node)
    {
        if (_services.RuleSets is not { } ruleSets)
        {
            RaiseIncident(token, node, $"No rule-set runner is configured to run the rule set '{node.Model.RuleSet}'.");
            return ValueTask.CompletedTask;
        }

        return RunInStepAsync(token, node, "rule set", node.Model.RuleSet,
            inputs => ruleSets.RunAsync(node.Model.RuleSet!, inputs, new RuleTaskContext(_state.Id, node.Id, _services.StepServices, _state.BusinessKey), _cancellationToken));
    }

    /// <summary>
    /// Evaluates a task's inputs, does its work inside the step and completes the task with the results: a BPMN error
    /// takes the error path, any other failure (<paramref name="kind"/> <paramref name="name"/>) becomes an incident.
    /// </summary>
    private async ValueTask RunInStepAsync(
        TokenState token, PlanNode node, string kind, string? name, Func<IReadOnlyDictionary<string, object?>, ValueTask<IReadOnlyDictionary<string, object?>>> work)
    {
        IReadOnlyDictionary<string, object?> inputs;
        try
        {
            inputs = Inputs(token, node);
        }
        catch (ExpressionEvaluationException ex)
        {
            RaiseIncident(token, node, $"The inputs of '{node.Id}' could not be evaluated: {ex.Message}", ex);
            return;
        }

        IReadOnlyDictionary<string, object?> outputs;
        try
        {
            outputs = await work(inputs).ConfigureAwait(false);
        }
        catch (BpmnErrorException error)
        {
            ThrowError(token, node, error.ErrorCode, error.Message);
            return;
        }
        catch (OperationCanceledException) when (_cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (StepConflictException)
        {
            throw;
        }
#pragma warning disable CA1031 // A handler's or rule set's failure must become an incident on the instance, whatever its type.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            RaiseIncident(token, node, $"The {kind} '{name}' failed: {ex.Message}", ex);
            return;
        }

        CompleteWith(token, node, outputs);
    }

    private void WaitForUser(TokenState token, PlanNode node)
    {
        DateTimeOffset? due;
        string? assignee;
        try
        {
            due = node.DueDate?.Resolve(VariablesFor(token.ScopeId)).FirstDue(_now);
            assignee = Assignee(token, node);
        }
        catch (ExpressionEvaluationException ex)
        {
            RaiseIncident(token, node, $"The due date or assignee of '{node.Id}' could not be evaluated: {ex.Message}", ex);
            return;
        }

        token.Status = TokenStatus.Waiting;
        var process = IsRootScope(token.ScopeId) ? null : _state.CalledProcessOf(token.ScopeId);
        _state.Bookmarks.Add(new Bookmark
        {
            Id = _state.NewId('b'),
            Kind = BookmarkKind.UserTask,
            ProcessId = process?.ProcessId,
            Version = process?.Version,
            ElementId = node.Id,
            TokenId = token.Id,
            CandidateRole = node.Model.CandidateRole,
            Assignee = assignee,
            Name = node.Model.Name,
            DueAt = due,
            CreatedAt = _now,
        });
    }

    /// <summary>The person a user task is for, when its <c>o2c:assignee</c> names one; an empty name is an evaluation error.</summary>
    private string? Assignee(TokenState token, PlanNode node)
    {
        if (node.Assignee is null)
        {
            return null;
        }

        var value = node.Assignee.Evaluate(VariablesFor(token.ScopeId));
        return Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture) is { Length: > 0 and <= 100 } user && !string.IsNullOrWhiteSpace(user)
            ? user.Trim()
            : throw new ExpressionEvaluationException($"The assignee expression '{node.Assignee.Text}' yielded '{value}', which is no user name (1 to 100 characters).");
    }

    /// <summary>The handler's inputs: the mapped ones, or every visible variable when the task maps none.</summary>
    private IReadOnlyDictionary<string, object?> Inputs(TokenState token, PlanNode node)
    {
        var variables = VariablesFor(token.ScopeId);
        return node.Inputs.Count == 0 ? variables : Evaluate(node.Inputs, variables);
    }

    /// <summary>Stores a task's results (mapped, or all by name) and leaves the task.</summary>
    private void CompleteWith(TokenState token, PlanNode node, IReadOnlyDictionary<string, object?>? results)
    {
        if (results is not null && !TryStore(token, node, results))
        {
            return;
        }

        token.Status = TokenStatus.Active;
        Leave(token, node);
    }

    private bool TryStore(TokenState token, PlanNode node, IReadOnlyDictionary<string, object?> results)
    {
        Dictionary<string, object?>? mapped = null;
        if (node.Outputs.Count > 0)
        {
            try
            {
                mapped = Evaluate(node.Outputs, new LayeredVariables([results, VariablesFor(token.ScopeId)]));
            }
            catch (ExpressionEvaluationException ex)
            {
                RaiseIncident(token, node, $"The outputs of '{node.Id}' could not be evaluated: {ex.Message}", ex);
                return false;
            }
        }

        var stored = (IReadOnlyDictionary<string, object?>?)mapped ?? results;
        if (NotAChoice(PlanOf(token.ScopeId), stored) is { } problem)
        {
            RaiseIncident(token, node, problem);
            return false;
        }

        foreach (var (name, value) in stored)
        {
            SetVariable(token.ScopeId, name, value);
        }

        // Kept for the history entry of leaving this element.
        (_written ??= [])[token.Id] = (node.Id, stored);
        return true;
    }

    /// <summary>Why a result cannot be stored: a value its variable does not list (<see cref="ExecutionPlan.Choices"/>), or null.</summary>
    private static string? NotAChoice(ExecutionPlan plan, IReadOnlyDictionary<string, object?> results)
    {
        foreach (var (name, value) in results)
        {
            if (value is not null && plan.Choices.TryGetValue(name, out var choices) && !(value is string text && choices.Contains(text, StringComparer.Ordinal)))
            {
                return $"'{value}' is not a value of '{name}': answer one of {string.Join(", ", choices)}.";
            }
        }

        return null;
    }
}
