namespace OrderToCash.Engine.Bpmn.Model;

/// <summary>
/// One flow node of a process, immutable. A single shape for all kinds keeps the model flat and easy to validate;
/// only the members relevant to <see cref="Kind"/> are set. <see cref="ElementType"/> is the BPMN element's local
/// name (e.g. <c>serviceTask</c>), kept for messages.
/// </summary>
public sealed record FlowNode(string Id, string? Name, FlowNodeKind Kind, string ElementType, SourceLocation Location)
{
    /// <summary>Event definitions of an event: empty for none events; more than one is unsupported.</summary>
    public IReadOnlyList<EventDefinition> EventDefinitions { get; init; } = [];

    /// <summary>The single event definition, or <see cref="EventDefinition.None"/>.</summary>
    public EventDefinition Event => EventDefinitions.Count == 0 ? EventDefinition.None : EventDefinitions[0];

    /// <summary>Service task: the registered handler name (<c>o2c:handler</c>).</summary>
    public string? Handler { get; init; }

    /// <summary>Business-rule task: the rule set name (<c>o2c:ruleSet</c>).</summary>
    public string? RuleSet { get; init; }

    /// <summary>User task: who may claim it (<c>o2c:candidateRole</c>).</summary>
    public string? CandidateRole { get; init; }

    /// <summary>
    /// User task: the person it is for (<c>o2c:assignee</c>), an expression yielding a user name (e.g. the customer's
    /// salesperson); the task is in that person's inbox from its creation.
    /// </summary>
    public string? Assignee { get; init; }

    /// <summary>User task: when it is due (<c>o2c:dueDate</c>), an ISO 8601 duration/date or an expression.</summary>
    public string? DueDate { get; init; }

    /// <summary><c>o2c:retries</c>: automatic retries of a failed handler or rule set before the incident waits for a person.</summary>
    public string? Retries { get; init; }

    /// <summary><c>o2c:retryBackoff</c>: ISO 8601 duration of the first retry delay (each next one doubles it).</summary>
    public string? RetryBackoff { get; init; }

    /// <summary>The retry count, when <c>o2c:retries</c> is a valid number.</summary>
    public int? MaxRetries => int.TryParse(Retries, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var n) ? n : null;

    /// <summary>The first retry delay, when <c>o2c:retryBackoff</c> is a fixed-length ISO 8601 duration.</summary>
    public TimeSpan? RetryBackoffTime =>
        Timers.IsoDuration.TryParse(RetryBackoff, out var d) && d.Years == 0 && d.Months == 0 ? TimeSpan.FromDays(d.Days) + d.Time : null;

    public IReadOnlyList<DataMapping> Inputs { get; init; } = [];

    public IReadOnlyList<DataMapping> Outputs { get; init; } = [];

    /// <summary>Gateways and activities: the default flow's id.</summary>
    public string? DefaultFlow { get; init; }

    /// <summary>Boundary event: the activity it is attached to.</summary>
    public string? AttachedTo { get; init; }

    /// <summary>Boundary event: interrupting (the default) or not.</summary>
    public bool CancelActivity { get; init; } = true;

    public MultiInstanceModel? MultiInstance { get; init; }

    /// <summary>Loop characteristics other than multi-instance (standard loops) are unsupported.</summary>
    public bool HasStandardLoop { get; init; }

    /// <summary>Embedded sub-process: its content.</summary>
    public FlowScope? Content { get; init; }

    /// <summary>An event sub-process (<c>triggeredByEvent="true"</c>), unsupported.</summary>
    public bool TriggeredByEvent { get; init; }

    /// <summary>Call activity: the called process id.</summary>
    public string? CalledElement { get; init; }

    public VersionBinding VersionBinding { get; init; } = VersionBinding.Latest;

    /// <summary>Call activity with <see cref="VersionBinding.Version"/>: the pinned version.</summary>
    public int? CalledVersion { get; init; }

    /// <summary>The raw <c>o2c:versionBinding</c> text when it could not be read (reported by the validator).</summary>
    public string? InvalidVersionBinding { get; init; }

    public bool IsActivity => Kind is FlowNodeKind.Task or FlowNodeKind.ServiceTask or FlowNodeKind.BusinessRuleTask
        or FlowNodeKind.UserTask or FlowNodeKind.ReceiveTask or FlowNodeKind.ManualTask or FlowNodeKind.SubProcess
        or FlowNodeKind.CallActivity;

    public bool IsGateway => Kind is FlowNodeKind.ExclusiveGateway or FlowNodeKind.ParallelGateway
        or FlowNodeKind.InclusiveGateway or FlowNodeKind.EventBasedGateway;

    public string Describe() => Name is { Length: > 0 } ? $"{ElementType} '{Id}' ({Name})" : $"{ElementType} '{Id}'";
}

/// <summary>The content of a process or embedded sub-process: its flow nodes and sequence flows.</summary>
public sealed record FlowScope(IReadOnlyList<FlowNode> Nodes, IReadOnlyList<SequenceFlow> Flows);
