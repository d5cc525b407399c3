using System.Text.Json;
using System.Text.Json.Nodes;
using Json.Schema;
using OrderToCash.Core.Credit;
using OrderToCash.Core.Infrastructure.Rules;
using OrderToCash.Engine.Rules.Compilation;
using OrderToCash.Engine.Rules.Definitions;
using OrderToCash.Engine.Rules.Inputs;

namespace OrderToCash.Tests.Rules;

/// <summary>The shipped rule files: they declare their inputs, follow rules/rule-file.schema.json, and RulesEngine still runs them.</summary>
public class ShippedRuleFileTests
{
    public static IEnumerable<object[]> RuleFiles() =>
        Directory.EnumerateFiles(RepositoryPaths.Rules, "*.json").Where(f => !f.EndsWith(".schema.json", StringComparison.Ordinal))
            .Select(Path.GetFileName).Order(StringComparer.Ordinal).Select(f => new object[] { f! });

    [Theory]
    [MemberData(nameof(RuleFiles))]
    public void Each_shipped_rule_file_declares_its_inputs_and_follows_the_published_schema(string file)
    {
        var json = File.ReadAllText(Path.Combine(RepositoryPaths.Rules, file));
        var schema = JsonSchema.FromText(File.ReadAllText(Path.Combine(RepositoryPaths.Rules, "rule-file.schema.json")));

        var result = schema.Evaluate(JsonNode.Parse(json), new EvaluationOptions { OutputFormat = OutputFormat.List });

        result.IsValid.Should().BeTrue(string.Join("; ", (result.Details ?? []).Where(d => d.HasErrors).SelectMany(d => d.Errors!.Select(e => $"{d.InstanceLocation}: {e.Value}"))));
        JsonDocument.Parse(json).RootElement.GetProperty("$schema").GetString().Should().Be("./rule-file.schema.json");
        RuleFileReader.Read(file, json).RuleSets.Should().ContainSingle().Which.Inputs.Should().NotBeNull();
    }

    [Fact]
    public void The_schema_refuses_an_unknown_input_type_and_an_unknown_field()
    {
        var schema = JsonSchema.FromText(File.ReadAllText(Path.Combine(RepositoryPaths.Rules, "rule-file.schema.json")));

        schema.Evaluate(JsonNode.Parse("""{ "WorkflowName": "w", "Inputs": { "order": { "Amount": "money" } }, "Rules": [ { "RuleName": "R", "Expression": "true" } ] }""")).IsValid.Should().BeFalse();
        schema.Evaluate(JsonNode.Parse("""{ "WorkflowName": "w", "Rulez": [] }""")).IsValid.Should().BeFalse();
        schema.Evaluate(JsonNode.Parse("""{ "WorkflowName": "w", "Inputs": { "order": { "Lines": [ { "Qty": "int" } ], "Due": "date?" } }, "Rules": [ { "RuleName": "R", "Expression": "true" } ] }""")).IsValid.Should().BeTrue();
    }

    [Fact]
    public async Task RulesEngine_itself_loads_a_shipped_file_with_its_inputs_and_schema_and_decides_as_we_do()
    {
        var json = File.ReadAllText(Path.Combine(RepositoryPaths.Rules, "credit-limit.json"));
        var workflow = JsonSerializer.Deserialize<RulesEngine.Models.Workflow>(json)!;
        var engine = new RulesEngine.RulesEngine([workflow], new RulesEngine.Models.ReSettings { CustomTypes = [typeof(CreditCheckInput)] });
        var order = new CreditCheckInput(7_000m, 0m, 50_000m, 0m, 0m, 0, "B", 30, 0);

        var results = await engine.ExecuteAllRulesAsync("credit-limit", new RulesEngine.Models.RuleParameter("check", order));

        results.Single(r => r.Rule.RuleName == "NewCustomerCap").IsSuccess.Should().BeFalse("a new customer is capped at 5,000 EUR");
        results.Single(r => r.Rule.RuleName == "WithinCreditLimit").IsSuccess.Should().BeTrue();
    }

    [Fact]
    public void The_catalog_of_the_code_matches_the_declarations_of_the_shipped_files()
    {
        var catalog = OrderToCashRuleSets.CreateCatalog();

        catalog.Names.Should().HaveCount(6);
        OrderToCashRuleSets.ShippedDefinitions().Should().OnlyContain(d => d.Inputs != null);
    }

    [Fact]
    public void A_record_that_drifted_from_its_shipped_declaration_stops_the_start_naming_rule_set_parameter_and_field()
    {
        var catalog = new RuleSetCatalog().Register("credit-limit", new RuleInputBinding("check", typeof(CreditCheckInput)));
        var drifted = File.ReadAllText(Path.Combine(RepositoryPaths.Rules, "credit-limit.json")).Replace("\"RiskClass\": \"string\"", "\"RiskClass\": \"int\"", StringComparison.Ordinal);
        var shipped = RuleFileReader.Read("rules/credit-limit.json", drifted).RuleSets;

        var start = () => InputModelCheck.CheckCatalog(catalog, shipped);

        start.Should().Throw<InvalidOperationException>()
            .WithMessage("*Rule set 'credit-limit', input 'check': field 'RiskClass' is declared 'int' but CreditCheckInput.RiskClass is 'string'.*");
    }

    [Fact]
    public void A_built_in_rule_set_whose_shipped_file_declares_no_inputs_stops_the_start()
    {
        var catalog = new RuleSetCatalog().Register("credit-limit", new RuleInputBinding("check", typeof(CreditCheckInput)));
        var shipped = RuleFileReader.Read("rules/credit-limit.json", """{ "WorkflowName": "credit-limit", "Rules": [ { "RuleName": "R", "Expression": "true" } ] }""").RuleSets;

        var start = () => InputModelCheck.CheckCatalog(catalog, shipped);

        start.Should().Throw<InvalidOperationException>().WithMessage("*Rule set 'credit-limit': its shipped file rules/credit-limit.json declares no Inputs.*");
    }
}
