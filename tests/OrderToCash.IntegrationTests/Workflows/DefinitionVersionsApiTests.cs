using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using OrderToCash.IntegrationTests.Infrastructure;

namespace OrderToCash.IntegrationTests.Workflows;

/// <summary>GET /api/definitions and /api/definitions/{processId}/versions: which versions still have instances that have not ended.</summary>
public sealed class DefinitionVersionsApiTests : IDisposable
{
    private const string Approval = """
        <definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:o2c="https://ordertocash.dev/schema/bpmn" id="d" targetNamespace="t">
          <process id="approval" name="NAME" isExecutable="true">
            <startEvent id="start"/>
            <sequenceFlow id="f1" sourceRef="start" targetRef="approve"/>
            <userTask id="approve" name="Approve" o2c:candidateRole="CreditManager"/>
            <sequenceFlow id="f2" sourceRef="approve" targetRef="end"/>
            <endEvent id="end"/>
          </process>
        </definitions>
        """;

    private readonly TempDirectory directory = new();
    private readonly TestHost host;

    public DefinitionVersionsApiTests() => host = TestHost.Sqlite(directory, ("Scheduler:AutoStart", "false"));

    [Fact]
    public async Task Each_version_counts_its_running_instances_and_ended_ones_are_not_counted()
    {
        using var owner = host.ClientFor("olivia");
        await PublishAsync(owner, "Approve an order");
        var first = await StartAsync(owner, "SO-1");
        await StartAsync(owner, "SO-2");
        await StartAsync(owner, "SO-3");
        (await owner.PostAsync(new Uri($"/api/instances/{first}/cancel", UriKind.Relative), null)).StatusCode.Should().Be(HttpStatusCode.OK);
        await PublishAsync(owner, "Approve an order (v2)");
        await StartAsync(owner, "SO-4");

        var versions = JsonDocument.Parse(await owner.GetStringAsync(new Uri("/api/definitions/approval/versions", UriKind.Relative))).RootElement;

        versions.EnumerateArray().Select(v => (v.GetProperty("version").GetInt32(), v.GetProperty("running").GetInt32(), v.GetProperty("incidents").GetInt32()))
            .Should().Equal((2, 1, 0), (1, 2, 0));
        var list = JsonDocument.Parse(await owner.GetStringAsync(new Uri("/api/definitions", UriKind.Relative))).RootElement;
        list.EnumerateArray().Select(v => (v.GetProperty("version").GetInt32(), v.GetProperty("running").GetInt32()))
            .Should().Equal((2, 1), (1, 2));
        list[0].GetProperty("name").GetString().Should().Be("Approve an order (v2)");
        list[0].GetProperty("publishedBy").GetString().Should().Be("olivia");
    }

    [Fact]
    public async Task A_version_without_instances_counts_zero_and_an_unknown_process_is_not_found()
    {
        using var owner = host.ClientFor("olivia");
        await PublishAsync(owner, "Approve an order");

        var versions = JsonDocument.Parse(await owner.GetStringAsync(new Uri("/api/definitions/approval/versions", UriKind.Relative))).RootElement;
        var unknown = await owner.GetAsync(new Uri("/api/definitions/nothing-here/versions", UriKind.Relative));

        versions.EnumerateArray().Select(v => (v.GetProperty("version").GetInt32(), v.GetProperty("running").GetInt32())).Should().Equal((1, 0));
        unknown.StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await unknown.Content.ReadAsStringAsync()).Should().Contain("Process 'nothing-here' is not published.");
    }

    public void Dispose()
    {
        host.Dispose();
        directory.Dispose();
    }

    private static async Task PublishAsync(HttpClient owner, string name)
    {
        var response = await owner.PostAsync(new Uri("/api/definitions?file=approval.bpmn", UriKind.Relative), new StringContent(Approval.Replace("NAME", name, StringComparison.Ordinal), Encoding.UTF8, "application/xml"));
        response.StatusCode.Should().Be(HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
    }

    private static async Task<string> StartAsync(HttpClient owner, string businessKey)
    {
        var response = await owner.PostAsJsonAsync(new Uri("/api/instances", UriKind.Relative), new { processId = "approval", businessKey });
        response.StatusCode.Should().Be(HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("id").GetString()!;
    }
}
