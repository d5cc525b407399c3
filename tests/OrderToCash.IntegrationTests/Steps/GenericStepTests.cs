using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OrderToCash.Core.Dunning;
using OrderToCash.Core.Infrastructure.Persistence;
using OrderToCash.IntegrationTests.Infrastructure;
using OrderToCash.TestSupport;

namespace OrderToCash.IntegrationTests.Steps;

/// <summary>
/// The generic steps a process owner wires without code (ADR 0068), through the API a process owner has: an HTTP call
/// to a real local endpoint, variables set, an e-mail to a role through the statement outbox, a task for the person a
/// variable names.
/// </summary>
public sealed class GenericStepTests : IDisposable
{
    private readonly TempDirectory directory = new();
    private readonly LocalEndpoint endpoint = new();
    private readonly TestHost host;

    public GenericStepTests() => host = TestHost.Sqlite(directory,
        ("Scheduler:AutoStart", "false"),
        ("Workflow:Http:AllowedBaseUrls:0", "https://erp.exemple.fr/api/"),
        ("Workflow:Http:AllowedBaseUrls:1", $"http://127.0.0.1:{endpoint.Port}/erp/"),
        ("Workflow:MaxAutomaticRetries", "0"),
        ("Reminders:OutboxFolder", Path.Combine(directory.Path, "outbox")),
        ("Auth:Users:1:Email", "claire@exemple.fr"));

    private static string Process(string url, string subject = "Risque {{ customerId }} : {{ rating }}") => $$$"""
        <definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:o2c="https://ordertocash.dev/schema/bpmn" id="d" targetNamespace="t">
          <process id="risk-review" name="Revue du risque" isExecutable="true">
            <extensionElements>
              <o2c:variable name="customerId" type="string"/>
              <o2c:variable name="salesperson" type="string"/>
              <o2c:variable name="score" type="decimal"/>
              <o2c:variable name="rating" type="string"/>
              <o2c:variable name="highRisk" type="bool"/>
            </extensionElements>
            <startEvent id="start"/>
            <sequenceFlow id="f1" sourceRef="start" targetRef="askErp"/>
            <serviceTask id="askErp" name="Demander le score à l'ERP" o2c:handler="http.call">
              <extensionElements>
                <o2c:input name="url" expression="&quot;{{{url}}}&quot;"/>
                <o2c:input name="method" expression="&quot;POST&quot;"/>
                <o2c:input name="body" expression="&quot;{\&quot;customer\&quot;:\&quot;&quot; + customerId + &quot;\&quot;}&quot;"/>
                <o2c:input name="fields" expression="&quot;score=/risk/score, rating=/rating&quot;"/>
              </extensionElements>
            </serviceTask>
            <sequenceFlow id="f2" sourceRef="askErp" targetRef="judge"/>
            <serviceTask id="judge" name="Juger" o2c:handler="variables.set">
              <extensionElements><o2c:output name="highRisk" expression="score &gt; 50"/></extensionElements>
            </serviceTask>
            <sequenceFlow id="f3" sourceRef="judge" targetRef="tell"/>
            <serviceTask id="tell" name="Prévenir le crédit" o2c:handler="email.send">
              <extensionElements>
                <o2c:input name="toRole" expression="&quot;CreditManager&quot;"/>
                <o2c:input name="subject" expression="&quot;{{{subject}}}&quot;"/>
                <o2c:input name="body" expression="&quot;Le client {{ customerId }} a le score {{ score }}.&quot;"/>
                <o2c:input name="customerId" expression="customerId"/>
                <o2c:input name="rating" expression="rating"/>
                <o2c:input name="score" expression="score"/>
              </extensionElements>
            </serviceTask>
            <sequenceFlow id="f4" sourceRef="tell" targetRef="review"/>
            <userTask id="review" name="Appeler le client" o2c:assignee="salesperson"/>
            <sequenceFlow id="f5" sourceRef="review" targetRef="end"/>
            <endEvent id="end"/>
          </process>
        </definitions>
        """;

    [Fact]
    public async Task A_process_calls_the_erp_sets_a_variable_mails_the_credit_managers_and_gives_a_task_to_the_customers_salesperson()
    {
        endpoint.Body = """{"risk": {"score": 72.5}, "rating": "B"}""";
        using var owner = host.ClientFor("olivia");
        await PublishAsync(owner, Process($"http://127.0.0.1:{endpoint.Port}/erp/risk"));

        var instanceId = await StartAsync(owner);

        endpoint.Received.Should().ContainSingle().Which.Should().Be(("POST", "/erp/risk", """{"customer":"C-0001"}"""));
        var instance = JsonDocument.Parse(await owner.GetStringAsync(new Uri($"/api/instances/{instanceId}", UriKind.Relative))).RootElement;
        instance.GetProperty("variables").GetProperty("score").GetDecimal().Should().Be(72.5m);
        instance.GetProperty("variables").GetProperty("rating").GetString().Should().Be("B");
        instance.GetProperty("variables").GetProperty("highRisk").GetBoolean().Should().BeTrue();

        await using (var db = host.Services.GetRequiredService<Func<OrderToCashDbContext>>()())
        {
            var mail = await db.Set<ReminderStatement>().SingleAsync(s => s.Step == ReminderStatement.WorkflowEmailStep);
            mail.Recipients.Should().Be("claire@exemple.fr", "the only credit manager with an address");
            mail.Subject.Should().Be("Risque C-0001 : B");
            mail.Body.Should().Be("Le client C-0001 a le score 72,5.");
            mail.CustomerId.Should().Be("C-0001");
        }

        (await host.Services.GetRequiredService<ReminderStatements>().DeliverAsync(CancellationToken.None)).Should().Be(1);
        var sent = MimeKit.MimeMessage.Load(Directory.GetFiles(Path.Combine(directory.Path, "outbox", "C-0001"), "statement-*.eml").Single());
        sent.To.Mailboxes.Single().Address.Should().Be("claire@exemple.fr");

        using var salesperson = host.ClientFor("sam");
        using var creditManager = host.ClientFor("claire");
        var task = JsonDocument.Parse(await salesperson.GetStringAsync(new Uri("/api/tasks", UriKind.Relative))).RootElement.EnumerateArray().Should().ContainSingle().Subject;
        task.GetProperty("name").GetString().Should().Be("Appeler le client");
        task.GetProperty("assignee").GetString().Should().Be("sam");
        JsonDocument.Parse(await creditManager.GetStringAsync(new Uri("/api/tasks", UriKind.Relative))).RootElement.GetArrayLength().Should().Be(0, "the task is sam's, not a role's");
        var taskId = task.GetProperty("id").GetString();
        (await creditManager.PostAsJsonAsync(new Uri($"/api/tasks/{taskId}/complete", UriKind.Relative), new { outputs = new { } })).StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await salesperson.PostAsJsonAsync(new Uri($"/api/tasks/{taskId}/complete", UriKind.Relative), new { outputs = new { } })).StatusCode.Should().Be(HttpStatusCode.OK);
        JsonDocument.Parse(await owner.GetStringAsync(new Uri($"/api/instances/{instanceId}", UriKind.Relative))).RootElement.GetProperty("status").GetString().Should().Be("Completed");
    }

    [Fact]
    public async Task A_failed_call_is_an_incident_with_the_status_and_the_body_and_nothing_after_it_happens()
    {
        endpoint.Status = 503;
        endpoint.Body = """{"error": "maintenance until 14:00"}""";
        using var owner = host.ClientFor("olivia");
        await PublishAsync(owner, Process($"http://127.0.0.1:{endpoint.Port}/erp/risk"));

        var instanceId = await StartAsync(owner);

        var incident = JsonDocument.Parse(await owner.GetStringAsync(new Uri($"/api/instances/{instanceId}", UriKind.Relative))).RootElement.GetProperty("incident");
        incident.GetProperty("elementId").GetString().Should().Be("askErp");
        incident.GetProperty("message").GetString().Should().Contain("503").And.Contain("maintenance until 14:00");
        await using var db = host.Services.GetRequiredService<Func<OrderToCashDbContext>>()();
        (await db.Set<ReminderStatement>().CountAsync()).Should().Be(0, "the e-mail step was not reached");
    }

    [Fact]
    public async Task A_url_outside_the_allowed_base_urls_is_never_called_and_the_incident_says_which_are_allowed()
    {
        using var owner = host.ClientFor("olivia");
        await PublishAsync(owner, Process($"http://127.0.0.1:{endpoint.Port}/admin/delete"));

        var instanceId = await StartAsync(owner);

        endpoint.Received.Should().BeEmpty();
        var incident = JsonDocument.Parse(await owner.GetStringAsync(new Uri($"/api/instances/{instanceId}", UriKind.Relative))).RootElement.GetProperty("incident");
        incident.GetProperty("message").GetString().Should().Contain("/admin/delete").And.Contain("Workflow:Http:AllowedBaseUrls");
    }

    [Fact]
    public async Task A_template_that_does_not_parse_is_refused_at_publication_naming_the_task_and_the_input()
    {
        using var owner = host.ClientFor("olivia");

        var response = await owner.PostAsync(new Uri("/api/definitions?file=risk-review.bpmn", UriKind.Relative),
            new StringContent(Process($"http://127.0.0.1:{endpoint.Port}/erp/risk", subject: "Risque {{ customerId "), Encoding.UTF8, "application/xml"));

        response.StatusCode.Should().Be(HttpStatusCode.UnprocessableEntity);
        var body = await response.Content.ReadAsStringAsync();
        body.Should().Contain("BPMN054").And.Contain("The input 'subject' of the serviceTask 'tell' (handler 'email.send')");
        (await owner.GetStringAsync(new Uri("/api/definitions", UriKind.Relative))).Should().NotContain("risk-review");
    }

    [Fact]
    public async Task The_catalog_offers_the_generic_steps_with_their_inputs_and_outputs()
    {
        using var owner = host.ClientFor("olivia");

        var handlers = JsonDocument.Parse(await owner.GetStringAsync(new Uri("/api/catalog", UriKind.Relative))).RootElement.GetProperty("handlers").EnumerateArray()
            .ToDictionary(h => h.GetProperty("name").GetString()!, h => h);

        handlers.Should().ContainKeys("email.send", "http.call", "variables.set", "credit.reviews-due");
        handlers["email.send"].GetProperty("inputs").EnumerateArray().Select(i => i.GetString()).Should().Contain(["subject", "body", "to", "toRole", "toUser"]);
        handlers["http.call"].GetProperty("outputs").EnumerateArray().Select(i => i.GetString()).Should().Contain(["status", "body"]);
    }

    public void Dispose()
    {
        host.Dispose();
        endpoint.Dispose();
        directory.Dispose();
    }

    private static async Task PublishAsync(HttpClient owner, string xml)
    {
        var published = await owner.PostAsync(new Uri("/api/definitions?file=risk-review.bpmn", UriKind.Relative), new StringContent(xml, Encoding.UTF8, "application/xml"));
        published.StatusCode.Should().Be(HttpStatusCode.Created, await published.Content.ReadAsStringAsync());
    }

    private static async Task<string> StartAsync(HttpClient owner)
    {
        var started = await owner.PostAsJsonAsync(new Uri("/api/instances", UriKind.Relative),
            new { processId = "risk-review", businessKey = "C-0001", variables = new { customerId = "C-0001", salesperson = "sam" } });
        started.StatusCode.Should().Be(HttpStatusCode.Created, await started.Content.ReadAsStringAsync());
        return JsonDocument.Parse(await started.Content.ReadAsStringAsync()).RootElement.GetProperty("id").GetString()!;
    }
}
