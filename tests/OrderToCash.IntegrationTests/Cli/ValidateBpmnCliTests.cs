using System.Text.Json;
using OrderToCash.Cli;

namespace OrderToCash.IntegrationTests.Cli;

public sealed class ValidateBpmnCliTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("o2c-validate-").FullName;

    private static async Task<(int Exit, string Output, string Error)> RunAsync(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exit = await CliApp.RunAsync(args, output, error);
        return (exit, output.ToString(), error.ToString());
    }

    [Fact]
    public async Task The_shipped_workflows_are_valid()
    {
        var (exit, output, _) = await RunAsync("validate", RepositoryPaths.Workflows);

        exit.Should().Be(CliApp.Ok, output);
        output.Should().Contain("7 file(s) checked, 0 with errors", "workflows/ ships order-to-cash, credit-release, credit-limit-review, dunning, dispute, ecb-rate and unapplied-cash");
    }

    [ConformanceFact("miwg-reference")]
    public async Task The_miwg_folder_finishes_and_lists_unsupported_elements_by_id_and_type_in_json()
    {
        var folder = SharedConformance.Folder("miwg-reference");

        var (exit, output, error) = await RunAsync("validate", folder, "--format", "json");

        exit.Should().Be(CliApp.Problems);
        error.Should().BeEmpty();
        using var json = JsonDocument.Parse(output);
        var diagnostics = json.RootElement.GetProperty("files").EnumerateArray().SelectMany(f => f.GetProperty("diagnostics").EnumerateArray()).ToList();
        diagnostics.Should().Contain(d => d.GetProperty("code").GetString() == "BPMN010" && d.GetProperty("message").GetString()!.Contains("sendTask"));
        diagnostics.Where(d => d.GetProperty("code").GetString() is "BPMN010" or "BPMN011")
            .Should().OnlyContain(d => d.GetProperty("element").GetString() != null && d.GetProperty("line").GetInt32() > 0);
    }

    [Fact]
    public async Task A_hostile_file_is_reported_without_a_stack_trace()
    {
        var file = Path.Combine(_folder, "hostile.bpmn");
        await File.WriteAllTextAsync(file, """<?xml version="1.0"?><!DOCTYPE d [<!ENTITY x SYSTEM "file:///etc/passwd">]><definitions>&x;</definitions>""");

        var (exit, output, error) = await RunAsync("validate", file);

        exit.Should().Be(CliApp.Problems);
        output.Should().Contain("error BPMN001").And.Contain("DTD").And.NotContain("   at ");
        error.Should().BeEmpty();
    }

    [Fact]
    public async Task An_invalid_workflow_exits_with_problems_and_names_the_element_and_line()
    {
        var file = Path.Combine(_folder, "broken.bpmn");
        await File.WriteAllTextAsync(file, """
            <definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:o2c="https://ordertocash.dev/schema/bpmn">
              <process id="p" isExecutable="true">
                <startEvent id="start"/>
                <sequenceFlow id="f1" sourceRef="start" targetRef="svc"/>
                <serviceTask id="svc" o2c:handler="does.not.exist"/>
              </process>
            </definitions>
            """);

        var (exit, output, _) = await RunAsync("validate", file);

        exit.Should().Be(CliApp.Problems);
        output.Should().Contain("broken.bpmn(5,").And.Contain("error BPMN040 [svc]").And.Contain("does.not.exist");
    }

    [Fact]
    public async Task The_w1_benchmark_prints_its_json()
    {
        var (exit, output, _) = await RunAsync("bench", "--workload", "W1", "--instances", "2000", "--format", "json");

        exit.Should().Be(CliApp.Ok);
        using var json = JsonDocument.Parse(output);
        json.RootElement.GetProperty("workload").GetString().Should().Be("W1");
        json.RootElement.GetProperty("instances").GetInt32().Should().Be(2000);
        json.RootElement.GetProperty("seconds").GetDouble().Should().BePositive();
        json.RootElement.GetProperty("instancesPerSecond").GetDouble().Should().BePositive();
        json.RootElement.GetProperty("approved").GetInt32().Should().Be(1000);
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
