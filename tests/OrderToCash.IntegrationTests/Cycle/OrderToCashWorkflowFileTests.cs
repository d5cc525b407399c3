using OrderToCash.Cli;
using OrderToCash.IntegrationTests.Cli;

namespace OrderToCash.IntegrationTests.Cycle;

public sealed class OrderToCashWorkflowFileTests
{
    [Fact]
    public async Task The_order_to_cash_workflow_passes_o2c_validate_with_the_domains_handlers()
    {
        var run = await CliRunner.RunAsync("validate", Path.Combine(RepositoryPaths.Root, "workflows", "order-to-cash.bpmn"));

        run.ExitCode.Should().Be(CliApp.Ok, run.Output + run.Error);
        run.Output.Should().Contain("1 file(s) checked, 0 with errors");
    }

    [Fact]
    public async Task The_order_to_cash_workflow_has_a_diagram_for_every_element()
    {
        var xml = System.Xml.Linq.XDocument.Load(Path.Combine(RepositoryPaths.Root, "workflows", "order-to-cash.bpmn"));
        System.Xml.Linq.XNamespace bpmn = "http://www.omg.org/spec/BPMN/20100524/MODEL";
        System.Xml.Linq.XNamespace di = "http://www.omg.org/spec/BPMN/20100524/DI";
        var process = xml.Root!.Element(bpmn + "process")!;
        var elements = process.Elements().Where(e => e.Name != bpmn + "extensionElements").Select(e => (string)e.Attribute("id")!).ToHashSet();
        var drawn = xml.Descendants().Where(e => e.Name == di + "BPMNShape" || e.Name == di + "BPMNEdge").Select(e => (string)e.Attribute("bpmnElement")!).ToHashSet();

        elements.Should().BeSubsetOf(drawn, "a process owner opens it in any modeller");
    }
}
