using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using OrderToCash.IntegrationTests.Infrastructure;

namespace OrderToCash.IntegrationTests.Workflows;

public sealed class WorkflowApiTests : IDisposable
{
    private const string Release = """
        <definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:o2c="https://ordertocash.dev/schema/bpmn" id="d" targetNamespace="t">
          <message id="m" name="order-delivered"/>
          <process id="release" name="Release a blocked order" isExecutable="true">
            <extensionElements><o2c:variable name="orderId" type="string"/><o2c:variable name="decision" type="string"/></extensionElements>
            <startEvent id="blocked"/>
            <sequenceFlow id="f1" sourceRef="blocked" targetRef="decide"/>
            <userTask id="decide" name="Release or reject the order" o2c:candidateRole="CreditManager">
              <extensionElements><o2c:output name="decision" expression="decision"/></extensionElements>
            </userTask>
            <sequenceFlow id="f2" sourceRef="decide" targetRef="delivered"/>
            <intermediateCatchEvent id="delivered" o2c:correlationKey="orderId"><messageEventDefinition messageRef="m"/></intermediateCatchEvent>
            <sequenceFlow id="f3" sourceRef="delivered" targetRef="end"/>
            <endEvent id="end"/>
          </process>
        </definitions>
        """;

    private readonly TempDirectory directory = new();
    private readonly TestHost host;

    public WorkflowApiTests() => host = TestHost.Sqlite(directory, ("Scheduler:AutoStart", "false"),
        ("Messages:Public:order-delivered:0", "Administrator"));

    [Fact]
    public async Task A_process_owner_publishes_an_instance_runs_through_the_inbox_and_a_message_to_the_end()
    {
        using var owner = host.ClientFor("olivia");
        using var credit = host.ClientFor("claire");
        using var integration = host.ClientFor("ada");

        var published = await owner.PostAsync(new Uri("/api/definitions?file=release.bpmn", UriKind.Relative), new StringContent(Release, Encoding.UTF8, "application/xml"));
        published.StatusCode.Should().Be(HttpStatusCode.Created, await published.Content.ReadAsStringAsync());

        var started = await owner.PostAsJsonAsync(new Uri("/api/instances", UriKind.Relative), new { processId = "release", businessKey = "SO-1001", variables = new { orderId = "SO-1001" } });
        started.StatusCode.Should().Be(HttpStatusCode.Created);
        var instanceId = JsonDocument.Parse(await started.Content.ReadAsStringAsync()).RootElement.GetProperty("id").GetString();

        var inbox = JsonDocument.Parse(await credit.GetStringAsync(new Uri("/api/tasks", UriKind.Relative))).RootElement;
        var task = inbox.EnumerateArray().Should().ContainSingle().Subject;
        task.GetProperty("name").GetString().Should().Be("Release or reject the order");
        var taskId = task.GetProperty("id").GetString();
        (await (await credit.PostAsync(new Uri($"/api/tasks/{taskId}/claim", UriKind.Relative), null)).Content.ReadAsStringAsync()).Should().Contain("\"assignee\":\"claire\"");
        var completed = await credit.PostAsJsonAsync(new Uri($"/api/tasks/{taskId}/complete", UriKind.Relative), new { outputs = new { decision = "release" } });
        completed.StatusCode.Should().Be(HttpStatusCode.OK);

        var delivered = await integration.PostAsJsonAsync(new Uri("/api/messages", UriKind.Relative), new { name = "order-delivered", correlationKey = "SO-1001", messageId = "wms-778" });
        (await delivered.Content.ReadAsStringAsync()).Should().Contain("\"outcome\":\"Delivered\"");

        var instance = JsonDocument.Parse(await owner.GetStringAsync(new Uri($"/api/instances/{instanceId}", UriKind.Relative))).RootElement;
        instance.GetProperty("status").GetString().Should().Be("Completed");
        instance.GetProperty("variables").GetProperty("decision").GetString().Should().Be("release");
        instance.GetProperty("path").EnumerateArray().Select(h => h.GetProperty("elementId").GetString())
            .Should().Equal("blocked", "decide", "delivered", "end");
    }

    [Fact]
    public async Task An_invalid_definition_is_refused_with_diagnostics_naming_the_element_and_line()
    {
        using var owner = host.ClientFor("olivia");
        var broken = Release.Replace("<userTask id=\"decide\"", "<scriptTask id=\"decide\"", StringComparison.Ordinal).Replace("</userTask>", "</scriptTask>", StringComparison.Ordinal);

        var published = await owner.PostAsync(new Uri("/api/definitions?file=release.bpmn", UriKind.Relative), new StringContent(broken, Encoding.UTF8, "application/xml"));

        published.StatusCode.Should().Be(HttpStatusCode.UnprocessableEntity);
        var diagnostics = JsonDocument.Parse(await published.Content.ReadAsStringAsync()).RootElement.GetProperty("diagnostics");
        diagnostics.EnumerateArray().Should().Contain(d => d.GetProperty("element").GetString() == "decide" && d.GetProperty("line").GetInt32() == 7);
        (await owner.GetStringAsync(new Uri("/api/definitions", UriKind.Relative))).Should().Be("[]");
    }

    [Fact]
    public async Task Roles_guard_the_workflow_api()
    {
        using var sales = host.ClientFor("sam");

        (await sales.PostAsync(new Uri("/api/definitions", UriKind.Relative), new StringContent(Release, Encoding.UTF8, "application/xml"))).StatusCode.Should().Be(HttpStatusCode.Forbidden);
        (await sales.PostAsJsonAsync(new Uri("/api/instances", UriKind.Relative), new { processId = "release" })).StatusCode.Should().Be(HttpStatusCode.Forbidden);
        (await sales.PostAsJsonAsync(new Uri("/api/messages", UriKind.Relative), new { name = "x", messageId = "1" })).StatusCode.Should().Be(HttpStatusCode.Forbidden);
        (await sales.GetAsync(new Uri("/api/tasks", UriKind.Relative))).StatusCode.Should().Be(HttpStatusCode.OK, "everyone has an inbox");
    }

    [Fact]
    public async Task Bad_requests_get_precise_problems()
    {
        using var owner = host.ClientFor("olivia");
        using var integration = host.ClientFor("ada");

        var unknownProcess = await owner.PostAsJsonAsync(new Uri("/api/instances", UriKind.Relative), new { processId = "nope" });
        var noMessageId = await integration.PostAsJsonAsync(new Uri("/api/messages", UriKind.Relative), new { name = "order-delivered" });
        var unknownInstance = await owner.GetAsync(new Uri("/api/instances/nope", UriKind.Relative));

        unknownProcess.StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await unknownProcess.Content.ReadAsStringAsync()).Should().Contain("No process 'nope' is published.");
        noMessageId.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await noMessageId.Content.ReadAsStringAsync()).Should().Contain("A unique message id is required");
        unknownInstance.StatusCode.Should().Be(HttpStatusCode.NotFound);

        var longId = await integration.PostAsJsonAsync(new Uri("/api/messages", UriKind.Relative), new { name = "order-delivered", messageId = new string('x', 201) });
        longId.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await longId.Content.ReadAsStringAsync()).Should().Contain("At most 200 characters (201 given)");
        var badPeriod = await owner.GetAsync(new Uri("/api/definitions/release/elements?days=0", UriKind.Relative));
        badPeriod.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await badPeriod.Content.ReadAsStringAsync()).Should().Contain("Between 1 and 3650 days");
    }

    public void Dispose()
    {
        host.Dispose();
        directory.Dispose();
    }
}

public sealed class CatalogWiringTests
{
    [Fact]
    public async Task The_designer_catalog_offers_the_rule_sets_business_rule_tasks_may_name()
    {
        using var directory = new TempDirectory();
        await using var host = TestHost.Sqlite(directory, ("Scheduler:AutoStart", "false"));
        using var owner = host.ClientFor("olivia");

        var catalog = JsonDocument.Parse(await owner.GetStringAsync(new Uri("/api/catalog", UriKind.Relative))).RootElement;

        catalog.GetProperty("ruleSets").EnumerateArray().Select(r => r.GetProperty("name").GetString())
            .Should().Contain(["credit-limit", "payment-terms", "escalation", "dispute-routing", "root-cause"]);
    }
}

public sealed class WorkflowFolderTests
{
    [Fact]
    public async Task With_folder_publishing_on_the_host_publishes_the_repository_workflows()
    {
        using var directory = new TempDirectory();
        await using var host = TestHost.Sqlite(directory,
            ("Scheduler:AutoStart", "false"),
            ("Workflows:PublishFolderOnStart", "true"),
            ("Workflows:Folder", RepositoryPaths.Workflows));
        using var owner = host.ClientFor("olivia");

        var definitions = JsonDocument.Parse(await owner.GetStringAsync(new Uri("/api/definitions", UriKind.Relative))).RootElement;

        var processes = definitions.EnumerateArray().Select(d => d.GetProperty("processId").GetString()).ToList();
        processes.Should().Contain(["order-to-cash", "credit-release", "dunning", "dispute"]);
    }
}
