using System.Xml.Linq;

namespace OrderToCash.Engine.Bpmn.Parsing;

/// <summary>The XML namespaces and names the parser reads: BPMN 2.0 and our extension namespace.</summary>
public static class BpmnNames
{
    public const string ModelNamespace = "http://www.omg.org/spec/BPMN/20100524/MODEL";

    /// <summary>Our extension namespace (prefix <c>o2c</c> by convention); documented in docs/engine.md.</summary>
    public const string ExtensionNamespace = "https://ordertocash.dev/schema/bpmn";

    public const string XsiNamespace = "http://www.w3.org/2001/XMLSchema-instance";

    /// <summary>Camunda 7 and Camunda 8 (Zeebe) extension namespaces: read for the on-ramp from Camunda models.</summary>
    public const string Camunda7Namespace = "http://camunda.org/schema/1.0/bpmn";

    public const string ZeebeNamespace = "http://camunda.org/schema/zeebe/1.0";

    public static readonly XNamespace Ns = ModelNamespace;
    public static readonly XNamespace Camunda7 = Camunda7Namespace;
    public static readonly XNamespace Zeebe = ZeebeNamespace;
    public static readonly XNamespace Ext = ExtensionNamespace;

    // Extension attributes.
    public static readonly XName HandlerAttribute = Ext + "handler";
    public static readonly XName RuleSetAttribute = Ext + "ruleSet";
    public static readonly XName CandidateRoleAttribute = Ext + "candidateRole";
    public static readonly XName DueDateAttribute = Ext + "dueDate";
    public static readonly XName AssigneeAttribute = Ext + "assignee";
    public static readonly XName CorrelationKeyAttribute = Ext + "correlationKey";
    public static readonly XName MessageNameAttribute = Ext + "messageName";
    public static readonly XName CollectionAttribute = Ext + "collection";
    public static readonly XName ElementVariableAttribute = Ext + "elementVariable";
    public static readonly XName OutputCollectionAttribute = Ext + "outputCollection";
    public static readonly XName OutputElementAttribute = Ext + "outputElement";
    public static readonly XName VersionBindingAttribute = Ext + "versionBinding";
    public static readonly XName VersionAttribute = Ext + "version";
    public static readonly XName RetriesAttribute = Ext + "retries";
    public static readonly XName RetryBackoffAttribute = Ext + "retryBackoff";

    // Extension elements (inside bpmn:extensionElements).
    public static readonly XName InputElement = Ext + "input";
    public static readonly XName OutputElement = Ext + "output";
    public static readonly XName VariableElement = Ext + "variable";

    /// <summary>Content that carries no execution semantics: accepted and ignored wherever it appears.</summary>
    public static readonly IReadOnlySet<string> Ignorable = new HashSet<string>(StringComparer.Ordinal)
    {
        "documentation", "extensionElements", "laneSet", "lane", "dataObject", "dataObjectReference", "dataStore",
        "dataStoreReference", "textAnnotation", "association", "group", "category", "ioSpecification", "property",
        "dataInputAssociation", "dataOutputAssociation", "incoming", "outgoing", "auditing", "monitoring",
        "resourceRole", "performer", "humanPerformer", "potentialOwner", "correlationSubscription", "supports",
        "dataState", "ioBinding",
    };

    /// <summary>Every BPMN 2.0 flow node: the ones not mapped to a <c>FlowNodeKind</c> are unsupported.</summary>
    public static readonly IReadOnlySet<string> FlowNodeElements = new HashSet<string>(StringComparer.Ordinal)
    {
        "startEvent", "endEvent", "intermediateCatchEvent", "intermediateThrowEvent", "boundaryEvent", "implicitThrowEvent",
        "task", "serviceTask", "businessRuleTask", "userTask", "receiveTask", "manualTask", "sendTask", "scriptTask",
        "exclusiveGateway", "parallelGateway", "inclusiveGateway", "eventBasedGateway", "complexGateway",
        "subProcess", "adHocSubProcess", "transaction", "callActivity", "callChoreography", "choreographyTask", "subChoreography",
    };
}
