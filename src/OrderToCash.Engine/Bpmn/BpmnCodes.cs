namespace OrderToCash.Engine.Bpmn;

/// <summary>Stable diagnostic codes for BPMN files (documented in docs/engine.md).</summary>
public static class BpmnCodes
{
    public const string NotWellFormed = "BPMN001";
    public const string TooLarge = "BPMN002";
    public const string NotBpmn = "BPMN003";
    public const string MissingId = "BPMN004";
    public const string DuplicateId = "BPMN005";
    public const string NoExecutableProcess = "BPMN006";
    public const string Unreadable = "BPMN007";
    public const string UnsupportedElement = "BPMN010";
    public const string UnsupportedEvent = "BPMN011";
    public const string ScriptTaskRefused = "BPMN012";
    public const string IgnoredElement = "BPMN013";
    public const string DanglingFlow = "BPMN020";
    public const string Unreachable = "BPMN021";
    public const string MissingOutgoing = "BPMN022";
    public const string MisplacedFlow = "BPMN023";
    public const string StartEvents = "BPMN024";
    public const string DoubleFlow = "BPMN025";
    public const string WaitlessCycle = "BPMN026";
    public const string NotExhaustive = "BPMN030";
    public const string InvalidDefault = "BPMN031";
    public const string IgnoredCondition = "BPMN032";
    public const string InvalidEventGateway = "BPMN033";
    public const string AmbiguousGateway = "BPMN034";
    public const string UnknownHandler = "BPMN040";
    public const string UnknownRuleSet = "BPMN041";
    public const string MissingInput = "BPMN042";
    public const string InvalidMessage = "BPMN043";
    public const string InvalidTimer = "BPMN044";
    public const string InvalidError = "BPMN045";
    public const string InvalidCallActivity = "BPMN046";
    public const string InvalidMultiInstance = "BPMN047";
    public const string InvalidBoundary = "BPMN048";
    public const string RecursiveCall = "BPMN049";
    public const string InvalidExpression = "BPMN050";
    public const string InvalidVariable = "BPMN051";
    public const string InvalidRetry = "BPMN052";
    public const string NoCandidateRole = "BPMN053";
    public const string InvalidLiteralInput = "BPMN054";
    public const string UnknownRole = "BPMN055";
}
