using System.Xml.Linq;
using OrderToCash.Cli;
using OrderToCash.IntegrationTests.Cli;

namespace OrderToCash.IntegrationTests.Remind;

public sealed class RemindWorkflowFileTests
{
    [Theory]
    [InlineData("dunning.bpmn")]
    [InlineData("dispute.bpmn")]
    public async Task The_workflow_passes_o2c_validate_with_the_domains_handlers_without_a_warning(string file)
    {
        var run = await CliRunner.RunAsync("validate", Path.Combine(RepositoryPaths.Root, "workflows", file));

        run.ExitCode.Should().Be(CliApp.Ok, run.Output + run.Error);
        run.Output.Should().Contain("1 file(s) checked, 0 with errors, 0 diagnostic(s)");
    }

    [Theory]
    [InlineData("dunning.bpmn")]
    [InlineData("dispute.bpmn")]
    public void Every_element_and_flow_has_a_shape_so_any_modeller_draws_it(string file)
    {
        var document = XDocument.Load(Path.Combine(RepositoryPaths.Root, "workflows", file));
        XNamespace bpmn = "http://www.omg.org/spec/BPMN/20100524/MODEL";
        XNamespace di = "http://www.omg.org/spec/BPMN/20100524/DI";
        var drawn = document.Descendants().Where(e => e.Name.Namespace == di).Select(e => (string?)e.Attribute("bpmnElement")).OfType<string>().ToHashSet();
        var process = document.Root!.Element(bpmn + "process")!;
        var elements = process.Descendants()
            .Where(e => e.Name.Namespace == bpmn && e.Attribute("id") is not null && e.Parent?.Name.LocalName is "process" or "subProcess")
            .Select(e => (string)e.Attribute("id")!);

        elements.Where(id => !drawn.Contains(id)).Should().BeEmpty();
    }
}
