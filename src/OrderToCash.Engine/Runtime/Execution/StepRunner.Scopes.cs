using OrderToCash.Engine.Expressions;
using OrderToCash.Engine.Runtime.Plan;
using OrderToCash.Engine.Runtime.State;

namespace OrderToCash.Engine.Runtime.Execution;

/// <summary>Scopes: which plan and variables a token sees, sub-processes, call activities, completion and cancellation.</summary>
internal sealed partial class StepRunner
{
    private PlanNode NodeOf(TokenState token) => PlanOf(token.ScopeId).Node(token.ElementId);

    private ScopeState Scope(string id)
    {
        // A loop rather than Find(lambda): this runs for every element a token enters.
        foreach (var scope in _state.Scopes)
        {
            if (scope.Id == id)
            {
                return scope;
            }
        }

        throw new WorkflowRuntimeException($"The instance '{_state.Id}' has no scope '{id}'.");
    }

    private bool IsRootScope(string scopeId) => _state.Scopes.Count > 0 && _state.Scopes[0].Id == scopeId && _state.Scopes[0].Kind == ScopeKind.Process;

    /// <summary>The plan a scope's elements belong to: the instance's own, or a called process's.</summary>
    private ExecutionPlan PlanOf(string scopeId)
    {
        if (IsRootScope(scopeId))
        {
            return _rootPlan;
        }

        var scope = Scope(scopeId);
        while (scope.Kind is not ScopeKind.Process and not ScopeKind.CallActivity)
        {
            scope = Scope(scope.ParentScopeId!);
        }

        if (scope.Kind == ScopeKind.Process)
        {
            return _rootPlan;
        }

        _calledPlans ??= new Dictionary<string, ExecutionPlan>(StringComparer.Ordinal);
        if (!_calledPlans.TryGetValue(scope.Id, out var plan))
        {
            plan = _services.Plans?.Find(scope.ElementId, scope.Version!.Value)
                ?? throw new WorkflowRuntimeException($"The called process '{scope.ElementId}' version {scope.Version} is not published.");
            _calledPlans[scope.Id] = plan;
        }

        return plan;
    }

    /// <summary>The variables visible from a scope: local layers (multi-instance items) over the process's or called process's.</summary>
    private IReadOnlyDictionary<string, object?> VariablesFor(string scopeId) =>
        IsRootScope(scopeId) ? _state.Variables : _state.VariablesVisibleFrom(scopeId);

    /// <summary>Writes to the innermost local layer that already has the variable, else to the process (or called process).</summary>
    private void SetVariable(string scopeId, string name, object? value)
    {
        var scope = Scope(scopeId);
        while (true)
        {
            if (scope.Kind == ScopeKind.Process)
            {
                _state.Variables[name] = value;
                return;
            }

            if (scope.Variables is not null && (scope.Kind == ScopeKind.CallActivity || scope.Variables.ContainsKey(name)))
            {
                scope.Variables[name] = value;
                return;
            }

            scope = Scope(scope.ParentScopeId!);
        }
    }

    private ScopeState NewScope(ScopeKind kind, string elementId, TokenState? parentToken, string? parentScopeId)
    {
        var scope = new ScopeState { Id = _state.NewId('s'), Kind = kind, ElementId = elementId, ParentTokenId = parentToken?.Id, ParentScopeId = parentScopeId };
        _state.Scopes.Add(scope);
        return scope;
    }

    private void StartSubProcess(TokenState token, PlanNode node)
    {
        token.Status = TokenStatus.Waiting;
        var scope = NewScope(ScopeKind.SubProcess, node.Id, token, token.ScopeId);
        Enqueue(NewToken(node.Content!.NoneStart!.Id, scope.Id));
    }

    private void StartCallActivity(TokenState token, PlanNode node)
    {
        if (!CallWithinBudget(token, node))
        {
            return;
        }

        var model = node.Model;
        var called = _services.Plans?.Resolve(model.CalledElement!, model.VersionBinding, model.CalledVersion, PlanOf(token.ScopeId));
        if (called?.Root.NoneStart is null)
        {
            RaiseIncident(token, node, called is null
                ? $"The called process '{model.CalledElement}' ({model.VersionBinding.ToString().ToLowerInvariant()}{(model.CalledVersion is { } v ? $" {v}" : string.Empty)}) is not published."
                : $"The called process '{called.ProcessId}' has no none start event.");
            return;
        }

        Dictionary<string, object?> inputs;
        try
        {
            inputs = node.Inputs.Count == 0 ? new Dictionary<string, object?>(VariablesFor(token.ScopeId), StringComparer.Ordinal) : Evaluate(node.Inputs, VariablesFor(token.ScopeId));
        }
        catch (ExpressionEvaluationException ex)
        {
            RaiseIncident(token, node, $"The inputs of '{node.Id}' could not be evaluated: {ex.Message}", ex);
            return;
        }

        token.Status = TokenStatus.Waiting;
        var scope = NewScope(ScopeKind.CallActivity, called.ProcessId, token, token.ScopeId);
        scope.Version = called.Version;
        scope.Variables = inputs;
        Enqueue(NewToken(called.Root.NoneStart.Id, scope.Id));
    }

    /// <summary>When no token is left in a scope, the scope completes and its owner moves on.</summary>
    private void CompleteScopeIfDone(string scopeId)
    {
        foreach (var token in _state.Tokens)
        {
            if (token.ScopeId == scopeId)
            {
                return;
            }
        }

        var scope = Scope(scopeId);
        switch (scope.Kind)
        {
            case ScopeKind.Process:
                _state.Status = InstanceStatus.Completed;
                _state.EndedAt = _now;
                _state.Bookmarks.Clear();
                break;
            case ScopeKind.SubProcess or ScopeKind.CallActivity:
                var owner = _state.Tokens.Find(t => t.Id == scope.ParentTokenId)!;
                var ownerNode = NodeOf(owner);
                if (scope.Kind == ScopeKind.CallActivity && !ReturnFromCall(owner, ownerNode, scope))
                {
                    return;
                }

                _state.Scopes.Remove(scope);
                owner.Status = TokenStatus.Active;
                Leave(owner, ownerNode);
                break;
        }
    }

    private bool ReturnFromCall(TokenState owner, PlanNode node, ScopeState called)
    {
        Dictionary<string, object?> results;
        try
        {
            results = node.Outputs.Count == 0 ? called.Variables! : Evaluate(node.Outputs, new LayeredVariables([called.Variables!, VariablesFor(owner.ScopeId)]));
        }
        catch (ExpressionEvaluationException ex)
        {
            RaiseIncident(owner, node, $"The outputs of '{node.Id}' could not be evaluated: {ex.Message}", ex);
            return false;
        }

        foreach (var (name, value) in results)
        {
            SetVariable(owner.ScopeId, name, value);
        }

        return true;
    }

    /// <summary>Removes a token and everything below it (child scopes, their tokens, its bookmarks), recording the cancellation.</summary>
    private void Cancel(TokenState token)
    {
        if (!_state.Tokens.Remove(token))
        {
            return;
        }

        RemoveBookmarksOf(token);
        foreach (var child in _state.Scopes.Where(s => s.ParentTokenId == token.Id).ToList())
        {
            CancelScope(child);
        }

        if (token.Status != TokenStatus.Joining)
        {
            Record(token.ElementId, HistoryKind.Cancelled, token);
        }
    }

    private void CancelScope(ScopeState scope)
    {
        if (!_state.Scopes.Remove(scope))
        {
            return;
        }

        foreach (var token in _state.Tokens.Where(t => t.ScopeId == scope.Id).ToList())
        {
            Cancel(token);
        }

        foreach (var child in _state.Scopes.Where(s => s.ParentScopeId == scope.Id).ToList())
        {
            CancelScope(child);
        }
    }

    /// <summary>Evaluates mappings in order; throws <see cref="ExpressionEvaluationException"/> for the caller to turn into an incident.</summary>
    private static Dictionary<string, object?> Evaluate(IReadOnlyList<PlanMapping> mappings, IReadOnlyDictionary<string, object?> variables)
    {
        var values = new Dictionary<string, object?>(mappings.Count, StringComparer.Ordinal);
        foreach (var mapping in mappings)
        {
            values[mapping.Name] = mapping.Expression.Evaluate(variables);
        }

        return values;
    }
}
