using System.Net;
using System.Text;
using System.Text.Json;
using OrderToCash.IntegrationTests.Infrastructure;

namespace OrderToCash.IntegrationTests.Workflows;

/// <summary>POST /api/definitions/validate: the designer's check, with the diagnostics publishing would give and nothing written.</summary>
public sealed class DefinitionValidationApiTests : IDisposable
{
    private const string Routing = """
        <definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL" id="d" targetNamespace="t">
          <process id="routing" name="Route a dispute" isExecutable="true">
            <extensionElements><o2c:variable xmlns:o2c="https://ordertocash.dev/schema/bpmn" name="amount" type="decimal"/></extensionElements>
            <startEvent id="start"/>
            <sequenceFlow id="f1" sourceRef="start" targetRef="route"/>
            <exclusiveGateway id="route"/>
            <sequenceFlow id="big" sourceRef="route" targetRef="end"><conditionExpression>amount &gt; 1000</conditionExpression></sequenceFlow>
            <sequenceFlow id="small" sourceRef="route" targetRef="end"><conditionExpression>amount &lt;= 1000</conditionExpression></sequenceFlow>
            <endEvent id="end"/>
          </process>
        </definitions>
        """;

    private readonly TempDirectory directory = new();
    private readonly TestHost host;

    public DefinitionValidationApiTests() => host = TestHost.Sqlite(directory, ("Scheduler:AutoStart", "false"));

    [Fact]
    public async Task A_gateway_without_default_flow_is_reported_with_the_validators_message_and_nothing_is_published()
    {
        using var owner = host.ClientFor("olivia");

        var response = await PostAsync(owner, "/api/definitions/validate?file=routing.bpmn", Routing);

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        body.GetProperty("valid").GetBoolean().Should().BeFalse();
        var problem = body.GetProperty("diagnostics").EnumerateArray().Should().ContainSingle().Subject;
        problem.GetProperty("file").GetString().Should().Be("routing.bpmn");
        problem.GetProperty("element").GetString().Should().Be("route");
        problem.GetProperty("line").GetInt32().Should().Be(6);
        problem.GetProperty("code").GetString().Should().Be("BPMN030");
        problem.GetProperty("severity").GetString().Should().Be("Error");
        problem.GetProperty("message").GetString().Should().Contain("no default flow");
        (await owner.GetStringAsync(new Uri("/api/definitions", UriKind.Relative))).Should().Be("[]", "checking writes nothing");
    }

    [Fact]
    public async Task The_check_gives_the_same_diagnostics_as_a_refused_publication()
    {
        using var owner = host.ClientFor("olivia");

        var check = JsonDocument.Parse(await (await PostAsync(owner, "/api/definitions/validate?file=routing.bpmn", Routing)).Content.ReadAsStringAsync()).RootElement;
        var publish = await PostAsync(owner, "/api/definitions?file=routing.bpmn", Routing);

        publish.StatusCode.Should().Be(HttpStatusCode.UnprocessableEntity);
        var refused = JsonDocument.Parse(await publish.Content.ReadAsStringAsync()).RootElement;
        refused.GetProperty("diagnostics").GetRawText().Should().Be(check.GetProperty("diagnostics").GetRawText());
    }

    [Fact]
    public async Task A_fixed_definition_checks_clean_and_then_publishes()
    {
        using var owner = host.ClientFor("olivia");
        var fixedXml = Routing.Replace("<exclusiveGateway id=\"route\"/>", "<exclusiveGateway id=\"route\" default=\"small\"/>", StringComparison.Ordinal)
            .Replace("<conditionExpression>amount &lt;= 1000</conditionExpression>", string.Empty, StringComparison.Ordinal);

        var check = JsonDocument.Parse(await (await PostAsync(owner, "/api/definitions/validate?file=routing.bpmn", fixedXml)).Content.ReadAsStringAsync()).RootElement;

        check.GetProperty("valid").GetBoolean().Should().BeTrue();
        check.GetProperty("diagnostics").GetArrayLength().Should().Be(0);
        (await owner.GetStringAsync(new Uri("/api/definitions", UriKind.Relative))).Should().Be("[]");
        (await PostAsync(owner, "/api/definitions?file=routing.bpmn", fixedXml)).StatusCode.Should().Be(HttpStatusCode.Created);
    }

    [Fact]
    public async Task A_file_without_an_executable_process_does_not_check_clean()
    {
        using var owner = host.ClientFor("olivia");

        var check = JsonDocument.Parse(await (await PostAsync(owner, "/api/definitions/validate", Routing.Replace("isExecutable=\"true\"", "isExecutable=\"false\"", StringComparison.Ordinal))).Content.ReadAsStringAsync()).RootElement;

        check.GetProperty("valid").GetBoolean().Should().BeFalse();
        check.GetProperty("diagnostics").EnumerateArray().Select(d => d.GetProperty("code").GetString()).Should().Contain("PUBLISH001");
    }

    [Fact]
    public async Task An_empty_body_is_refused_and_only_process_owners_may_check()
    {
        using var owner = host.ClientFor("olivia");
        using var credit = host.ClientFor("claire");

        var empty = await PostAsync(owner, "/api/definitions/validate", " ");
        var forbidden = await PostAsync(credit, "/api/definitions/validate", Routing);

        empty.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await empty.Content.ReadAsStringAsync()).Should().Contain("The request body must be the BPMN 2.0 XML to check.");
        forbidden.StatusCode.Should().Be(HttpStatusCode.Forbidden);
    }

    public void Dispose()
    {
        host.Dispose();
        directory.Dispose();
    }

    private static Task<HttpResponseMessage> PostAsync(HttpClient client, string url, string xml) =>
        client.PostAsync(new Uri(url, UriKind.Relative), new StringContent(xml, Encoding.UTF8, "application/xml"));
}
