using System.Globalization;
using System.Xml;
using System.Xml.Linq;
using OrderToCash.Engine.Bpmn.Model;
using OrderToCash.Engine.Diagnostics;
using static OrderToCash.Engine.Bpmn.Parsing.BpmnNames;

namespace OrderToCash.Engine.Bpmn.Parsing;

/// <summary>Turns a loaded <c>definitions</c> document into the model; structural problems become diagnostics.</summary>
internal sealed class BpmnDocumentReader(string sourceName)
{
    private static readonly Dictionary<string, FlowNodeKind> Kinds = new(StringComparer.Ordinal)
    {
        ["startEvent"] = FlowNodeKind.StartEvent,
        ["endEvent"] = FlowNodeKind.EndEvent,
        ["intermediateCatchEvent"] = FlowNodeKind.IntermediateCatchEvent,
        ["intermediateThrowEvent"] = FlowNodeKind.IntermediateThrowEvent,
        ["boundaryEvent"] = FlowNodeKind.BoundaryEvent,
        ["task"] = FlowNodeKind.Task,
        ["serviceTask"] = FlowNodeKind.ServiceTask,
        ["businessRuleTask"] = FlowNodeKind.BusinessRuleTask,
        ["userTask"] = FlowNodeKind.UserTask,
        ["receiveTask"] = FlowNodeKind.ReceiveTask,
        ["manualTask"] = FlowNodeKind.ManualTask,
        ["exclusiveGateway"] = FlowNodeKind.ExclusiveGateway,
        ["parallelGateway"] = FlowNodeKind.ParallelGateway,
        ["inclusiveGateway"] = FlowNodeKind.InclusiveGateway,
        ["eventBasedGateway"] = FlowNodeKind.EventBasedGateway,
        ["subProcess"] = FlowNodeKind.SubProcess,
        ["callActivity"] = FlowNodeKind.CallActivity,
    };

    private readonly List<Diagnostic> _diagnostics = [];
    private readonly HashSet<string> _ids = new(StringComparer.Ordinal);
    private Dictionary<string, XElement> _messages = [];
    private Dictionary<string, XElement> _errors = [];

    /// <summary>Variables read by the current process's JUEL/FEEL conditions, typed by their use.</summary>
    private Dictionary<string, VariableDeclaration> _conditionVariables = new(StringComparer.Ordinal);

    public BpmnDocument Read(XDocument xml)
    {
        var root = xml.Root;
        if (root is null || root.Name != Ns + "definitions")
        {
            Report(root, null, BpmnCodes.NotBpmn, $"The root element is '{root?.Name.LocalName}' in namespace '{root?.Name.NamespaceName}'; a BPMN 2.0 file starts with <definitions xmlns=\"{ModelNamespace}\">.");
            return new BpmnDocument(sourceName, [], _diagnostics);
        }

        _messages = IndexById(root.Elements(Ns + "message"));
        _errors = IndexById(root.Elements(Ns + "error"));
        var processes = root.Elements(Ns + "process").Select(ReadProcess).ToList();
        return new BpmnDocument(sourceName, processes, _diagnostics);
    }

    private static Dictionary<string, XElement> IndexById(IEnumerable<XElement> elements)
    {
        var index = new Dictionary<string, XElement>(StringComparer.Ordinal);
        foreach (var element in elements)
        {
            if ((string?)element.Attribute("id") is { Length: > 0 } id)
            {
                index.TryAdd(id, element);
            }
        }

        return index;
    }

    private ProcessModel ReadProcess(XElement process)
    {
        var id = ReadId(process);
        var variables = process.Element(Ns + "extensionElements")?.Elements(VariableElement)
            .Select(v => new VariableDeclaration((string?)v.Attribute("name") ?? string.Empty, (string?)v.Attribute("type") ?? string.Empty, Where(v))
            {
                Values = (string?)v.Attribute("values") is { } values ? [.. values.Split(',').Select(value => value.Trim())] : null,
            })
            .ToList() ?? [];
        _conditionVariables = new(StringComparer.Ordinal);
        var content = ReadScope(process);
        // A Camunda model declares no variables: the ones its conditions read are declared by their use.
        variables.AddRange(_conditionVariables.Values.Where(c => variables.TrueForAll(v => v.Name != c.Name)));
        return new ProcessModel(id, (string?)process.Attribute("name"), (string?)process.Attribute("isExecutable") == "true", content, Where(process))
        {
            Variables = variables,
        };
    }

    private FlowScope ReadScope(XElement container)
    {
        var nodes = new List<FlowNode>();
        var flows = new List<SequenceFlow>();
        foreach (var child in container.Elements())
        {
            if (child.Name.Namespace != Ns)
            {
                continue;
            }

            var local = child.Name.LocalName;
            if (local == "sequenceFlow")
            {
                flows.Add(ReadFlow(child));
            }
            else if (FlowNodeElements.Contains(local))
            {
                nodes.Add(ReadNode(child));
            }
            else if (!Ignorable.Contains(local) && !local.EndsWith("LoopCharacteristics", StringComparison.Ordinal)
                && !local.EndsWith("EventDefinition", StringComparison.Ordinal))
            {
                Report(child, (string?)child.Attribute("id"), BpmnCodes.IgnoredElement,
                    $"The element '{local}' carries no execution semantics for this runtime and is ignored.", DiagnosticSeverity.Warning);
            }
        }

        return new FlowScope(nodes, flows);
    }

    private SequenceFlow ReadFlow(XElement flow)
    {
        var condition = flow.Element(Ns + "conditionExpression")?.Value.Trim();
        var id = ReadId(flow);
        if (!string.IsNullOrEmpty(condition) && ForeignCondition.DialectOf(condition) != ForeignCondition.Dialect.None)
        {
            condition = Translate(flow, id, condition);
        }

        return new SequenceFlow(id, (string?)flow.Attribute("name"), (string?)flow.Attribute("sourceRef") ?? string.Empty,
            (string?)flow.Attribute("targetRef") ?? string.Empty, string.IsNullOrEmpty(condition) ? null : condition, Where(flow));
    }

    /// <summary>A JUEL or FEEL condition in our language; the variables it reads are declared by their use.</summary>
    private string Translate(XElement flow, string id, string condition)
    {
        if (!ForeignCondition.TryTranslate(condition, out var translation, out var error))
        {
            Report(flow, id, BpmnCodes.InvalidExpression, $"The condition of the sequence flow '{id}' is refused: {error}");
            return condition;
        }

        foreach (var (name, type) in translation.VariableTypes)
        {
            _conditionVariables.TryAdd(name, new VariableDeclaration(name, type, Where(flow)));
        }

        return translation.Expression;
    }

    private FlowNode ReadNode(XElement element)
    {
        var local = element.Name.LocalName;
        var kind = Kinds.GetValueOrDefault(local, FlowNodeKind.Unsupported);
        var extensions = element.Element(Ns + "extensionElements");
        var multiInstance = element.Element(Ns + "multiInstanceLoopCharacteristics");
        var node = new FlowNode(ReadId(element), (string?)element.Attribute("name"), kind, local, Where(element))
        {
            EventDefinitions = [.. element.Elements().Where(IsEventDefinition).Select(d => ReadEventDefinition(element, d))],
            Handler = Text(element.Attribute(HandlerAttribute)),
            RuleSet = Text(element.Attribute(RuleSetAttribute)),
            CandidateRole = Text(element.Attribute(CandidateRoleAttribute)) ?? CamundaCandidateGroup(element, extensions),
            DueDate = Text(element.Attribute(DueDateAttribute)),
            Assignee = Text(element.Attribute(AssigneeAttribute)),
            Retries = Text(element.Attribute(RetriesAttribute)),
            RetryBackoff = Text(element.Attribute(RetryBackoffAttribute)),
            Inputs = ReadMappings(extensions, InputElement),
            Outputs = ReadMappings(extensions, OutputElement),
            DefaultFlow = Text(element.Attribute("default")),
            AttachedTo = Text(element.Attribute("attachedToRef")),
            CancelActivity = (string?)element.Attribute("cancelActivity") != "false",
            MultiInstance = multiInstance is null ? null : new MultiInstanceModel(
                (string?)multiInstance.Attribute("isSequential") == "true",
                Text(multiInstance.Attribute(CollectionAttribute)),
                Text(multiInstance.Attribute(ElementVariableAttribute)),
                Where(multiInstance))
            {
                OutputCollection = Text(multiInstance.Attribute(OutputCollectionAttribute)),
                OutputElement = Text(multiInstance.Attribute(OutputElementAttribute)),
            },
            HasStandardLoop = element.Element(Ns + "standardLoopCharacteristics") is not null,
            TriggeredByEvent = (string?)element.Attribute("triggeredByEvent") == "true",
            Content = kind == FlowNodeKind.SubProcess ? ReadScope(element) : null,
            CalledElement = Text(element.Attribute("calledElement")),
        };
        if (kind == FlowNodeKind.ReceiveTask && Text(element.Attribute("messageRef")) is { } messageRef)
        {
            // A receive task names its message directly rather than through an event definition.
            node = node with { EventDefinitions = [ReadMessage(element, element, messageRef, "messageRef")] };
        }

        return kind == FlowNodeKind.CallActivity ? WithVersionBinding(node, element) : node;
    }

    private static FlowNode WithVersionBinding(FlowNode node, XElement element)
    {
        var binding = Text(element.Attribute(VersionBindingAttribute));
        var version = Text(element.Attribute(VersionAttribute));
        return binding?.ToUpperInvariant() switch
        {
            null or "LATEST" when version is null => node with { VersionBinding = Model.VersionBinding.Latest },
            "DEPLOYMENT" => node with { VersionBinding = Model.VersionBinding.Deployment },
            null or "VERSION" when int.TryParse(version, NumberStyles.None, CultureInfo.InvariantCulture, out var number) && number > 0 =>
                node with { VersionBinding = Model.VersionBinding.Version, CalledVersion = number },
            _ => node with { InvalidVersionBinding = $"versionBinding='{binding}' version='{version}'" },
        };
    }

    /// <summary>
    /// A Camunda model's candidate group (Camunda 7 <c>camunda:candidateGroups</c>, Camunda 8
    /// <c>zeebe:assignmentDefinition candidateGroups</c>) is the task's role when it names none of ours; the first
    /// of several groups.
    /// </summary>
    private static string? CamundaCandidateGroup(XElement element, XElement? extensions)
    {
        var groups = Text(element.Attribute(Camunda7 + "candidateGroups"))
            ?? Text(extensions?.Element(Zeebe + "assignmentDefinition")?.Attribute("candidateGroups"));
        return groups?.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).FirstOrDefault()?.TrimStart('=').Trim('"');
    }

    private static bool IsEventDefinition(XElement element) =>
        element.Name.Namespace == Ns && (element.Name.LocalName.EndsWith("EventDefinition", StringComparison.Ordinal) || element.Name.LocalName == "eventDefinitionRef");

    private EventDefinition ReadEventDefinition(XElement owner, XElement definition)
    {
        var where = Where(definition);
        switch (definition.Name.LocalName)
        {
            case "messageEventDefinition":
                return ReadMessage(owner, definition, Text(definition.Attribute("messageRef")), "messageEventDefinition");
            case "timerEventDefinition":
                var timer = definition.Elements().FirstOrDefault(e => e.Name.Namespace == Ns && e.Name.LocalName is "timeDate" or "timeDuration" or "timeCycle");
                return new EventDefinition(EventKind.Timer, "timerEventDefinition", where)
                {
                    Timer = timer?.Name.LocalName switch
                    {
                        "timeDate" => TimerKind.Date,
                        "timeDuration" => TimerKind.Duration,
                        "timeCycle" => TimerKind.Cycle,
                        _ => null,
                    },
                    TimerText = timer?.Value.Trim() is { Length: > 0 } text ? text : null,
                };
            case "errorEventDefinition":
                var errorRef = Text(definition.Attribute("errorRef"));
                var code = errorRef is not null && _errors.TryGetValue(errorRef, out var error) ? Text(error.Attribute("errorCode")) ?? errorRef : errorRef;
                return new EventDefinition(EventKind.Error, "errorEventDefinition", where) { ErrorCode = code };
            case "terminateEventDefinition":
                return new EventDefinition(EventKind.Terminate, "terminateEventDefinition", where);
            default:
                return new EventDefinition(EventKind.Unsupported, definition.Name.LocalName, where);
        }
    }

    private EventDefinition ReadMessage(XElement owner, XElement definition, string? messageRef, string elementType) =>
        new(EventKind.Message, elementType, Where(definition))
        {
            MessageName = Text(owner.Attribute(MessageNameAttribute)) ?? Text(definition.Attribute(MessageNameAttribute))
                ?? (messageRef is not null && _messages.TryGetValue(messageRef, out var message) ? Text(message.Attribute("name")) ?? messageRef : null),
            CorrelationKey = Text(owner.Attribute(CorrelationKeyAttribute)) ?? Text(definition.Attribute(CorrelationKeyAttribute)),
        };

    private static List<DataMapping> ReadMappings(XElement? extensions, XName name) =>
        extensions?.Elements(name)
            .Select(m => new DataMapping((string?)m.Attribute("name") ?? string.Empty, (string?)m.Attribute("expression") ?? m.Value.Trim(), Where(m)))
            .ToList() ?? [];

    private string ReadId(XElement element)
    {
        var id = Text(element.Attribute("id"));
        if (id is null)
        {
            Report(element, null, BpmnCodes.MissingId, $"The element '{element.Name.LocalName}' has no id.");
            return $"{element.Name.LocalName}@{Where(element).Line}";
        }

        if (!_ids.Add(id))
        {
            Report(element, id, BpmnCodes.DuplicateId, $"The id '{id}' is used by more than one element.");
        }

        return id;
    }

    private static string? Text(XAttribute? attribute) => attribute?.Value.Trim() is { Length: > 0 } value ? value : null;

    private static SourceLocation Where(XObject? node) =>
        node is IXmlLineInfo info && info.HasLineInfo() ? new SourceLocation(info.LineNumber, info.LinePosition) : SourceLocation.Unknown;

    private void Report(XObject? node, string? element, string code, string message, DiagnosticSeverity severity = DiagnosticSeverity.Error)
    {
        var where = Where(node);
        _diagnostics.Add(new Diagnostic(sourceName, element, where.IsKnown ? where.Line : null, where.IsKnown ? where.Column : null, code, message, severity));
    }
}
