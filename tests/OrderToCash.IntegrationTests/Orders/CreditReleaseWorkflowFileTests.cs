using OrderToCash.Cli;
using OrderToCash.IntegrationTests.Cli;
using OrderToCash.IntegrationTests.Rules;

namespace OrderToCash.IntegrationTests.Orders;

public sealed class CreditReleaseWorkflowFileTests
{
    [Fact]
    public async Task The_credit_release_workflow_passes_o2c_validate_with_the_domains_handlers()
    {
        var run = await CliRunner.RunAsync("validate", Path.Combine(RepositoryPaths.Root, "workflows", "credit-release.bpmn"));

        run.ExitCode.Should().Be(CliApp.Ok, run.Output + run.Error);
        run.Output.Should().Contain("1 file(s) checked, 0 with errors");
    }
}
