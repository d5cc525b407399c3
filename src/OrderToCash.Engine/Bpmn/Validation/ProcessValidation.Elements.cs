using OrderToCash.Engine.Bpmn.Model;
using OrderToCash.Engine.Expressions;

namespace OrderToCash.Engine.Bpmn.Validation;

/// <summary>Element-level rules: supported kinds and event definitions, bindings to handlers and rule sets, expressions.</summary>
internal sealed partial class ProcessValidation
{
    private static readonly Dictionary<FlowNodeKind, EventKind[]> AllowedEvents = new()
    {
        [FlowNodeKind.StartEvent] = [EventKind.None, EventKind.Message, EventKind.Timer],
        [FlowNodeKind.EndEvent] = [EventKind.None, EventKind.Terminate, EventKind.Error],
        [FlowNodeKind.IntermediateCatchEvent] = [EventKind.Message, EventKind.Timer],
        [FlowNodeKind.IntermediateThrowEvent] = [EventKind.None],
        [FlowNodeKind.BoundaryEvent] = [EventKind.Timer, EventKind.Error, EventKind.Message],
    };

    private static IEnumerable<(string Code, string Message)> UnsupportedReasons(FlowNode node)
    {
        if (node.ElementType == "scriptTask")
        {
            yield return (BpmnCodes.ScriptTaskRefused, $"The scriptTask '{node.Id}' is refused: definitions carry no code; bind a registered handler with a serviceTask and o2c:handler instead.");
        }
        else if (node.Kind == FlowNodeKind.Unsupported)
        {
            yield return (BpmnCodes.UnsupportedElement, $"The element {node.Describe()} is not supported by this runtime.");
        }
        else if (node.TriggeredByEvent)
        {
            yield return (BpmnCodes.UnsupportedElement, $"The event sub-process '{node.Id}' (subProcess with triggeredByEvent) is not supported by this runtime.");
        }

        if (node.HasStandardLoop)
        {
            yield return (BpmnCodes.UnsupportedElement, $"The standard loop on {node.Describe()} is not supported; use multi-instance over a collection.");
        }

        if (node.EventDefinitions.Count > 1)
        {
            yield return (BpmnCodes.UnsupportedEvent, $"{node.Describe()} has {node.EventDefinitions.Count} event definitions; multiple (parallel) event definitions are not supported.");
        }
        else if (AllowedEvents.TryGetValue(node.Kind, out var allowed) && !allowed.Contains(node.Event.Kind))
        {
            var what = node.Event.Kind == EventKind.None ? "none" : node.Event.ElementType;
            yield return (BpmnCodes.UnsupportedEvent, $"The {node.ElementType} '{node.Id}' has a {what} event definition, which is not supported on a {node.ElementType}; supported: {string.Join(", ", allowed.Select(a => a.ToString().ToLowerInvariant()))}.");
        }
    }

    private void ValidateNode(FlowNode node, Dictionary<string, FlowNode> nodes, Dictionary<string, List<SequenceFlow>> incoming, List<SequenceFlow> outgoing, bool isRoot, IReadOnlyList<ExpressionParameter> parameters)
    {
        foreach (var (code, message) in UnsupportedReasons(node))
        {
            Report(node.Id, node.Location, code, message);
        }

        if (!isRoot && node.Kind == FlowNodeKind.StartEvent && node.Event.Kind != EventKind.None)
        {
            Report(node.Id, node.Location, BpmnCodes.UnsupportedEvent, $"The start event '{node.Id}' of an embedded sub-process must be a none start event.");
        }

        var bodyParameters = ValidateMultiInstance(node, parameters);
        ValidateEvent(node, parameters);
        ValidateBinding(node, bodyParameters);
        ValidateDefaultFlow(node, outgoing);
        switch (node.Kind)
        {
            case FlowNodeKind.ExclusiveGateway or FlowNodeKind.InclusiveGateway:
                ValidateExhaustive(node, outgoing);
                ValidateUnambiguous(node, outgoing);
                break;
            case FlowNodeKind.EventBasedGateway:
                ValidateEventGateway(node, nodes, incoming, outgoing);
                break;
            case FlowNodeKind.BoundaryEvent:
                ValidateBoundary(node, nodes);
                break;
            case FlowNodeKind.CallActivity:
                ValidateCallActivity(node);
                break;
            case FlowNodeKind.SubProcess when node.Content is not null && !node.TriggeredByEvent:
                ValidateScope(node.Content, node, bodyParameters);
                break;
        }
    }

    private void ValidateEvent(FlowNode node, IReadOnlyList<ExpressionParameter> parameters)
    {
        if (node.EventDefinitions.Count != 1)
        {
            return;
        }

        var definition = node.Event;
        switch (definition.Kind)
        {
            case EventKind.Message:
                if (definition.MessageName is null)
                {
                    Report(node.Id, definition.Location, BpmnCodes.InvalidMessage, $"{Capitalize(node.Describe())} waits for a message but names none: set messageRef to a <message> (or o2c:messageName).");
                }

                if (definition.CorrelationKey is { } key)
                {
                    Check(node.Id, definition.Location, new ExpressionKey(node.Id, ExpressionPurpose.CorrelationKey), key, parameters, null, "correlation key");
                }

                break;
            case EventKind.Timer:
                if (definition.Timer is not { } kind || definition.TimerText is null)
                {
                    Report(node.Id, definition.Location, BpmnCodes.InvalidTimer, $"The timer of {node.Describe()} has no timeDate, timeDuration or timeCycle value.");
                }
                else if (node.Kind == FlowNodeKind.StartEvent && Runtime.Plan.PlanTimer.Parse(kind, definition.TimerText) is null)
                {
                    // A timer start is scheduled when the version is published, before any instance has variables.
                    Report(node.Id, definition.Location, BpmnCodes.InvalidTimer,
                        $"The timer start event '{node.Id}' must be a literal ISO 8601 {kind.ToString().ToLowerInvariant()} (e.g. 2027-01-01T06:00:00Z, PT1H, R/P1M), not '{definition.TimerText}': it is scheduled at publication, when there are no variables to read.");
                }
                else if (node.Kind == FlowNodeKind.StartEvent && Runtime.Plan.PlanTimer.Parse(kind, definition.TimerText) is { IsCycle: true, Duration: { } interval }
                    && Timers.TimerSchedule.ShorterThanMinimumCycle(interval))
                {
                    // Each firing starts an instance: a cycle of seconds would start tens of thousands a day (ADR 0131).
                    Report(node.Id, definition.Location, BpmnCodes.InvalidTimer,
                        $"The timer start event '{node.Id}' repeats every {definition.TimerText.Split('/')[^1]}: a timer start cycle repeats at most once a minute (an interval of PT1M or longer), since each firing starts an instance.");
                }
                else
                {
                    CheckTimerText(node, new ExpressionKey(node.Id, ExpressionPurpose.Timer), definition.TimerText, kind, parameters, "timer");
                }

                break;
            case EventKind.Error when node.Kind == FlowNodeKind.EndEvent && definition.ErrorCode is null:
                Report(node.Id, definition.Location, BpmnCodes.InvalidError, $"The error end event '{node.Id}' throws no error code: reference an <error errorCode=\"...\"/>.");
                break;
        }
    }

    private void ValidateBinding(FlowNode node, IReadOnlyList<ExpressionParameter> parameters)
    {
        ValidateRetry(node);
        if (node.Kind == FlowNodeKind.UserTask && node.Assignee is { } assignee)
        {
            Check(node.Id, node.Location, new ExpressionKey(node.Id, ExpressionPurpose.Assignee), assignee, parameters, null, "assignee");
        }

        if (node.Kind == FlowNodeKind.UserTask && node.CandidateRole is { } role && catalog.Roles is { } roles && !roles.Contains(role, StringComparer.Ordinal))
        {
            // Roles are data (ADR 0132): a process owner creates one before drawing a task for it.
            var sameButCase = roles.FirstOrDefault(r => string.Equals(r, role, StringComparison.OrdinalIgnoreCase));
            Report(node.Id, node.Location, BpmnCodes.UnknownRole, sameButCase is not null
                ? $"The userTask '{node.Id}' is for the role '{role}', which does not exist; did you mean '{sameButCase}'? (role names are case-sensitive)"
                : $"The userTask '{node.Id}' is for the role '{role}', which does not exist (roles: {string.Join(", ", roles.Order(StringComparer.Ordinal))}); create it first (POST /api/roles).");
        }

        if (node.Kind == FlowNodeKind.UserTask && node.CandidateRole is null && node.Assignee is null)
        {
            Report(node.Id, node.Location, BpmnCodes.NoCandidateRole,
                $"The userTask '{node.Id}' names no candidate role (o2c:candidateRole): it will be in nobody's task list.", Diagnostics.DiagnosticSeverity.Warning);
        }

        switch (node.Kind)
        {
            case FlowNodeKind.ServiceTask when node.Handler is null:
                Report(node.Id, node.Location, BpmnCodes.UnknownHandler, $"The serviceTask '{node.Id}' names no handler: set o2c:handler to a registered handler.");
                break;
            case FlowNodeKind.ServiceTask when catalog.FindHandler(node.Handler!) is not { } handler:
                Report(node.Id, node.Location, BpmnCodes.UnknownHandler, $"The serviceTask '{node.Id}' uses the handler '{node.Handler}', which is not registered (known: {Known(catalog.Handlers.Select(h => h.Name))}).");
                break;
            case FlowNodeKind.ServiceTask:
                ValidateHandlerInputs(node, catalog.FindHandler(node.Handler!)!, parameters);
                break;
            case FlowNodeKind.BusinessRuleTask when node.RuleSet is null:
                Report(node.Id, node.Location, BpmnCodes.UnknownRuleSet, $"The businessRuleTask '{node.Id}' names no rule set: set o2c:ruleSet.");
                break;
            case FlowNodeKind.BusinessRuleTask when !catalog.RuleSets.Contains(node.RuleSet!):
                Report(node.Id, node.Location, BpmnCodes.UnknownRuleSet, $"The businessRuleTask '{node.Id}' uses the rule set '{node.RuleSet}', which does not exist (known: {Known(catalog.RuleSets)}).");
                break;
            case FlowNodeKind.UserTask when node.DueDate is { } due:
                CheckTimerText(node, new ExpressionKey(node.Id, ExpressionPurpose.DueDate), due, due.StartsWith('P') ? TimerKind.Duration : TimerKind.Date, parameters, "due date");
                break;
        }

        foreach (var input in node.Inputs)
        {
            if (CheckMappingName(node, input, "input"))
            {
                Check(node.Id, input.Location, new ExpressionKey(node.Id, ExpressionPurpose.Input, input.Name), input.Expression, parameters, null, $"input '{input.Name}'");
            }
        }

        var outputParameters = OutputParameters(node, parameters);
        foreach (var output in node.Outputs)
        {
            if (CheckMappingName(node, output, "output"))
            {
                Check(node.Id, output.Location, new ExpressionKey(node.Id, ExpressionPurpose.Output, output.Name), output.Expression, outputParameters, null, $"output '{output.Name}'");
            }
        }
    }

    /// <summary>Every required handler input must come from a mapping or, without mappings, from a variable of that name.</summary>
    private void ValidateHandlerInputs(FlowNode node, Handlers.HandlerDescriptor handler, IReadOnlyList<ExpressionParameter> parameters)
    {
        var provided = node.Inputs.Count > 0 ? node.Inputs.Select(i => i.Name) : parameters.Select(p => p.Name);
        foreach (var mapping in node.Inputs)
        {
            if (handler.Inputs.FirstOrDefault(i => string.Equals(i.Name, mapping.Name, StringComparison.OrdinalIgnoreCase)) is { Check: { } check }
                && StringLiteral(mapping.Expression) is { } literal && check.Problem(literal) is { } problem)
            {
                Report(node.Id, mapping.Location, BpmnCodes.InvalidLiteralInput, $"The input '{mapping.Name}' of the serviceTask '{node.Id}' (handler '{handler.Name}') is refused: {problem}");
            }
        }

        foreach (var input in handler.Inputs.Where(i => i.Required && !provided.Contains(i.Name, StringComparer.OrdinalIgnoreCase)))
        {
            Report(node.Id, node.Location, BpmnCodes.MissingInput, node.Inputs.Count > 0
                ? $"The serviceTask '{node.Id}' maps no value to the required input '{input.Name}' of the handler '{handler.Name}'; add <o2c:input name=\"{input.Name}\" expression=\"...\"/>."
                : $"The handler '{handler.Name}' of the serviceTask '{node.Id}' requires the input '{input.Name}' ({input.Type.Name}), which is no declared variable; declare <o2c:variable name=\"{input.Name}\" .../> or map it with <o2c:input/>.");
        }
    }

    /// <summary>The text of an expression that is one string literal (<c>"..."</c>, with <c>\"</c> and <c>\\</c> escapes); null otherwise.</summary>
    private static string? StringLiteral(string expression)
    {
        var text = expression.Trim();
        if (text.Length < 2 || text[0] != '"' || text[^1] != '"')
        {
            return null;
        }

        var literal = new System.Text.StringBuilder(text.Length);
        for (var i = 1; i < text.Length - 1; i++)
        {
            var c = text[i];
            if (c == '"')
            {
                return null;
            }

            if (c == '\\' && i + 1 < text.Length - 1)
            {
                c = text[++i] switch { 'n' => '\n', 't' => '\t', var other => other };
            }

            literal.Append(c);
        }

        return literal.ToString();
    }

    private bool CheckMappingName(FlowNode node, DataMapping mapping, string what)
    {
        if (IsIdentifier(mapping.Name) && mapping.Expression.Length > 0)
        {
            return true;
        }

        Report(node.Id, mapping.Location, BpmnCodes.InvalidExpression, $"An {what} mapping of {node.Describe()} needs a name (an identifier) and an expression.");
        return false;
    }

    private void ValidateDefaultFlow(FlowNode node, List<SequenceFlow> outgoing)
    {
        if (node.DefaultFlow is not { } id)
        {
            return;
        }

        var flow = outgoing.Find(f => f.Id == id);
        if (flow is null)
        {
            Report(node.Id, node.Location, BpmnCodes.InvalidDefault, $"The default flow '{id}' of {node.Describe()} is not one of its outgoing sequence flows.");
        }
        else if (flow.Condition is not null)
        {
            Report(flow.Id, flow.Location, BpmnCodes.InvalidDefault, $"The default flow '{id}' of {node.Describe()} has a condition; a default flow is taken exactly when no condition holds.");
        }
    }

    private void ValidateExhaustive(FlowNode node, List<SequenceFlow> outgoing)
    {
        // Exhaustiveness of arbitrary conditions is undecidable; the provable case is an unconditional way out.
        if (node.DefaultFlow is null && outgoing.Exists(f => f.Condition is not null) && !outgoing.Exists(f => f.Condition is null) && !HasComplementaryConditions(outgoing))
        {
            Report(node.Id, node.Location, BpmnCodes.NotExhaustive,
                $"{Capitalize(node.Describe())} has only conditional outgoing flows and no default flow: when no condition holds the instance would be stuck. Mark one flow as default (or leave one unconditional).");
        }
    }

    /// <summary>
    /// An exclusive gateway with two unconditioned ways out would take one of them by the order of the flows in the
    /// file; a default flow beside an unconditioned one (exclusive or inclusive) could never be taken: the modeller
    /// forgot a condition. (An inclusive gateway takes every unconditioned flow, as a parallel split does.)
    /// </summary>
    private void ValidateUnambiguous(FlowNode node, List<SequenceFlow> outgoing)
    {
        if (outgoing.Count < 2)
        {
            return;
        }

        var unconditioned = outgoing.Where(f => f.Condition is null && f.Id != node.DefaultFlow).Select(f => $"'{f.Id}'").ToList();
        if (unconditioned.Count >= 2 && node.Kind == FlowNodeKind.ExclusiveGateway)
        {
            Report(node.Id, node.Location, BpmnCodes.AmbiguousGateway,
                $"{Capitalize(node.Describe())} is ambiguous: the outgoing flows {string.Join(", ", unconditioned)} have no condition, so which one is taken is not decided by the data. Give each a condition, or mark one as default.");
        }
        else if (unconditioned.Count >= 1 && node.DefaultFlow is { } defaultFlow && outgoing.Exists(f => f.Id == defaultFlow))
        {
            Report(node.Id, node.Location, BpmnCodes.AmbiguousGateway,
                $"{Capitalize(node.Describe())} is ambiguous: besides its default flow '{defaultFlow}', {string.Join(", ", unconditioned)} {(unconditioned.Count == 1 ? "has" : "have")} no condition, so the default could never be taken. Give {string.Join(", ", unconditioned)} a condition.");
        }
    }

    /// <summary>Two flows whose conditions are <c>x</c> and <c>!x</c> (as Camunda models write them) always leave one way.</summary>
    private static bool HasComplementaryConditions(List<SequenceFlow> outgoing)
    {
        var conditions = outgoing.Select(f => Normalized(f.Condition!)).ToHashSet(StringComparer.Ordinal);
        return conditions.Any(c => conditions.Contains("!" + c) || conditions.Contains("!(" + c + ")"));

        static string Normalized(string condition) => string.Concat(condition.Where(c => !char.IsWhiteSpace(c)));
    }

    private void ValidateEventGateway(FlowNode node, Dictionary<string, FlowNode> nodes, Dictionary<string, List<SequenceFlow>> incoming, List<SequenceFlow> outgoing)
    {
        if (outgoing.Count < 2)
        {
            Report(node.Id, node.Location, BpmnCodes.InvalidEventGateway, $"The eventBasedGateway '{node.Id}' needs at least two outgoing flows (one per event it races).");
        }

        foreach (var flow in outgoing)
        {
            var target = nodes[flow.TargetRef];
            var catches = (target.Kind == FlowNodeKind.IntermediateCatchEvent && target.Event.Kind is EventKind.Message or EventKind.Timer)
                || target.Kind == FlowNodeKind.ReceiveTask;
            if (!catches)
            {
                Report(flow.Id, flow.Location, BpmnCodes.InvalidEventGateway, $"The eventBasedGateway '{node.Id}' leads to {target.Describe()}; it may only lead to message or timer intermediate catch events or receive tasks.");
            }
            else if (target.MultiInstance is not null || incoming[target.Id].Count > 1)
            {
                Report(target.Id, target.Location, BpmnCodes.InvalidEventGateway, $"{Capitalize(target.Describe())} follows the eventBasedGateway '{node.Id}' and must have exactly one incoming flow and no multi-instance marker.");
            }
        }
    }

    private void ValidateBoundary(FlowNode node, Dictionary<string, FlowNode> nodes)
    {
        if (node.AttachedTo is null || !nodes.TryGetValue(node.AttachedTo, out var host) || !host.IsActivity)
        {
            Report(node.Id, node.Location, BpmnCodes.InvalidBoundary, $"The boundary event '{node.Id}' is attached to '{node.AttachedTo}', which is not an activity of the same scope.");
        }
        else if (node.Event.Kind == EventKind.Error && !node.CancelActivity)
        {
            Report(node.Id, node.Location, BpmnCodes.InvalidBoundary, $"The error boundary event '{node.Id}' is non-interrupting; an error always interrupts its activity.");
        }
    }

    private void ValidateCallActivity(FlowNode node)
    {
        if (node.CalledElement is null)
        {
            Report(node.Id, node.Location, BpmnCodes.InvalidCallActivity, $"The callActivity '{node.Id}' has no calledElement (the id of the process to call).");
        }
        else if (!processIdsInFile.Contains(node.CalledElement) && catalog.CallableProcesses is { } callable && !callable.Contains(node.CalledElement))
        {
            Report(node.Id, node.Location, BpmnCodes.InvalidCallActivity, $"The callActivity '{node.Id}' calls the process '{node.CalledElement}', which is neither in this file nor published.");
        }

        if (node.InvalidVersionBinding is { } binding)
        {
            Report(node.Id, node.Location, BpmnCodes.InvalidCallActivity, $"The callActivity '{node.Id}' has an invalid version binding ({binding}): use o2c:versionBinding=\"latest\", \"deployment\", or \"version\" with o2c:version=\"n\" (n ≥ 1).");
        }
    }

    private static string Known(IEnumerable<string> names)
    {
        var list = names.Order(StringComparer.Ordinal).ToList();
        return list.Count == 0 ? "none" : string.Join(", ", list);
    }

    private void ValidateRetry(FlowNode node)
    {
        if (node.Retries is null && node.RetryBackoff is null)
        {
            return;
        }

        if (node.Kind is not (FlowNodeKind.ServiceTask or FlowNodeKind.BusinessRuleTask))
        {
            Report(node.Id, node.Location, BpmnCodes.InvalidRetry, $"o2c:retries and o2c:retryBackoff apply to service and business-rule tasks, not to the {node.ElementType} '{node.Id}'.");
            return;
        }

        if (node.Retries is not null && node.MaxRetries is not (>= 0 and <= 100))
        {
            Report(node.Id, node.Location, BpmnCodes.InvalidRetry, $"o2c:retries of '{node.Id}' is '{node.Retries}': give a whole number from 0 to 100.");
        }

        if (node.RetryBackoff is not null && node.RetryBackoffTime is not { } backoff)
        {
            Report(node.Id, node.Location, BpmnCodes.InvalidRetry, $"o2c:retryBackoff of '{node.Id}' is '{node.RetryBackoff}': give an ISO 8601 duration in days, hours, minutes or seconds, e.g. PT30S.");
        }
        else if (node.RetryBackoffTime is { } time && time <= TimeSpan.Zero)
        {
            Report(node.Id, node.Location, BpmnCodes.InvalidRetry, $"o2c:retryBackoff of '{node.Id}' must be longer than zero.");
        }
    }
}
