using OrderToCash.Engine.Runtime.Plan;
using OrderToCash.Engine.Runtime.State;

namespace OrderToCash.Engine.Durable;

/// <summary>
/// Where each element of a source version goes in a target version (its own id, unless mapped), whether it can take
/// the instances waiting there, and the rewrite of one instance's state: its tokens, waits, scopes and incident move to
/// the target's elements; variables, due times and correlation keys stay as they are. Elements of processes the
/// instance calls are not touched (they run their own versions).
/// </summary>
internal sealed class MigrationMap(ExecutionPlan source, ExecutionPlan target, IReadOnlyDictionary<string, string> mappings)
{
    public ExecutionPlan Source => source;

    public ExecutionPlan Target => target;

    public string TargetOf(string elementId) => mappings.GetValueOrDefault(elementId) ?? elementId;

    /// <summary>Why the target version cannot take a token waiting in <paramref name="elementId"/>, or null when it can.</summary>
    public string? Refusal(string elementId)
    {
        if (!source.Nodes.TryGetValue(elementId, out var from))
        {
            return $"waits in '{elementId}', which version {source.Version} does not have";
        }

        var targetId = TargetOf(elementId);
        var mapped = targetId == elementId ? string.Empty : $" (mapped to '{targetId}')";
        if (!target.Nodes.TryGetValue(targetId, out var to))
        {
            return $"waits in {from.Model.Describe()}{mapped}, which version {target.Version} does not have; map it to an element of version {target.Version}";
        }

        if (to.Kind != from.Kind || to.Model.Event.Kind != from.Model.Event.Kind)
        {
            return $"waits in {from.Model.Describe()}, and version {target.Version}'s '{targetId}' is of another kind ({Kind(to)}, not {Kind(from)})";
        }

        if (OwnerTarget(from.Scope.Owner) != to.Scope.Owner?.Id)
        {
            return $"waits in {from.Model.Describe()}, and version {target.Version}'s '{targetId}' is not in the same sub-process";
        }

        if (from.AttachedTo is { } attached && TargetOf(attached.Id) != to.AttachedTo?.Id)
        {
            return $"waits in {from.Model.Describe()}, and version {target.Version}'s '{targetId}' is attached to another activity";
        }

        if ((from.Model.MultiInstance is null) != (to.Model.MultiInstance is null))
        {
            return $"waits in {from.Model.Describe()}, and version {target.Version}'s '{targetId}' is {(to.Model.MultiInstance is null ? "not " : string.Empty)}multi-instance";
        }

        if (from.Model.CalledElement != to.Model.CalledElement)
        {
            return $"waits in {from.Model.Describe()}, and version {target.Version}'s '{targetId}' calls '{to.Model.CalledElement}', not '{from.Model.CalledElement}'";
        }

        return null;
    }

    /// <summary>The elements of the instance's own process its tokens and waits are in (in order, once each).</summary>
    public static IReadOnlyList<string> WaitingElements(InstanceState state)
    {
        var elements = new List<string>();
        foreach (var token in state.Tokens.Where(t => IsOwn(state, t.ScopeId)))
        {
            AddOnce(elements, token.ElementId);
        }

        foreach (var bookmark in state.Bookmarks.Where(b => b.ProcessId is null))
        {
            AddOnce(elements, bookmark.ElementId);
        }

        return elements;
    }

    /// <summary>Every reason the instance cannot move (element by element); empty when it can.</summary>
    public IReadOnlyList<(string ElementId, string Reason)> Refusals(InstanceState state)
    {
        var refusals = new List<(string, string)>();
        foreach (var element in WaitingElements(state))
        {
            if (Refusal(element) is { } reason)
            {
                refusals.Add((element, reason));
            }
        }

        // A token waiting at a join counts the flow it came by: the target must have that flow into the same join.
        foreach (var token in state.Tokens.Where(t => t.Status == TokenStatus.Joining && t.ArrivedVia is not null && IsOwn(state, t.ScopeId)))
        {
            if (target.Nodes.TryGetValue(TargetOf(token.ElementId), out var join) && !join.Incoming.Any(f => f.Id == token.ArrivedVia))
            {
                refusals.Add((token.ElementId, $"waits in gateway '{token.ElementId}' having arrived by flow '{token.ArrivedVia}', which version {target.Version} does not have into '{join.Id}'"));
            }
        }

        return refusals;
    }

    /// <summary>Moves the instance's state to the target version; returns the waiting elements and where each went.</summary>
    public Dictionary<string, string> Apply(InstanceState state)
    {
        var moved = WaitingElements(state).ToDictionary(e => e, TargetOf, StringComparer.Ordinal);
        foreach (var token in state.Tokens.Where(t => IsOwn(state, t.ScopeId)))
        {
            token.ElementId = TargetOf(token.ElementId);
        }

        foreach (var bookmark in state.Bookmarks.Where(b => b.ProcessId is null))
        {
            bookmark.ElementId = TargetOf(bookmark.ElementId);
            if (bookmark.Kind == BookmarkKind.UserTask && target.Nodes.TryGetValue(bookmark.ElementId, out var task) && task.Model.Name is { } name)
            {
                bookmark.Name = name;
            }
        }

        // Scopes are tested before any is changed: a scope is the instance's own while the chain above it is.
        var ownScopes = state.Scopes.Where(s => s.Kind is ScopeKind.SubProcess or ScopeKind.MultiInstanceBody or ScopeKind.MultiInstanceItem
            && s.ParentScopeId is not null && IsOwn(state, s.ParentScopeId)).ToList();
        foreach (var scope in ownScopes)
        {
            scope.ElementId = TargetOf(scope.ElementId);
        }

        foreach (var root in state.Scopes.Where(s => s.Kind == ScopeKind.Process))
        {
            root.Version = target.Version;
        }

        if (state.Incident is { } incident && IncidentIsOwn(state, incident))
        {
            incident.ElementId = TargetOf(incident.ElementId);
        }

        state.Version = target.Version;
        return moved;
    }

    private bool IncidentIsOwn(InstanceState state, Incident incident) =>
        state.Tokens.Find(t => t.Id == incident.TokenId) is { } token ? IsOwn(state, token.ScopeId) : source.Nodes.ContainsKey(incident.ElementId);

    private string? OwnerTarget(PlanNode? owner) => owner is null ? null : TargetOf(owner.Id);

    private static bool IsOwn(InstanceState state, string scopeId) => state.CalledProcessOf(scopeId) is null;

    private static string Kind(PlanNode node) => node.Model.Event.Kind == Bpmn.Model.EventKind.None
        ? node.Model.ElementType
        : $"{node.Model.ElementType} ({node.Model.Event.Kind.ToString().ToLowerInvariant()})";

    private static void AddOnce(List<string> elements, string elementId)
    {
        if (!elements.Contains(elementId, StringComparer.Ordinal))
        {
            elements.Add(elementId);
        }
    }
}
