using System.Globalization;
using OrderToCash.Engine.Bpmn.Model;
using OrderToCash.Engine.Expressions;
using OrderToCash.Engine.Runtime.Plan;
using OrderToCash.Engine.Runtime.State;

namespace OrderToCash.Engine.Runtime.Execution;

/// <summary>Events: end events, waiting (messages, timers, event-based gateways), boundary events and BPMN errors.</summary>
internal sealed partial class StepRunner
{
    private void End(TokenState token, PlanNode node)
    {
        switch (node.Model.Event.Kind)
        {
            case EventKind.Terminate:
                Record(node.Id, HistoryKind.Left, token);
                _state.Tokens.Remove(token);
                foreach (var other in _state.Tokens.Where(t => t.ScopeId == token.ScopeId).ToList())
                {
                    Cancel(other);
                }

                CompleteScopeIfDone(token.ScopeId);
                break;
            case EventKind.Error:
                Record(node.Id, HistoryKind.Left, token);
                _state.Tokens.Remove(token);
                ThrowError(token, node, node.Model.Event.ErrorCode!, $"The error end event '{node.Id}' threw '{node.Model.Event.ErrorCode}'.");
                break;
            default:
                Leave(token, node);
                break;
        }
    }

    private void WaitForEvent(TokenState token, PlanNode node, PlanNode waitingElement, string? groupId)
    {
        if (node.Model.Event.Kind == EventKind.Timer)
        {
            WaitForTimer(token, node, waitingElement, groupId);
        }
        else
        {
            WaitForMessage(token, node, waitingElement, groupId);
        }
    }

    private void WaitForMessage(TokenState token, PlanNode node, PlanNode waitingElement, string? groupId)
    {
        string? key;
        try
        {
            key = node.CorrelationKey?.Evaluate(VariablesFor(token.ScopeId)) is { } value ? Convert.ToString(value, CultureInfo.InvariantCulture) : null;
        }
        catch (ExpressionEvaluationException ex)
        {
            RaiseIncident(token, waitingElement, $"The correlation key of '{node.Id}' could not be evaluated: {ex.Message}", ex);
            return;
        }

        if (groupId is null && node.Kind != FlowNodeKind.BoundaryEvent)
        {
            token.Status = TokenStatus.Waiting;
        }

        _state.Bookmarks.Add(new Bookmark
        {
            Id = _state.NewId('b'),
            Kind = BookmarkKind.Message,
            ElementId = node.Id,
            TokenId = token.Id,
            MessageName = node.Model.Event.MessageName,
            CorrelationKey = key,
            GroupId = groupId,
            CreatedAt = _now,
        });
    }

    private void WaitForTimer(TokenState token, PlanNode node, PlanNode waitingElement, string? groupId)
    {
        Timers.TimerSchedule schedule;
        try
        {
            schedule = node.Timer!.Resolve(VariablesFor(token.ScopeId));
        }
        catch (ExpressionEvaluationException ex)
        {
            RaiseIncident(token, waitingElement, $"The timer of '{node.Id}' could not be evaluated: {ex.Message}", ex);
            return;
        }

        if (groupId is null && node.Kind != FlowNodeKind.BoundaryEvent)
        {
            token.Status = TokenStatus.Waiting;
        }

        _state.Bookmarks.Add(new Bookmark
        {
            Id = _state.NewId('b'),
            Kind = BookmarkKind.Timer,
            ElementId = node.Id,
            TokenId = token.Id,
            DueAt = schedule.FirstDue(_now),
            IsCycle = schedule.IsCycle,
            RemainingRepetitions = schedule.IsCycle ? schedule.Repetitions - 1 : null,
            GroupId = groupId,
            CreatedAt = _now,
        });
    }

    /// <summary>An event-based gateway waits for whichever of its events comes first (BPMN 2.0 §13.3.6).</summary>
    private void WaitForFirstEvent(TokenState token, PlanNode gateway)
    {
        token.Status = TokenStatus.Waiting;
        foreach (var flow in gateway.Outgoing)
        {
            WaitForEvent(token, flow.Target, gateway, groupId: token.Id);
        }
    }

    /// <summary>Entering an activity arms its timer and message boundary events; leaving it removes them.</summary>
    private void ArmBoundaries(TokenState token, PlanNode activity)
    {
        if (token.IsLoopItem)
        {
            return;
        }

        foreach (var boundary in activity.Boundaries)
        {
            if (boundary.Model.Event.Kind is EventKind.Timer or EventKind.Message)
            {
                WaitForEvent(token, boundary, activity, groupId: null);
            }
        }
    }

    private void RemoveBookmarksOf(TokenState token)
    {
        if (_state.Bookmarks.Count > 0)
        {
            _state.Bookmarks.RemoveAll(b => b.TokenId == token.Id);
        }
    }

    /// <summary>Resumes one bookmark: a user task completed, a message arrived, a timer became due.</summary>
    public void Resume(Bookmark bookmark, IReadOnlyDictionary<string, object?>? payload)
    {
        var token = _state.Tokens.Find(t => t.Id == bookmark.TokenId)
            ?? throw new WorkflowRuntimeException($"The bookmark '{bookmark.Id}' refers to the token '{bookmark.TokenId}', which no longer exists.");
        var node = PlanOf(token.ScopeId).Node(bookmark.ElementId);
        if (node.Kind == FlowNodeKind.BoundaryEvent)
        {
            FireBoundary(token, node, bookmark, payload);
            return;
        }

        // Store the payload first: if its mapping fails, the incident leaves the bookmark in place to be resumed again.
        if (payload is not null && !TryStore(token, node, payload))
        {
            return;
        }

        if (bookmark.GroupId is not null)
        {
            // The first event behind an event-based gateway wins; the others are withdrawn.
            var gateway = NodeOf(token);
            _state.Bookmarks.RemoveAll(b => b.GroupId == bookmark.GroupId);
            Record(gateway.Id, HistoryKind.Left, token);
            token.ElementId = node.Id;
            token.ArrivedVia = gateway.Outgoing.First(f => f.Target == node).Id;
            Record(node.Id, HistoryKind.Entered, token);
        }
        else
        {
            _state.Bookmarks.Remove(bookmark);
        }

        CompleteWith(token, node, results: null);
    }

    private void FireBoundary(TokenState activityToken, PlanNode boundary, Bookmark bookmark, IReadOnlyDictionary<string, object?>? payload)
    {
        TokenState token;
        if (boundary.Model.CancelActivity)
        {
            token = Interrupt(activityToken, boundary);
        }
        else
        {
            Rearm(bookmark, activityToken, boundary);
            token = NewToken(boundary.Id, activityToken.ScopeId);
        }

        Record(boundary.Id, HistoryKind.Entered, token);
        CompleteWith(token, boundary, payload);
    }

    /// <summary>A non-interrupting timer cycle fires again; anything else non-interrupting stays armed only for messages.</summary>
    private void Rearm(Bookmark bookmark, TokenState activityToken, PlanNode boundary)
    {
        if (bookmark.Kind == BookmarkKind.Timer)
        {
            if (bookmark.IsCycle && bookmark.RemainingRepetitions is null or > 0)
            {
                try
                {
                    var schedule = boundary.Timer!.Resolve(VariablesFor(activityToken.ScopeId));
                    bookmark.DueAt = schedule.NextDue(bookmark.DueAt ?? _now);
                    bookmark.RemainingRepetitions = bookmark.RemainingRepetitions - 1;
                }
                catch (ExpressionEvaluationException ex)
                {
                    // This occurrence still fires; the cycle stops and the instance says why.
                    _state.Bookmarks.Remove(bookmark);
                    RaiseIncident(activityToken, boundary, $"The timer cycle of '{boundary.Id}' could not be re-armed: {ex.Message}", ex);
                }
            }
            else
            {
                _state.Bookmarks.Remove(bookmark);
            }
        }
    }

    /// <summary>Cancels the activity (and everything inside it) and returns a token placed on the boundary event.</summary>
    private TokenState Interrupt(TokenState activityToken, PlanNode boundary)
    {
        var scopeId = activityToken.ScopeId;
        Cancel(activityToken);
        var token = NewToken(boundary.Id, scopeId);
        return token;
    }

    /// <summary>
    /// Propagates a BPMN error from <paramref name="source"/> outwards: the first enclosing activity with a matching
    /// error boundary event is interrupted and the boundary's path taken; if none, the instance fails.
    /// </summary>
    private void ThrowError(TokenState token, PlanNode source, string errorCode, string message)
    {
        var (activityToken, activity) = source.Model.IsActivity ? (ActivityTokenOf(token), (PlanNode?)source) : OwnerOf(token.ScopeId);
        while (activityToken is { } current && activity is not null)
        {
            var boundary = activity.Boundaries.FirstOrDefault(b => b.Model.Event.Kind == EventKind.Error
                && (b.Model.Event.ErrorCode is null || string.Equals(b.Model.Event.ErrorCode, errorCode, StringComparison.Ordinal)));
            if (boundary is not null)
            {
                var caught = Interrupt(current, boundary);
                Record(boundary.Id, HistoryKind.Entered, caught);
                Leave(caught, boundary);
                return;
            }

            (activityToken, activity) = OwnerOf(current.ScopeId);
        }

        foreach (var remaining in _state.Tokens.ToList())
        {
            Cancel(remaining);
        }

        _state.Bookmarks.Clear();
        _state.Status = InstanceStatus.Failed;
        _state.EndedAt = _now;
        _state.Incident = new Incident { ElementId = source.Id, TokenId = token.Id, Message = $"Uncaught BPMN error '{errorCode}': {message}", At = _now };
    }

    /// <summary>The token that represents the activity as a whole: the multi-instance body's token for a loop item.</summary>
    private TokenState ActivityTokenOf(TokenState token)
    {
        if (!token.IsLoopItem)
        {
            return token;
        }

        var body = Scope(Scope(token.ScopeId).ParentScopeId!);
        return _state.Tokens.Find(t => t.Id == body.ParentTokenId)!;
    }

    /// <summary>The activity (and its token) owning a scope: the sub-process, call activity or multi-instance activity.</summary>
    private (TokenState? Token, PlanNode? Activity) OwnerOf(string scopeId)
    {
        var scope = Scope(scopeId);
        if (scope.Kind == ScopeKind.MultiInstanceItem)
        {
            scope = Scope(scope.ParentScopeId!);
        }

        if (scope.ParentTokenId is null)
        {
            return (null, null);
        }

        var owner = _state.Tokens.Find(t => t.Id == scope.ParentTokenId)!;
        var activityToken = ActivityTokenOf(owner);
        return (activityToken, NodeOf(activityToken));
    }
}
