namespace OrderToCash.Engine.Bpmn.Model;

/// <summary>The BPMN 2.0 flow nodes the runtime executes; everything else parses as <see cref="Unsupported"/>.</summary>
public enum FlowNodeKind
{
    Unsupported,
    StartEvent,
    EndEvent,
    IntermediateCatchEvent,
    IntermediateThrowEvent,
    BoundaryEvent,

    /// <summary>The abstract <c>task</c>: no behaviour, the token passes through (as in BPMN 2.0 §10.3.3).</summary>
    Task,
    ServiceTask,
    BusinessRuleTask,
    UserTask,
    ReceiveTask,
    ManualTask,
    ExclusiveGateway,
    ParallelGateway,
    InclusiveGateway,
    EventBasedGateway,
    SubProcess,
    CallActivity,
}

/// <summary>The event definition inside an event (none when the event has no definition).</summary>
public enum EventKind
{
    None,
    Message,
    Timer,
    Error,
    Terminate,

    /// <summary>Signal, escalation, compensation, conditional, link, cancel, or several definitions at once.</summary>
    Unsupported,
}

/// <summary>The three ISO 8601 timer forms of BPMN 2.0.</summary>
public enum TimerKind
{
    /// <summary><c>timeDate</c>: a point in time.</summary>
    Date,

    /// <summary><c>timeDuration</c>: a delay from when the timer is armed.</summary>
    Duration,

    /// <summary><c>timeCycle</c>: repeating intervals, e.g. <c>R3/PT10M</c>.</summary>
    Cycle,
}

/// <summary>How a call activity chooses the version of the called process.</summary>
public enum VersionBinding
{
    /// <summary>The latest published version when the call activity is entered (the default).</summary>
    Latest,

    /// <summary>Exactly the version given in <c>o2c:version</c>.</summary>
    Version,

    /// <summary>The version published together with (in the same file as) the caller.</summary>
    Deployment,
}
