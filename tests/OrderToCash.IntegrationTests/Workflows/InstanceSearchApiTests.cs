using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using OrderToCash.IntegrationTests.Infrastructure;

namespace OrderToCash.IntegrationTests.Workflows;

/// <summary>
/// GET /api/instances: operations finds an instance by its business key, the control tower lists those waiting in an
/// element; paged on the server, refused with a named parameter when asked wrongly, closed to roles that do not read
/// processes. An incident's technical detail is for administrators.
/// </summary>
public sealed class InstanceSearchApiTests : IDisposable
{
    private const string Approval = """
        <definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:o2c="https://ordertocash.dev/schema/bpmn" id="d" targetNamespace="t">
          <process id="approval" name="Approve" isExecutable="true">
            <extensionElements><o2c:variable name="divisor" type="int"/></extensionElements>
            <startEvent id="start"/>
            <sequenceFlow id="f1" sourceRef="start" targetRef="check"/>
            <exclusiveGateway id="check" default="toDecide"/>
            <sequenceFlow id="toEnd" sourceRef="check" targetRef="end"><conditionExpression>100 / divisor &gt; 1000</conditionExpression></sequenceFlow>
            <sequenceFlow id="toDecide" sourceRef="check" targetRef="decide"/>
            <userTask id="decide" name="Decide" o2c:candidateRole="CreditManager"/>
            <sequenceFlow id="f2" sourceRef="decide" targetRef="end"/>
            <endEvent id="end"/>
          </process>
        </definitions>
        """;

    private readonly TempDirectory directory = new();
    private readonly TestHost host;

    public InstanceSearchApiTests() => host = TestHost.Sqlite(directory, ("Scheduler:AutoStart", "false"));

    [Fact]
    public async Task Instances_are_found_by_key_prefix_status_and_waiting_element_a_page_at_a_time()
    {
        using var owner = host.ClientFor("olivia");
        await PublishAsync(owner);
        foreach (var key in new[] { "SO-1001", "SO-1002", "PO-7" })
        {
            await StartAsync(owner, key, divisor: 1);
        }

        var bad = await StartAsync(owner, "SO-0000", divisor: 0);

        var byKey = await SearchAsync(owner, "?businessKey=SO-1");
        byKey.GetProperty("total").GetInt32().Should().Be(2);
        byKey.GetProperty("instances").EnumerateArray().Select(i => i.GetProperty("businessKey").GetString()).Should().BeEquivalentTo("SO-1001", "SO-1002");

        var waiting = await SearchAsync(owner, "?processId=approval&elementId=decide&pageSize=2&page=2");
        waiting.GetProperty("total").GetInt32().Should().Be(3, "three instances wait in 'decide'; the one in incident stopped before");
        waiting.GetProperty("instances").GetArrayLength().Should().Be(1, "page 2 of 2 holds the third");

        var incidents = await SearchAsync(owner, "?status=incident");
        incidents.GetProperty("instances").EnumerateArray().Should().ContainSingle().Which.GetProperty("id").GetString().Should().Be(bad);
        incidents.GetProperty("instances")[0].GetProperty("incidentElementId").GetString().Should().Be("check");
    }

    [Fact]
    public async Task Only_an_administrator_reads_the_technical_detail_of_an_incident()
    {
        using var owner = host.ClientFor("olivia");
        using var admin = host.ClientFor("ada");
        await PublishAsync(owner);
        var id = await StartAsync(owner, "SO-0000", divisor: 0);

        var seenByOwner = JsonDocument.Parse(await owner.GetStringAsync(new Uri($"/api/instances/{id}", UriKind.Relative))).RootElement.GetProperty("incident");
        seenByOwner.GetProperty("elementId").GetString().Should().Be("check");
        seenByOwner.GetProperty("detail").ValueKind.Should().Be(JsonValueKind.Null);

        var seenByAdmin = JsonDocument.Parse(await admin.GetStringAsync(new Uri($"/api/instances/{id}", UriKind.Relative))).RootElement.GetProperty("incident");
        seenByAdmin.GetProperty("detail").GetString().Should().Contain("Exception").And.Contain(" at ", "the stack is kept for administrators");
    }

    [Theory]
    [InlineData("?status=Paused", "status", "Unknown status 'Paused'")]
    [InlineData("?status=3", "status", "Unknown status '3'")]
    [InlineData("?pageSize=0", "pageSize", "pageSize must be a whole number from 1 to 100 (got '0').")]
    [InlineData("?page=x", "page", "page must be a whole number")]
    public async Task A_bad_search_is_refused_naming_the_parameter(string query, string field, string message)
    {
        using var owner = host.ClientFor("olivia");
        var response = await owner.GetAsync(new Uri("/api/instances" + query, UriKind.Relative));
        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        var errors = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("errors");
        errors.GetProperty(field)[0].GetString().Should().Contain(message);
    }

    [Theory]
    [InlineData("sam", HttpStatusCode.Forbidden)]
    [InlineData("carl", HttpStatusCode.Forbidden)]
    [InlineData("quentin", HttpStatusCode.OK)]
    [InlineData("claire", HttpStatusCode.OK)]
    public async Task Only_the_roles_that_read_processes_search_instances_and_read_diagrams(string user, HttpStatusCode expected)
    {
        using var owner = host.ClientFor("olivia");
        await PublishAsync(owner);
        using var client = host.ClientFor(user);
        (await client.GetAsync(new Uri("/api/instances", UriKind.Relative))).StatusCode.Should().Be(expected);
        (await client.GetAsync(new Uri("/api/definitions/approval/1", UriKind.Relative))).StatusCode.Should().Be(expected);
        (await client.PostAsync(new Uri("/api/definitions", UriKind.Relative), new StringContent(Approval, Encoding.UTF8, "application/xml")))
            .StatusCode.Should().Be(HttpStatusCode.Forbidden, "only a process owner publishes");
    }

    public void Dispose()
    {
        host.Dispose();
        directory.Dispose();
    }

    private static async Task PublishAsync(HttpClient owner)
    {
        var published = await owner.PostAsync(new Uri("/api/definitions?file=approval.bpmn", UriKind.Relative), new StringContent(Approval, Encoding.UTF8, "application/xml"));
        published.StatusCode.Should().Be(HttpStatusCode.Created, await published.Content.ReadAsStringAsync());
    }

    private static async Task<string> StartAsync(HttpClient owner, string key, int divisor)
    {
        var started = await owner.PostAsJsonAsync(new Uri("/api/instances", UriKind.Relative), new { processId = "approval", businessKey = key, variables = new { divisor } });
        started.StatusCode.Should().Be(HttpStatusCode.Created, await started.Content.ReadAsStringAsync());
        return JsonDocument.Parse(await started.Content.ReadAsStringAsync()).RootElement.GetProperty("id").GetString()!;
    }

    private static async Task<JsonElement> SearchAsync(HttpClient client, string query) =>
        JsonDocument.Parse(await client.GetStringAsync(new Uri("/api/instances" + query, UriKind.Relative))).RootElement;
}
