using OrderToCash.Engine.Bpmn;
using OrderToCash.Engine.Bpmn.Parsing;
using OrderToCash.Engine.Bpmn.Validation;
using OrderToCash.Engine.Diagnostics;

namespace OrderToCash.Tests.Bpmn;

/// <summary>The OMG MIWG reference models: every one parses, and what cannot run is listed by element id and type.</summary>
public sealed class ConformanceTests
{
    private const string Miwg = "miwg-reference";

    private static string MiwgFolder() => SharedConformance.Folder(Miwg);

    [ConformanceFact(Miwg)]
    public void Every_miwg_reference_model_parses_and_its_unsupported_elements_are_listed()
    {
        var files = Directory.GetFiles(MiwgFolder(), "*.bpmn");
        files.Should().NotBeEmpty();
        var unsupported = new List<Diagnostic>();

        foreach (var file in files)
        {
            var document = BpmnParser.ParseFile(file);
            document.Diagnostics.Should().NotContain(d => d.Code == BpmnCodes.NotWellFormed || d.Code == BpmnCodes.NotBpmn, file);
            document.Processes.Should().NotBeEmpty(file);
            var result = BpmnValidator.Validate(document, WorkflowCatalog.Empty);
            unsupported.AddRange(result.Diagnostics.Where(d => d.Code == BpmnCodes.UnsupportedElement || d.Code == BpmnCodes.UnsupportedEvent));
        }

        unsupported.Should().NotBeEmpty().And.OnlyContain(d => d.Element != null && d.Line != null);
        // The MIWG set contains send tasks, signal events and a complex structure we do not execute: each must be named with its type.
        unsupported.Should().Contain(d => d.Message.Contains("sendTask", StringComparison.Ordinal));
        unsupported.Should().Contain(d => d.Message.Contains("signalEventDefinition", StringComparison.Ordinal));
    }

    [ConformanceFact(Miwg)]
    public void Supported_miwg_elements_are_read_into_the_model()
    {
        var document = BpmnParser.ParseFile(Path.Combine(MiwgFolder(), "A.1.0.bpmn"));

        var nodes = document.Processes.SelectMany(p => p.Content.Nodes).ToList();
        nodes.Should().Contain(n => n.Kind == Engine.Bpmn.Model.FlowNodeKind.StartEvent);
        nodes.Should().Contain(n => n.Kind == Engine.Bpmn.Model.FlowNodeKind.EndEvent);
        document.Processes.SelectMany(p => p.Content.Flows).Should().OnlyContain(f => f.SourceRef.Length > 0 && f.TargetRef.Length > 0);
    }
}
