using OrderToCash.Engine.Runtime.Plan;
using OrderToCash.Engine.Runtime.State;

namespace OrderToCash.Engine.Runtime.Execution;

/// <summary>
/// Runs one step of one instance: moves the ready tokens until every token waits (bookmark, join, child scope) or
/// the instance ends. A runner lives for one step only; everything that must survive is in <see cref="InstanceState"/>.
/// </summary>
internal sealed partial class StepRunner
{
    private readonly InstanceState _state;
    private readonly ExecutionPlan _rootPlan;
    private readonly WorkflowRuntimeServices _services;
    private readonly DateTimeOffset _now;
    private readonly CancellationToken _cancellationToken;
    private readonly Queue<TokenState> _ready = new();

    /// <summary>What each token's current element wrote, until the token leaves it (for the history).</summary>
    private Dictionary<string, (string ElementId, IReadOnlyDictionary<string, object?> Values)>? _written;
    private Dictionary<string, ExecutionPlan>? _calledPlans;

    public StepRunner(InstanceState state, ExecutionPlan rootPlan, WorkflowRuntimeServices services, CancellationToken cancellationToken)
    {
        _state = state;
        _rootPlan = rootPlan;
        _services = services;
        _now = services.Time.GetUtcNow();
        _cancellationToken = cancellationToken;
    }

    public void Enqueue(TokenState token)
    {
        token.Status = TokenStatus.Active;
        _ready.Enqueue(token);
    }

    public async ValueTask RunAsync()
    {
        do
        {
            while (_ready.TryDequeue(out var token))
            {
                if (_state.Status != InstanceStatus.Running)
                {
                    return;
                }

                if (token.Status == TokenStatus.Active && _state.Tokens.Contains(token))
                {
                    await ExecuteAsync(token).ConfigureAwait(false);
                }
            }
        }
        while (_state.Status == InstanceStatus.Running && FireInclusiveJoins());
    }

    private async ValueTask ExecuteAsync(TokenState token)
    {
        var node = NodeOf(token);
        if (!EnterWithinBudget(token, node))
        {
            return;
        }

        if (node.IsJoin)
        {
            token.Status = TokenStatus.Joining;
            TryFireJoin(node, token.ScopeId);
            return;
        }

        if (node.Model.MultiInstance is not null && !token.IsLoopItem)
        {
            EnterMultiInstance(token, node);
            return;
        }

        Record(node.Id, HistoryKind.Entered, token);
        switch (node.Kind)
        {
            case Bpmn.Model.FlowNodeKind.EndEvent:
                End(token, node);
                break;
            case Bpmn.Model.FlowNodeKind.ServiceTask:
                ArmBoundaries(token, node);
                await RunHandlerAsync(token, node).ConfigureAwait(false);
                break;
            case Bpmn.Model.FlowNodeKind.BusinessRuleTask:
                ArmBoundaries(token, node);
                await RunRuleSetAsync(token, node).ConfigureAwait(false);
                break;
            case Bpmn.Model.FlowNodeKind.UserTask:
                ArmBoundaries(token, node);
                WaitForUser(token, node);
                break;
            case Bpmn.Model.FlowNodeKind.ReceiveTask:
                ArmBoundaries(token, node);
                WaitForMessage(token, node, node, groupId: null);
                break;
            case Bpmn.Model.FlowNodeKind.IntermediateCatchEvent:
                WaitForEvent(token, node, node, groupId: null);
                break;
            case Bpmn.Model.FlowNodeKind.ExclusiveGateway:
                ChooseExclusive(token, node);
                break;
            case Bpmn.Model.FlowNodeKind.InclusiveGateway:
                ChooseInclusive(token, node);
                break;
            case Bpmn.Model.FlowNodeKind.EventBasedGateway:
                WaitForFirstEvent(token, node);
                break;
            case Bpmn.Model.FlowNodeKind.SubProcess:
                ArmBoundaries(token, node);
                StartSubProcess(token, node);
                break;
            case Bpmn.Model.FlowNodeKind.CallActivity:
                ArmBoundaries(token, node);
                StartCallActivity(token, node);
                break;
            default:
                // Start events, none intermediate throw events, parallel splits, abstract and manual tasks.
                Leave(token, node);
                break;
        }
    }

    /// <summary>Completes <paramref name="node"/> and sends the token along every outgoing flow (an implicit parallel split).</summary>
    private void Leave(TokenState token, PlanNode node) => Leave(token, node, node.Outgoing);

    private void Leave(TokenState token, PlanNode node, IReadOnlyList<PlanFlow> flows)
    {
        Record(node.Id, HistoryKind.Left, token);
        RemoveBookmarksOf(token);
        if (token.IsLoopItem)
        {
            CompleteLoopItem(token);
            return;
        }

        if (flows.Count == 0)
        {
            Consume(token);
            return;
        }

        for (var i = 1; i < flows.Count; i++)
        {
            var branch = NewToken(flows[i].Target.Id, token.ScopeId);
            Move(branch, flows[i]);
        }

        Move(token, flows[0]);
    }

    private void Move(TokenState token, PlanFlow flow)
    {
        token.ElementId = flow.Target.Id;
        token.ArrivedVia = flow.Id;
        Enqueue(token);
    }

    private TokenState NewToken(string elementId, string scopeId)
    {
        var token = new TokenState { Id = _state.NewId('t'), ElementId = elementId, ScopeId = scopeId };
        _state.Tokens.Add(token);
        return token;
    }

    /// <summary>A token reached the end of its path: the scope completes when it was the last one.</summary>
    private void Consume(TokenState token)
    {
        _state.Tokens.Remove(token);
        CompleteScopeIfDone(token.ScopeId);
    }

    private void Record(string elementId, HistoryKind kind, TokenState token)
    {
        IReadOnlyDictionary<string, object?>? written = null;
        if (kind == HistoryKind.Left && _written is not null && _written.Remove(token.Id, out var stored) && stored.ElementId == elementId)
        {
            written = stored.Values;
        }

        // An entered element opens a visit, which carries the process the element belongs to (a called one, maybe).
        var process = kind == HistoryKind.Entered && !IsRootScope(token.ScopeId) ? _state.CalledProcessOf(token.ScopeId) : null;
        _state.History.Add(new HistoryEntry(elementId, kind, token.Id, _now, written, process));
    }

    /// <summary>
    /// Stops the instance with the reason. The token keeps its status: an active token runs its element again on retry;
    /// a waiting one keeps its bookmark, to be resumed again after the retry.
    /// </summary>
    private void RaiseIncident(TokenState token, PlanNode node, string message, Exception? exception = null)
    {
        _state.Status = InstanceStatus.Incident;
        _state.Incident = new Incident { ElementId = node.Id, TokenId = token.Id, Message = message, At = _now, Exception = exception, Detail = DetailOf(exception) };
    }

    private static string? DetailOf(Exception? exception) =>
        exception?.ToString() is { } text ? text[..Math.Min(text.Length, Incident.MaxDetailLength)] : null;
}
