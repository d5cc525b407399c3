using OrderToCash.Cli;

namespace OrderToCash.IntegrationTests.Cli;

/// <summary><c>o2c validate</c> on expressions nested thousands deep: exit 1 with the reason (it aborted with exit 134).</summary>
public sealed class ValidateBudgetCliTests : IDisposable
{
    private static readonly string Deep = new string('(', 1995) + "1" + new string(')', 1995);

    private readonly string _folder = Directory.CreateTempSubdirectory("o2c-validate-budget-").FullName;

    [Fact]
    public async Task A_bpmn_condition_nested_1995_deep_is_a_problem_naming_the_flow()
    {
        var file = Path.Combine(_folder, "deep.bpmn");
        await File.WriteAllTextAsync(file, $"""
            <definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL" id="d" targetNamespace="t">
              <process id="deep" isExecutable="true">
                <startEvent id="start"/>
                <sequenceFlow id="f1" sourceRef="start" targetRef="route"/>
                <exclusiveGateway id="route" default="other"/>
                <sequenceFlow id="big" sourceRef="route" targetRef="end"><conditionExpression>{Deep} &gt; 0</conditionExpression></sequenceFlow>
                <sequenceFlow id="other" sourceRef="route" targetRef="end"/>
                <endEvent id="end"/>
              </process>
            </definitions>
            """);

        var (exit, output, error) = await RunAsync("validate", file);

        exit.Should().Be(CliApp.Problems, output + error);
        output.Should().Contain("error BPMN050 [big]").And.Contain("nests brackets more than 64 levels deep").And.NotContain("   at ");
    }

    [Fact]
    public async Task A_rule_nested_1995_deep_is_a_problem_naming_the_rule()
    {
        var file = Path.Combine(_folder, "credit-limit.json");
        await File.WriteAllTextAsync(file, $$"""{ "WorkflowName": "credit-limit", "Rules": [ { "RuleName": "Deep", "Expression": "{{Deep}} > 0" } ] }""");

        var (exit, output, error) = await RunAsync("validate", file);

        exit.Should().Be(CliApp.Problems, output + error);
        output.Should().Contain("credit-limit/Deep").And.Contain("nests brackets more than 64 levels deep");
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private static async Task<(int Exit, string Output, string Error)> RunAsync(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exit = await CliApp.RunAsync(args, output, error);
        return (exit, output.ToString(), error.ToString());
    }
}
