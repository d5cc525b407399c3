using OrderToCash.Engine.Bpmn.Model;
using OrderToCash.Engine.Runtime.Execution;
using OrderToCash.Engine.Runtime.Plan;
using OrderToCash.Engine.Runtime.State;

namespace OrderToCash.Engine.Runtime;

/// <summary>
/// Runs process instances in memory, one step per call: start, resume a bookmark (user task completed, message
/// arrived, timer due), retry after an incident. Each call mutates the given <see cref="InstanceState"/> until every
/// token waits or the instance ends; the caller persists the state after the call. Timers are computed from the
/// injected <see cref="TimeProvider"/> and recorded as bookmarks; nothing sleeps.
/// </summary>
public sealed class WorkflowExecutor
{
    private readonly WorkflowRuntimeServices _services;

    /// <param name="timeProvider">The clock timers and history read.</param>
    /// <param name="ruleSets">Runs business-rule tasks.</param>
    /// <param name="plans">Resolves called processes and the versions running scopes use.</param>
    /// <param name="stepServices">The services of the step's unit of work, handed to handlers (<see cref="Handlers.HandlerContext.Services"/>).</param>
    /// <param name="budgets">What one step may do before it becomes an incident (ADR 0091); the defaults when absent.</param>
    public WorkflowExecutor(TimeProvider timeProvider, IRuleSetRunner? ruleSets = null, IProcessPlanResolver? plans = null, IServiceProvider? stepServices = null, WorkflowBudgets? budgets = null)
    {
        ArgumentNullException.ThrowIfNull(timeProvider);
        _services = new WorkflowRuntimeServices(timeProvider, ruleSets, plans, stepServices, budgets ?? new WorkflowBudgets());
    }

    /// <summary>Starts an instance at the process's none start event, or at <paramref name="startEventId"/> (a message or timer start).</summary>
    public async ValueTask<InstanceState> StartAsync(
        ExecutionPlan plan,
        IReadOnlyDictionary<string, object?>? variables = null,
        string? startEventId = null,
        string? instanceId = null,
        string? businessKey = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(plan);
        var start = startEventId is null
            ? plan.Root.NoneStart ?? throw new WorkflowRuntimeException($"The process '{plan.ProcessId}' has no none start event; start it by message or timer.")
            : plan.Root.Nodes.FirstOrDefault(n => n.Id == startEventId && n.Kind == FlowNodeKind.StartEvent)
                ?? throw new WorkflowRuntimeException($"'{startEventId}' is not a start event of the process '{plan.ProcessId}'.");

        var state = new InstanceState
        {
            Id = instanceId ?? Guid.CreateVersion7(_services.Time.GetUtcNow()).ToString("N"),
            ProcessId = plan.ProcessId,
            Version = plan.Version,
            BusinessKey = businessKey,
            StartedAt = _services.Time.GetUtcNow(),
        };
        if (variables is not null)
        {
            foreach (var (name, value) in variables)
            {
                state.Variables[name] = value;
            }
        }

        var root = new ScopeState { Id = state.NewId('s'), Kind = ScopeKind.Process, ElementId = plan.ProcessId, Version = plan.Version };
        state.Scopes.Add(root);
        var token = new TokenState { Id = state.NewId('t'), ElementId = start.Id, ScopeId = root.Id };
        state.Tokens.Add(token);
        var runner = new StepRunner(state, plan, _services, cancellationToken);
        runner.Enqueue(token);
        await runner.RunAsync().ConfigureAwait(false);
        return state;
    }

    /// <summary>Starts an instance at the message start event waiting for <paramref name="messageName"/>.</summary>
    public ValueTask<InstanceState> StartByMessageAsync(ExecutionPlan plan, string messageName, IReadOnlyDictionary<string, object?>? variables = null, string? businessKey = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(plan);
        var start = plan.StartEvents.FirstOrDefault(s => s.Model.Event.Kind == EventKind.Message && s.Model.Event.MessageName == messageName)
            ?? throw new WorkflowRuntimeException($"The process '{plan.ProcessId}' has no message start event for '{messageName}'.");
        return StartAsync(plan, variables, start.Id, cancellationToken: cancellationToken, businessKey: businessKey);
    }

    /// <summary>Resumes the bookmark <paramref name="bookmarkId"/>; <paramref name="payload"/> becomes variables (through the element's output mappings, if any).</summary>
    public async ValueTask ResumeAsync(ExecutionPlan plan, InstanceState state, string bookmarkId, IReadOnlyDictionary<string, object?>? payload = null, CancellationToken cancellationToken = default)
    {
        var bookmark = Check(plan, state).Bookmarks.Find(b => b.Id == bookmarkId)
            ?? throw new WorkflowRuntimeException($"The instance '{state.Id}' has no bookmark '{bookmarkId}' (already resumed, cancelled, or never created).");
        if (bookmark.Kind == BookmarkKind.Timer && bookmark.DueAt > _services.Time.GetUtcNow())
        {
            throw new WorkflowRuntimeException($"The timer '{bookmarkId}' of the instance '{state.Id}' is due at {bookmark.DueAt:O}, not yet.");
        }

        var runner = new StepRunner(state, plan, _services, cancellationToken);
        runner.Resume(bookmark, payload);
        await runner.RunAsync().ConfigureAwait(false);
    }

    /// <summary>Delivers a message to the first bookmark waiting for it with a matching correlation key; false when none waits.</summary>
    public async ValueTask<bool> DeliverMessageAsync(ExecutionPlan plan, InstanceState state, string messageName, string? correlationKey, IReadOnlyDictionary<string, object?>? payload = null, CancellationToken cancellationToken = default)
    {
        var bookmark = Check(plan, state).Bookmarks.Find(b => b.Kind == BookmarkKind.Message && b.MessageName == messageName
            && (b.CorrelationKey is null || string.Equals(b.CorrelationKey, correlationKey, StringComparison.Ordinal)));
        if (bookmark is null)
        {
            return false;
        }

        await ResumeAsync(plan, state, bookmark.Id, payload, cancellationToken).ConfigureAwait(false);
        return true;
    }

    /// <summary>Fires every timer due by now, earliest first; returns how many fired.</summary>
    public async ValueTask<int> FireDueTimersAsync(ExecutionPlan plan, InstanceState state, CancellationToken cancellationToken = default)
    {
        var fired = 0;
        Check(plan, state);
        while (state.Status == InstanceStatus.Running)
        {
            var now = _services.Time.GetUtcNow();
            var due = state.Bookmarks.Where(b => b.Kind == BookmarkKind.Timer && b.DueAt <= now).MinBy(b => b.DueAt);
            if (due is null)
            {
                break;
            }

            await ResumeAsync(plan, state, due.Id, null, cancellationToken).ConfigureAwait(false);
            fired++;
        }

        return fired;
    }

    /// <summary>Resumes an instance stopped by an incident: the failed element runs again.</summary>
    public async ValueTask RetryAsync(ExecutionPlan plan, InstanceState state, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(state);
        if (state.Status != InstanceStatus.Incident)
        {
            throw new WorkflowRuntimeException($"The instance '{state.Id}' has no incident to retry (status {state.Status}).");
        }

        state.Status = InstanceStatus.Running;
        state.Incident = null;
        var runner = new StepRunner(state, plan, _services, cancellationToken);
        foreach (var token in state.Tokens.Where(t => t.Status == TokenStatus.Active).ToList())
        {
            runner.Enqueue(token);
        }

        await runner.RunAsync().ConfigureAwait(false);
    }

    private static InstanceState Check(ExecutionPlan plan, InstanceState state)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(state);
        if (state.ProcessId != plan.ProcessId || state.Version != plan.Version)
        {
            throw new WorkflowRuntimeException($"The instance '{state.Id}' runs '{state.ProcessId}' version {state.Version}, not '{plan.ProcessId}' version {plan.Version}.");
        }

        return state.Status == InstanceStatus.Running
            ? state
            : throw new WorkflowRuntimeException($"The instance '{state.Id}' is {state.Status.ToString().ToLowerInvariant()}; only running instances can be resumed.");
    }
}
