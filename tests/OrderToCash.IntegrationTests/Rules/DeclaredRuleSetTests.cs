using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using OrderToCash.Cli;
using OrderToCash.IntegrationTests.Infrastructure;

namespace OrderToCash.IntegrationTests.Rules;

/// <summary>
/// A rule set the code does not know, with declared inputs: created through the API with its case, validated by
/// <c>o2c validate</c>, called by a business-rule task of a newly published workflow, recorded in the decision log,
/// and its outcome choosing the branch. An expression reading an undeclared field publishes nothing.
/// </summary>
public sealed class DeclaredRuleSetTests : IDisposable
{
    private const string BigOrder = """
        {
          "$schema": "./rule-file.schema.json",
          "WorkflowName": "big-order",
          "Inputs": { "order": { "Amount": "decimal", "Currency": "string" } },
          "Rules": [
            { "RuleName": "BigOrder", "Expression": "order.Amount > 1000 && order.Currency == \"EUR\"", "SuccessEvent": "review",
              "ErrorMessage": "Small enough to go through: $(order.Amount) $(order.Currency)." }
          ]
        }
        """;

    private const string Cases = """
        [ { "name": "1,000.01 EUR is reviewed", "inputs": { "order": { "Amount": 1000.01, "Currency": "EUR" } }, "expect": { "BigOrder": true } } ]
        """;

    private const string Review = """
        <definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:o2c="https://ordertocash.dev/schema/bpmn" id="d" targetNamespace="t">
          <process id="order-review" isExecutable="true">
            <extensionElements><o2c:variable name="orderAmount" type="decimal"/><o2c:variable name="route" type="string"/></extensionElements>
            <startEvent id="received"/>
            <sequenceFlow id="f1" sourceRef="received" targetRef="decide"/>
            <businessRuleTask id="decide" o2c:ruleSet="big-order">
              <extensionElements>
                <o2c:input name="Amount" expression="orderAmount"/>
                <o2c:input name="Currency" expression="&quot;EUR&quot;"/>
                <o2c:output name="route" expression="event"/>
              </extensionElements>
            </businessRuleTask>
            <sequenceFlow id="f2" sourceRef="decide" targetRef="which"/>
            <exclusiveGateway id="which" default="f4"/>
            <sequenceFlow id="f3" sourceRef="which" targetRef="reviewed"><conditionExpression>route == "review"</conditionExpression></sequenceFlow>
            <sequenceFlow id="f4" sourceRef="which" targetRef="automatic"/>
            <endEvent id="reviewed"/>
            <endEvent id="automatic"/>
          </process>
        </definitions>
        """;

    private readonly TempDirectory directory = new();
    private readonly TestHost host;

    public DeclaredRuleSetTests() => host = TestHost.Sqlite(directory, ("Scheduler:AutoStart", "false"));

    private static async Task<(int Exit, string Output)> ValidateAsync(string file)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exit = await CliApp.RunAsync(["validate", file], output, error);
        return (exit, output + error.ToString());
    }

    [Fact]
    public async Task A_rule_set_the_code_does_not_know_is_created_validated_called_by_a_business_rule_task_logged_and_chooses_the_branch()
    {
        using var owner = host.ClientFor("olivia");
        var file = directory.File("big-order.json");
        await System.IO.File.WriteAllTextAsync(file, BigOrder);
        var (exit, output) = await ValidateAsync(file);
        exit.Should().Be(CliApp.Ok, output);

        var created = await owner.PostAsJsonAsync(new Uri("/api/rules/big-order/versions", UriKind.Relative), new
        {
            content = BigOrder,
            cases = JsonDocument.Parse(Cases).RootElement,
            comment = "Orders over 1,000 EUR are reviewed",
        });
        created.StatusCode.Should().Be(HttpStatusCode.Created, await created.Content.ReadAsStringAsync());
        var latest = JsonDocument.Parse(await owner.GetStringAsync(new Uri("/api/rules/big-order/latest", UriKind.Relative))).RootElement;
        latest.GetProperty("inputs").EnumerateArray().Select(i => i.GetString()).Should().Equal("order");
        latest.GetProperty("declaredInputs").GetProperty("order").GetProperty("Amount").GetString().Should().Be("decimal");
        latest.GetProperty("cases").EnumerateArray().Should().ContainSingle();
        var catalog = JsonDocument.Parse(await owner.GetStringAsync(new Uri("/api/catalog", UriKind.Relative))).RootElement;
        catalog.GetProperty("ruleSets").EnumerateArray().Select(r => r.GetProperty("name").GetString()).Should().Contain("big-order", "the designer offers it at once");

        var published = await owner.PostAsync(new Uri("/api/definitions?file=order-review.bpmn", UriKind.Relative), new StringContent(Review, System.Text.Encoding.UTF8, "application/xml"));
        published.StatusCode.Should().Be(HttpStatusCode.Created, await published.Content.ReadAsStringAsync());

        using var credit = host.ClientFor("claire");
        var big = await RunAsync(owner, credit, 1500.00m);
        var small = await RunAsync(owner, credit, 1000.00m);

        big.Instance.GetProperty("variables").GetProperty("route").GetString().Should().Be("review");
        Path(big.Instance).Should().Contain("reviewed").And.NotContain("automatic");
        Path(small.Instance).Should().Contain("automatic").And.NotContain("reviewed", "1000.00 is not more than 1000 as decimals");
        var decision = big.Decisions.EnumerateArray().Should().ContainSingle("the task's decision is recorded against the instance, once").Subject;
        decision.GetProperty("version").GetProperty("name").GetString().Should().Be("big-order");
        decision.GetProperty("version").GetProperty("comment").GetString().Should().Be("Orders over 1,000 EUR are reviewed");
        var rule = decision.GetProperty("rules").EnumerateArray().Should().ContainSingle().Subject;
        rule.GetProperty("isSuccess").GetBoolean().Should().BeTrue();
        rule.GetProperty("successEvent").GetString().Should().Be("review");
        decision.GetProperty("decision").GetProperty("inputsJson").GetString().Should().Contain("1500");
        var smallRule = small.Decisions.EnumerateArray().Should().ContainSingle().Subject.GetProperty("rules")[0];
        smallRule.GetProperty("isSuccess").GetBoolean().Should().BeFalse();
    }

    [Fact]
    public async Task An_expression_reading_an_undeclared_field_is_refused_by_the_api_and_the_cli_naming_rule_and_field_and_nothing_is_published()
    {
        using var owner = host.ClientFor("olivia");
        var typo = BigOrder.Replace("order.Amount > 1000", "order.Amunt > 1000", StringComparison.Ordinal);
        var file = directory.File("big-order.json");
        await System.IO.File.WriteAllTextAsync(file, typo);

        var refused = await owner.PostAsJsonAsync(new Uri("/api/rules/big-order/versions", UriKind.Relative), new { content = typo, cases = JsonDocument.Parse(Cases).RootElement, comment = "typo" });
        var (exit, output) = await ValidateAsync(file);

        const string Expected = "Rule 'BigOrder': 'order.Amunt' is not a declared input of 'order' (declared: Amount, Currency).";
        refused.StatusCode.Should().Be(HttpStatusCode.UnprocessableEntity);
        var problem = JsonDocument.Parse(await refused.Content.ReadAsStringAsync()).RootElement;
        var diagnostic = problem.GetProperty("diagnostics").EnumerateArray().Should().ContainSingle().Subject;
        diagnostic.GetProperty("element").GetString().Should().Be("big-order/BigOrder");
        diagnostic.GetProperty("code").GetString().Should().Be("RULE011");
        diagnostic.GetProperty("message").GetString().Should().Be(Expected);
        exit.Should().Be(CliApp.Problems);
        output.Should().Contain(Expected).And.Contain("RULE011");
        (await owner.GetAsync(new Uri("/api/rules/big-order/latest", UriKind.Relative))).StatusCode.Should().Be(HttpStatusCode.NotFound, "nothing was published");
    }

    private static IEnumerable<string> Path(JsonElement instance) =>
        instance.GetProperty("path").EnumerateArray().Select(p => p.GetProperty("elementId").GetString()!);

    private static async Task<(JsonElement Instance, JsonElement Decisions)> RunAsync(HttpClient owner, HttpClient reader, decimal amount)
    {
        var started = await owner.PostAsJsonAsync(new Uri("/api/instances", UriKind.Relative), new { processId = "order-review", variables = new { orderAmount = amount } });
        started.IsSuccessStatusCode.Should().BeTrue(await started.Content.ReadAsStringAsync());
        var id = JsonDocument.Parse(await started.Content.ReadAsStringAsync()).RootElement.GetProperty("id").GetString();
        var instance = JsonDocument.Parse(await owner.GetStringAsync(new Uri($"/api/instances/{id}", UriKind.Relative))).RootElement;
        instance.GetProperty("status").GetString().Should().Be("Completed", instance.ToString());
        var decisions = JsonDocument.Parse(await reader.GetStringAsync(new Uri($"/api/decisions/instance/{id}", UriKind.Relative))).RootElement;
        return (instance, decisions.Clone());
    }

    public void Dispose()
    {
        host.Dispose();
        directory.Dispose();
    }
}
