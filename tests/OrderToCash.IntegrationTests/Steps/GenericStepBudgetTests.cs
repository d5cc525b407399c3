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
/// The generic steps (ADR 0068) under the budgets (ADRs 0090, 0091): a hostile template, expression, fan-out or answer
/// given to <c>email.send</c>, <c>variables.set</c> or <c>http.call</c> stops at its budget and becomes an incident on
/// the step, nothing of the step is written, and the host goes on answering and running other instances.
/// </summary>
public sealed class GenericStepBudgetTests : IDisposable
{
    private readonly TempDirectory directory = new();
    private readonly LocalEndpoint endpoint = new();
    private readonly TestHost host;

    public GenericStepBudgetTests() => host = TestHost.Sqlite(directory,
        ("Scheduler:AutoStart", "false"),
        ("Workflow:Http:AllowedBaseUrls:0", $"http://127.0.0.1:{endpoint.Port}/erp/"),
        ("Workflow:MaxAutomaticRetries", "0"),
        ("Auth:Users:1:Email", "claire@exemple.fr"));

    /// <summary>One generic step between a start and an end; <paramref name="step"/> is the task's XML (id "step").</summary>
    private static string Process(string step) => $"""
        <definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:o2c="https://ordertocash.dev/schema/bpmn" id="d" targetNamespace="t">
          <process id="hostile" isExecutable="true">
            <extensionElements>
              <o2c:variable name="template" type="string"/>
              <o2c:variable name="count" type="int"/>
            </extensionElements>
            <startEvent id="start"/>
            <sequenceFlow id="f1" sourceRef="start" targetRef="step"/>
            {step}
            <sequenceFlow id="f2" sourceRef="step" targetRef="end"/>
            <endEvent id="end"/>
          </process>
        </definitions>
        """;

    private const string Mail = """
        <serviceTask id="step" name="Prévenir" o2c:handler="email.send">
          <extensionElements>
            <o2c:input name="toRole" expression="&quot;CreditManager&quot;"/>
            <o2c:input name="subject" expression="&quot;Alerte&quot;"/>
            <o2c:input name="body" expression="template"/>
          </extensionElements>
        </serviceTask>
        """;

    [Fact]
    public async Task A_template_looping_ten_billion_times_in_an_email_step_stops_at_its_statement_budget_as_an_incident_and_writes_no_email()
    {
        using var owner = await PublishAsync(Mail);

        var instance = await StartAsync(owner, new { template = "{% for a in (1..100000) %}{% for b in (1..100000) %}x{% endfor %}{% endfor %}" });

        Incident(instance).Should().Contain("The template went over its budget (100,000 statements").And.Contain("maximum number of 100000 steps");
        await ThenTheHostGoesOnAsync(owner);
    }

    [Fact]
    public async Task A_template_writing_megabytes_in_an_email_step_stops_at_its_output_budget_as_an_incident()
    {
        using var owner = await PublishAsync(Mail);

        var instance = await StartAsync(owner, new { template = "{% for a in (1..50000) %}" + new string('x', 100) + "{% endfor %}" });

        Incident(instance).Should().Contain("The template went over its budget").And.Contain("200,000 characters of output");
        await ThenTheHostGoesOnAsync(owner);
    }

    [Fact]
    public async Task An_email_step_fanned_out_over_100000_items_stops_at_the_multi_instance_budget_before_any_email()
    {
        using var owner = await PublishAsync(Mail.Replace("</extensionElements>",
            """</extensionElements><multiInstanceLoopCharacteristics o2c:collection="&quot;x&quot;.PadLeft(100000).ToList()" o2c:elementVariable="c"/>""", StringComparison.Ordinal));

        var instance = await StartAsync(owner, new { template = "Bonjour" });

        Incident(instance).Should().Be("The multi-instance collection of 'step' has more than 1,000 items, the budget of one activity (Workflow:Budgets:MaxMultiInstanceItems).");
        await ThenTheHostGoesOnAsync(owner);
    }

    [Fact]
    public async Task A_variables_step_whose_expression_reads_a_billion_items_stops_at_the_expression_budget_as_an_incident()
    {
        using var owner = await PublishAsync("""
            <serviceTask id="step" name="Compter" o2c:handler="variables.set">
              <extensionElements><o2c:output name="count" expression="&quot;x&quot;.PadLeft(30000).SelectMany(c => &quot;x&quot;.PadLeft(30000)).Count()"/></extensionElements>
            </serviceTask>
            """);

        var instance = await StartAsync(owner, new { template = "x" });

        Incident(instance).Should().Contain("more than 100,000 items of a computed sequence");
        instance.GetProperty("variables").TryGetProperty("count", out _).Should().BeFalse();
        await ThenTheHostGoesOnAsync(owner);
    }

    [Fact]
    public async Task An_http_step_whose_body_expression_would_build_half_a_gigabyte_stops_at_the_expression_budget_and_calls_nothing()
    {
        using var owner = await PublishAsync(Call("body", "&quot;x&quot;.PadLeft(500000000)"));

        var instance = await StartAsync(owner, new { template = "x" });

        Incident(instance).Should().Contain("PadLeft(500,000,000) would build a text longer than 100,000 characters");
        endpoint.Received.Should().BeEmpty();
        await ThenTheHostGoesOnAsync(owner);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task An_answer_over_the_1000000_byte_cap_is_an_incident_naming_the_cap_and_sets_no_variable(bool chunked)
    {
        endpoint.Chunked = chunked;
        endpoint.Body = "\"" + new string('x', 1_000_000) + "\""; // 1,000,002 bytes
        using var owner = await PublishAsync(Call("method", "&quot;GET&quot;"));

        var instance = await StartAsync(owner, new { template = "x" });

        Incident(instance).Should().Be($"The handler 'http.call' failed: GET http://127.0.0.1:{endpoint.Port}/erp/score answered more than 1,000,000 bytes, the response cap (Workflow:Http:MaxResponseBytes); the answer was not read further.");
        instance.GetProperty("variables").TryGetProperty("body", out _).Should().BeFalse();
        await ThenTheHostGoesOnAsync(owner);
    }

    [Fact]
    public async Task An_answer_of_exactly_the_cap_is_read_whole()
    {
        endpoint.Chunked = true;
        endpoint.Body = "\"" + new string('x', 999_998) + "\""; // 1,000,000 bytes
        using var owner = await PublishAsync(Call("method", "&quot;GET&quot;"));

        var instance = await StartAsync(owner, new { template = "x" });

        instance.GetProperty("status").GetString().Should().Be("Completed");
        instance.GetProperty("variables").GetProperty("body").GetString().Should().HaveLength(1_000_000);
    }

    public void Dispose()
    {
        host.Dispose();
        endpoint.Dispose();
        directory.Dispose();
    }

    private string Call(string input, string expression) => $"""
        <serviceTask id="step" name="Appeler l'ERP" o2c:handler="http.call">
          <extensionElements>
            <o2c:input name="url" expression="&quot;http://127.0.0.1:{endpoint.Port}/erp/score&quot;"/>
            <o2c:input name="{input}" expression="{expression}"/>
          </extensionElements>
        </serviceTask>
        """;

    private async Task<HttpClient> PublishAsync(string step)
    {
        var owner = host.ClientFor("olivia");
        var published = await owner.PostAsync(new Uri("/api/definitions?file=hostile.bpmn", UriKind.Relative), new StringContent(Process(step), Encoding.UTF8, "application/xml"));
        published.StatusCode.Should().Be(HttpStatusCode.Created, await published.Content.ReadAsStringAsync());
        return owner;
    }

    private static async Task<JsonElement> StartAsync(HttpClient owner, object variables)
    {
        var started = await owner.PostAsJsonAsync(new Uri("/api/instances", UriKind.Relative), new { processId = "hostile", variables });
        started.StatusCode.Should().Be(HttpStatusCode.Created, await started.Content.ReadAsStringAsync());
        var id = JsonDocument.Parse(await started.Content.ReadAsStringAsync()).RootElement.GetProperty("id").GetString()!;
        return JsonDocument.Parse(await owner.GetStringAsync(new Uri($"/api/instances/{id}", UriKind.Relative))).RootElement;
    }

    private static string Incident(JsonElement instance)
    {
        instance.GetProperty("status").GetString().Should().Be("Incident");
        var incident = instance.GetProperty("incident");
        incident.GetProperty("elementId").GetString().Should().Be("step");
        return incident.GetProperty("message").GetString()!;
    }

    /// <summary>No e-mail was queued by the stopped step, the host answers, and a harmless process still runs to its end.</summary>
    private async Task ThenTheHostGoesOnAsync(HttpClient owner)
    {
        await using (var db = host.Services.GetRequiredService<Func<OrderToCashDbContext>>()())
        {
            (await db.Set<ReminderStatement>().CountAsync()).Should().Be(0);
        }

        using var anonymous = host.CreateClient();
        (await anonymous.GetAsync(new Uri("/health", UriKind.Relative))).StatusCode.Should().Be(HttpStatusCode.OK);
        var harmless = Process("""<serviceTask id="step" o2c:handler="variables.set"><extensionElements><o2c:output name="count" expression="1 + 1"/></extensionElements></serviceTask>""")
            .Replace("\"hostile\"", "\"harmless\"", StringComparison.Ordinal);
        (await owner.PostAsync(new Uri("/api/definitions?file=harmless.bpmn", UriKind.Relative), new StringContent(harmless, Encoding.UTF8, "application/xml")))
            .StatusCode.Should().Be(HttpStatusCode.Created);
        var started = await owner.PostAsJsonAsync(new Uri("/api/instances", UriKind.Relative), new { processId = "harmless" });
        JsonDocument.Parse(await started.Content.ReadAsStringAsync()).RootElement.GetProperty("status").GetString().Should().Be("Completed");
    }
}
