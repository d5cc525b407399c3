using System.Xml;
using System.Xml.Linq;
using OrderToCash.Engine.Bpmn.Parsing;
using OrderToCash.Engine.Bpmn.Validation;
using OrderToCash.Engine.Diagnostics;
using OrderToCash.Engine.Xml;
using static OrderToCash.Engine.Bpmn.Parsing.BpmnNames;

namespace OrderToCash.Engine.Bpmn.Import;

/// <summary>
/// The on-ramp from Camunda (<c>o2c import camunda</c>, ADR 0069): a Camunda 7 or Camunda 8 model becomes ours. Service
/// and send tasks get their handler from the mapping file by their Zeebe job type, external-task topic or Java
/// class/expression; user tasks their role from their candidate groups (mapped, or already one of our roles) and their
/// person from their assignee; business-rule tasks their rule set from the decision id; simple input/output mappings
/// become ours. What cannot be carried is a finding naming the element; an essential one (a task that would not know
/// what to do or whom to ask, a listener's code, a file our validator refuses) means no file is written.
/// </summary>
public static class CamundaImport
{
    private static readonly XName ExtensionElements = Ns + "extensionElements";

    public static CamundaImportResult Convert(string xml, string sourceName, CamundaMapping mapping, WorkflowCatalog catalog, IReadOnlyCollection<string> roles)
    {
        ArgumentNullException.ThrowIfNull(xml);
        ArgumentNullException.ThrowIfNull(mapping);
        ArgumentNullException.ThrowIfNull(catalog);
        ArgumentNullException.ThrowIfNull(roles);
        XDocument document;
        try
        {
            using var reader = new StringReader(xml);
            document = SafeXmlLoader.Load(reader);
        }
        catch (XmlException ex)
        {
            return new CamundaImportResult(null, "unknown", [new ImportFinding(null, ex.LineNumber, $"The file is not well-formed XML: {ex.Message}", true)]);
        }

        FromActiviti(document);
        var findings = new List<ImportFinding>();
        var dialect = document.Descendants().Any(e => e.Name.Namespace == Zeebe || e.Attributes().Any(a => a.Name.Namespace == Zeebe)) ? "Camunda 8"
            : document.Descendants().Any(e => e.Name.Namespace == Camunda7 || e.Attributes().Any(a => a.Name.Namespace == Camunda7)) ? "Camunda 7"
            : "BPMN without Camunda extensions";
        var import = new Importer(mapping, catalog, roles, findings);
        foreach (var element in document.Descendants().Where(e => e.Name.Namespace == Ns).ToList())
        {
            import.Element(element);
        }

        import.Leftovers(document);
        document.Root!.SetAttributeValue(XNamespace.Xmlns + "o2c", ExtensionNamespace);
        var written = document.Declaration is null ? document.ToString() : document.Declaration + Environment.NewLine + document.ToString();

        // The file must then stand on its own: our validator's errors are essential findings too.
        var validation = BpmnValidator.Validate(BpmnParser.Parse(written, sourceName), catalog);
        findings.AddRange(validation.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error)
            .Select(d => new ImportFinding(d.Element, null, $"{d.Code}: {d.Message}", true)));
        return new CamundaImportResult(findings.Exists(f => f.Essential) ? null : written, dialect, findings);
    }

    /// <summary>Camunda 7 also reads its models in the older Activiti namespace: read as Camunda 7.</summary>
    private static void FromActiviti(XDocument document)
    {
        XNamespace activiti = "http://activiti.org/bpmn";
        foreach (var element in document.Descendants())
        {
            if (element.Name.Namespace == activiti)
            {
                element.Name = Camunda7 + element.Name.LocalName;
            }

            foreach (var attribute in element.Attributes().Where(a => a.Name.Namespace == activiti).ToList())
            {
                attribute.Remove();
                element.SetAttributeValue(Camunda7 + attribute.Name.LocalName, attribute.Value);
            }
        }
    }

    private sealed class Importer(CamundaMapping mapping, WorkflowCatalog catalog, IReadOnlyCollection<string> roles, List<ImportFinding> findings)
    {
        public void Element(XElement element)
        {
            switch (element.Name.LocalName)
            {
                case "serviceTask" or "sendTask":
                    Handler(element);
                    break;
                case "businessRuleTask":
                    RuleSet(element);
                    break;
                case "userTask":
                    Assignment(element);
                    break;
                case "scriptTask":
                    Report(element, "runs a script, which a definition may not carry here: replace it with a service task and a handler.", true);
                    break;
            }

            if (element.Element(ExtensionElements) is { } extensions)
            {
                Mappings(element, extensions);
                Listeners(element, extensions);
            }
        }

        /// <summary>Vendor content nobody read: reported, then dropped (it would mean nothing here).</summary>
        public void Leftovers(XDocument document)
        {
            foreach (var element in document.Descendants().Where(e => e.Name.Namespace == Ns).ToList())
            {
                foreach (var attribute in element.Attributes().Where(IsVendor).ToList())
                {
                    Report(element, $"has {Prefixed(attribute.Name)}=\"{attribute.Value}\", which has no meaning here; dropped.", false);
                    attribute.Remove();
                }

                foreach (var vendor in element.Element(ExtensionElements)?.Elements().Where(e => e.Name.Namespace == Camunda7 || e.Name.Namespace == Zeebe).ToList() ?? [])
                {
                    Report(element, $"has <{Prefixed(vendor.Name)}>, which has no meaning here; dropped.", false);
                    vendor.Remove();
                }
            }
        }

        private void Handler(XElement task)
        {
            var extensions = task.Element(ExtensionElements);
            var definition = extensions?.Element(Zeebe + "taskDefinition");
            var (key, source) = Text(definition?.Attribute("type")) is { } type ? (type, "zeebe:taskDefinition type")
                : Text(task.Attribute(Camunda7 + "topic")) is { } topic ? (topic, "camunda:topic")
                : Text(task.Attribute(Camunda7 + "class")) is { } type7 ? (type7, "camunda:class")
                : Text(task.Attribute(Camunda7 + "delegateExpression")) is { } delegated ? (delegated, "camunda:delegateExpression")
                : Text(task.Attribute(Camunda7 + "expression")) is { } expression ? (expression, "camunda:expression")
                : (null, null);
            if (task.Attribute(HandlerAttribute) is not null)
            {
                return;
            }

            if (key is null)
            {
                Report(task, "says nothing about what it does (no zeebe:taskDefinition, camunda:topic or camunda:class).", true);
                return;
            }

            if (!mapping.Handlers.TryGetValue(key, out var handler))
            {
                Report(task, $"calls '{key}' ({source}), which the mapping file does not map to a handler: add \"{key}\": \"<handler>\" under \"handlers\" (handlers: {Known(catalog.Handlers.Select(h => h.Name))}).", true);
                return;
            }

            if (catalog.FindHandler(handler) is null)
            {
                Report(task, $"is mapped to the handler '{handler}', which does not exist (handlers: {Known(catalog.Handlers.Select(h => h.Name))}).", true);
                return;
            }

            task.Name = Ns + "serviceTask";
            task.SetAttributeValue(HandlerAttribute, handler);
            if (Text(definition?.Attribute("retries")) is { } retries && int.TryParse(retries, out var count) && count >= 0)
            {
                task.SetAttributeValue(RetriesAttribute, count.ToString(System.Globalization.CultureInfo.InvariantCulture));
            }

            definition?.Remove();
            foreach (var name in new[] { "topic", "class", "delegateExpression", "expression", "type", "resultVariable" })
            {
                task.Attribute(Camunda7 + name)?.Remove();
            }
        }

        private void RuleSet(XElement task)
        {
            var called = task.Element(ExtensionElements)?.Element(Zeebe + "calledDecision");
            var decision = Text(called?.Attribute("decisionId")) ?? Text(task.Attribute(Camunda7 + "decisionRef"));
            if (task.Attribute(RuleSetAttribute) is not null)
            {
                return;
            }

            if (decision is null)
            {
                Report(task, "names no decision (zeebe:calledDecision or camunda:decisionRef).", true);
                return;
            }

            var ruleSet = mapping.RuleSets.GetValueOrDefault(decision) ?? decision;
            if (!catalog.RuleSets.Contains(ruleSet))
            {
                Report(task, $"calls the decision '{decision}', which is no rule set here: add \"{decision}\": \"<rule set>\" under \"ruleSets\" (rule sets: {Known(catalog.RuleSets)}).", true);
                return;
            }

            task.SetAttributeValue(RuleSetAttribute, ruleSet);
            called?.Remove();
            task.Attribute(Camunda7 + "decisionRef")?.Remove();
            task.Attribute(Camunda7 + "mapDecisionResult")?.Remove();
        }

        private void Assignment(XElement task)
        {
            var assignment = task.Element(ExtensionElements)?.Element(Zeebe + "assignmentDefinition");
            var groups = Groups(Text(task.Attribute(Camunda7 + "candidateGroups")) ?? Text(assignment?.Attribute("candidateGroups")));
            var assignee = Text(task.Attribute(Camunda7 + "assignee")) ?? Text(assignment?.Attribute("assignee"));
            if (task.Attribute(CandidateRoleAttribute) is null)
            {
                var mapped = groups.Select(g => (Group: g, Role: mapping.Roles.GetValueOrDefault(g) ?? (roles.Contains(g) ? g : null))).ToList();
                if (mapped.Find(m => m.Role is not null).Role is { } role)
                {
                    if (!roles.Contains(role))
                    {
                        Report(task, $"is mapped to the role '{role}', which does not exist (roles: {Known(roles)}).", true);
                    }

                    task.SetAttributeValue(CandidateRoleAttribute, role);
                }

                foreach (var (group, _) in mapped.Where(m => m.Role is null))
                {
                    Report(task, $"is for the candidate group '{group}', which the mapping file does not map to a role: add \"{group}\": \"<role>\" under \"roles\" (roles: {Known(roles)}).",
                        !mapped.Exists(m => m.Role is not null) && assignee is null);
                }
            }

            if (assignee is not null && task.Attribute(AssigneeAttribute) is null)
            {
                if (Translate(assignee) is { } expression)
                {
                    task.SetAttributeValue(AssigneeAttribute, expression.Expression);
                    Declare(task, expression, "string");
                }
                else
                {
                    Report(task, $"has the assignee '{assignee}', an expression outside the supported subset (a variable or a user name).", true);
                }
            }

            if (groups.Count == 0 && assignee is null && task.Attribute(CandidateRoleAttribute) is null)
            {
                Report(task, "names no candidate group and no assignee: nobody would see it. Give it a candidate group mapped to a role.", true);
            }

            if ((Text(task.Attribute(Camunda7 + "candidateUsers")) ?? Text(assignment?.Attribute("candidateUsers"))) is { } users)
            {
                Report(task, $"has candidate users ({users}); tasks go to a role or one person here, so they are dropped.", false);
            }

            assignment?.Remove();
            foreach (var name in new[] { "candidateGroups", "assignee", "candidateUsers" })
            {
                task.Attribute(Camunda7 + name)?.Remove();
            }
        }

        /// <summary>Zeebe <c>ioMapping</c> and Camunda 7 <c>inputOutput</c> whose expressions are in the common subset.</summary>
        private void Mappings(XElement element, XElement extensions)
        {
            var ours = new List<XElement>();
            if (extensions.Element(Zeebe + "ioMapping") is { } io)
            {
                foreach (var mapping in io.Elements())
                {
                    var output = mapping.Name.LocalName == "output";
                    Map(element, ours, output, Text(mapping.Attribute("target")), Text(mapping.Attribute("source")), $"zeebe:{mapping.Name.LocalName}");
                }

                io.Remove();
            }

            if (extensions.Element(Camunda7 + "inputOutput") is { } inputOutput)
            {
                foreach (var parameter in inputOutput.Elements())
                {
                    var output = parameter.Name.LocalName == "outputParameter";
                    Map(element, ours, output, Text(parameter.Attribute("name")), parameter.HasElements ? null : parameter.Value.Trim(), $"camunda:{parameter.Name.LocalName}");
                }

                inputOutput.Remove();
            }

            extensions.Add(ours);
        }

        private void Map(XElement element, List<XElement> ours, bool output, string? name, string? source, string what)
        {
            if (name is null || source is null || Translate(source) is not { } expression)
            {
                Report(element, $"has the {what} '{name}' = '{source}', outside the supported subset (a variable, a comparison, a literal); map it by hand.", true);
                return;
            }

            ours.Add(new XElement(output ? OutputElement : InputElement, new XAttribute("name", name), new XAttribute("expression", expression.Expression)));
            if (!output)
            {
                Declare(element, expression, "string");
            }
        }

        private void Listeners(XElement element, XElement extensions)
        {
            foreach (var listener in extensions.Elements().Where(e => e.Name.LocalName is "executionListener" or "taskListener" or "executionListeners" or "taskListeners").ToList())
            {
                Report(element, $"has a {Prefixed(listener.Name)}, code that runs around the element; model what it does as a service task.", true);
                listener.Remove();
            }
        }

        /// <summary>
        /// The variables a translated expression reads become declarations of the process (unless it declares them):
        /// a Camunda model declares none. A variable read alone gets <paramref name="aloneType"/>.
        /// </summary>
        private static void Declare(XElement element, ForeignCondition.Translation translation, string aloneType)
        {
            if (element.AncestorsAndSelf(Ns + "process").FirstOrDefault() is not { } process)
            {
                return;
            }

            var extensions = process.Element(ExtensionElements);
            if (extensions is null)
            {
                extensions = new XElement(ExtensionElements);
                process.AddFirst(extensions);
            }

            foreach (var (name, type) in translation.VariableTypes)
            {
                if (!extensions.Elements(VariableElement).Any(v => (string?)v.Attribute("name") == name))
                {
                    extensions.Add(new XElement(VariableElement, new XAttribute("name", name), new XAttribute("type", translation.Expression.Trim() == name ? aloneType : type)));
                }
            }
        }

        private void Report(XElement element, string message, bool essential)
        {
            var id = (string?)element.Attribute("id");
            var name = ((string?)element.Attribute("name"))?.ReplaceLineEndings(" ");
            var line = ((IXmlLineInfo)element).HasLineInfo() ? ((IXmlLineInfo)element).LineNumber : (int?)null;
            findings.Add(new ImportFinding(id, line, $"The {element.Name.LocalName} '{id}'{(name is null ? string.Empty : $" ({name})")} {message}", essential));
        }
    }

    /// <summary>
    /// A JUEL (<c>${salesperson}</c>) or FEEL (<c>=salesperson</c>) expression in our language, a plain name as a
    /// text literal; null when outside the common subset.
    /// </summary>
    private static ForeignCondition.Translation? Translate(string text)
    {
        if (ForeignCondition.DialectOf(text) == ForeignCondition.Dialect.None)
        {
            return text.Contains('"', StringComparison.Ordinal) || text.Contains('\\', StringComparison.Ordinal)
                ? null
                : new ForeignCondition.Translation($"\"{text}\"", new Dictionary<string, string>());
        }

        return ForeignCondition.TryTranslate(text, out var translation, out _) ? translation : null;
    }

    private static List<string> Groups(string? text) =>
        text is null ? [] : [.. text.TrimStart('=').Trim().Trim('[', ']').Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).Select(g => g.Trim('"')).Where(g => g.Length > 0)];

    private static bool IsVendor(XAttribute attribute) => attribute.Name.Namespace == Camunda7 || attribute.Name.Namespace == Zeebe;

    private static string Prefixed(XName name) => (name.Namespace == Zeebe ? "zeebe:" : name.Namespace == Camunda7 ? "camunda:" : string.Empty) + name.LocalName;

    private static string? Text(XAttribute? attribute) => attribute?.Value.Trim() is { Length: > 0 } text ? text : null;

    private static string Known(IEnumerable<string> names) => names.Any() ? string.Join(", ", names.Order(StringComparer.Ordinal)) : "none";
}

/// <summary>What the import could not carry: where (element id, line) and why; an essential finding stops the import.</summary>
public sealed record ImportFinding(string? ElementId, int? Line, string Message, bool Essential);

/// <summary>Our BPMN (null when something essential is missing), the source's dialect, and the findings.</summary>
public sealed record CamundaImportResult(string? Xml, string Dialect, IReadOnlyList<ImportFinding> Findings);
