using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using OrderToCash.IntegrationTests.Infrastructure;

namespace OrderToCash.IntegrationTests.Rules;

public sealed class RuleApiTests : IDisposable
{
    private readonly TempDirectory directory = new();
    private readonly TestHost host;

    public RuleApiTests() => host = TestHost.Sqlite(directory, ("Scheduler:AutoStart", "false"));

    private static object File(string relative) => new
    {
        name = Path.GetFileName(relative),
        content = System.IO.File.ReadAllText(Path.Combine(RepositoryPaths.Root, relative)),
    };

    [Fact]
    public async Task A_credit_manager_publishes_the_shipped_credit_limit_rules_with_their_what_if_cases()
    {
        using var credit = host.ClientFor("claire");

        var published = await credit.PostAsJsonAsync(new Uri("/api/rules/publish", UriKind.Relative), new
        {
            files = new[] { File("rules/credit-limit.json") },
            whatIf = new[] { File("rules/tests/credit-limit.json") },
            comment = "Initial limits",
        });

        published.StatusCode.Should().Be(HttpStatusCode.Created, await published.Content.ReadAsStringAsync());
        var versions = JsonDocument.Parse(await credit.GetStringAsync(new Uri("/api/rules", UriKind.Relative))).RootElement;
        var version = versions.EnumerateArray().Should().ContainSingle().Subject;
        version.GetProperty("name").GetString().Should().Be("credit-limit");
        version.GetProperty("version").GetInt32().Should().Be(1);
        version.GetProperty("author").GetString().Should().Be("claire");
    }

    [Fact]
    public async Task A_hostile_expression_is_refused_naming_the_rule_and_nothing_is_published()
    {
        using var credit = host.ClientFor("claire");
        const string hostile = """
            { "WorkflowName": "credit-limit", "Rules": [ { "RuleName": "Escape", "Expression": "System.IO.File.Exists(\"/etc/passwd\")", "SuccessEvent": "x", "ErrorMessage": "y" } ] }
            """;

        var published = await credit.PostAsJsonAsync(new Uri("/api/rules/publish", UriKind.Relative), new { files = new[] { new { name = "credit-limit.json", content = hostile } } });

        published.StatusCode.Should().Be(HttpStatusCode.UnprocessableEntity);
        (await published.Content.ReadAsStringAsync()).Should().Contain("Escape");
        (await credit.GetStringAsync(new Uri("/api/rules", UriKind.Relative))).Should().Be("[]");
    }

    [Fact]
    public async Task Only_credit_managers_and_process_owners_publish_rules()
    {
        using var sales = host.ClientFor("sam");

        var published = await sales.PostAsJsonAsync(new Uri("/api/rules/publish", UriKind.Relative), new { files = new[] { File("rules/credit-limit.json") } });

        published.StatusCode.Should().Be(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Decisions_about_an_unknown_subject_are_an_empty_list()
    {
        using var credit = host.ClientFor("claire");

        (await credit.GetStringAsync(new Uri("/api/decisions/order/SO-404", UriKind.Relative))).Should().Be("[]");
    }

    public void Dispose()
    {
        host.Dispose();
        directory.Dispose();
    }
}

public sealed class BusinessRuleTaskTests : IDisposable
{
    private const string Routing = """
        <definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:o2c="https://ordertocash.dev/schema/bpmn" id="d" targetNamespace="t">
          <process id="route-dispute" isExecutable="true">
            <extensionElements><o2c:variable name="reason" type="string"/><o2c:variable name="amount" type="decimal"/></extensionElements>
            <startEvent id="opened"/>
            <sequenceFlow id="f1" sourceRef="opened" targetRef="route"/>
            <businessRuleTask id="route" o2c:ruleSet="dispute-routing">
              <extensionElements>
                <o2c:input name="reasonCode" expression="reason"/>
                <o2c:input name="disputedAmount" expression="amount"/>
                <o2c:input name="transportDamage" expression="false"/>
                <o2c:input name="dealNotEntered" expression="false"/>
              </extensionElements>
            </businessRuleTask>
            <sequenceFlow id="f2" sourceRef="route" targetRef="routed"/>
            <endEvent id="routed"/>
          </process>
        </definitions>
        """;

    private readonly TempDirectory directory = new();
    private readonly TestHost host;

    public BusinessRuleTaskTests() => host = TestHost.Sqlite(directory, ("Scheduler:AutoStart", "false"));

    [Fact]
    public async Task A_business_rule_task_runs_the_published_rule_set_and_its_outcome_becomes_variables()
    {
        using var credit = host.ClientFor("claire");
        using var owner = host.ClientFor("olivia");
        var rules = await credit.PostAsJsonAsync(new Uri("/api/rules/publish", UriKind.Relative), new
        {
            files = new[] { new { name = "dispute-routing.json", content = System.IO.File.ReadAllText(Path.Combine(RepositoryPaths.Rules, "dispute-routing.json")) } },
        });
        rules.StatusCode.Should().Be(HttpStatusCode.Created, await rules.Content.ReadAsStringAsync());
        var published = await owner.PostAsync(new Uri("/api/definitions?file=route.bpmn", UriKind.Relative), new StringContent(Routing, System.Text.Encoding.UTF8, "application/xml"));
        published.StatusCode.Should().Be(HttpStatusCode.Created, await published.Content.ReadAsStringAsync());

        var started = await owner.PostAsJsonAsync(new Uri("/api/instances", UriKind.Relative), new { processId = "route-dispute", variables = new { reason = "PU_ERR", amount = 120.50m } });
        var id = JsonDocument.Parse(await started.Content.ReadAsStringAsync()).RootElement.GetProperty("id").GetString();
        var instance = JsonDocument.Parse(await owner.GetStringAsync(new Uri($"/api/instances/{id}", UriKind.Relative))).RootElement;

        instance.GetProperty("status").GetString().Should().Be("Completed");
        instance.GetProperty("variables").GetProperty("event").GetString().Should().Be("ADV", "a price error goes to sales administration");
        instance.GetProperty("variables").GetProperty("ruleSetVersion").GetInt32().Should().Be(1);
        var decisions = JsonDocument.Parse(await credit.GetStringAsync(new Uri($"/api/decisions/instance/{id}", UriKind.Relative))).RootElement;
        decisions.GetArrayLength().Should().Be(1, "the task's decision is recorded against the instance, once");
        decisions[0].GetProperty("version").GetProperty("name").GetString().Should().Be("dispute-routing");
    }

    public void Dispose()
    {
        host.Dispose();
        directory.Dispose();
    }
}
