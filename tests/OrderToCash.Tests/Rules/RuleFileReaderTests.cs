using OrderToCash.Engine.Rules.Definitions;

namespace OrderToCash.Tests.Rules;

public class RuleFileReaderTests
{
    private const string Valid = """
        { "WorkflowName": "limits", "Rules": [ { "RuleName": "Small", "Expression": "check.OrderAmount < 100", "Properties": { "description": "d" } } ] }
        """;

    [Fact]
    public void Read_accepts_a_workflow_and_hashes_its_canonical_form()
    {
        var result = RuleFileReader.Read("limits.json", Valid);

        result.Diagnostics.Should().BeEmpty();
        var ruleSet = result.RuleSets.Should().ContainSingle().Subject;
        ruleSet.Name.Should().Be("limits");
        ruleSet.ContentHash.Should().MatchRegex("^[0-9a-f]{64}$");
        ruleSet.Workflow.Rules.Single().Expression.Should().Be("check.OrderAmount < 100");
    }

    [Fact]
    public void Hash_ignores_layout_and_property_order_but_not_content()
    {
        var reordered = """
            {
              "Rules": [ { "Properties": { "description": "d" }, "Expression": "check.OrderAmount < 100", "RuleName": "Small" } ],
              "WorkflowName": "limits"
            }
            """;
        var changed = Valid.Replace("< 100", "< 101", StringComparison.Ordinal);

        var hash = RuleFileReader.Read("a", Valid).RuleSets[0].ContentHash;

        RuleFileReader.Read("b", reordered).RuleSets[0].ContentHash.Should().Be(hash);
        RuleFileReader.Read("c", changed).RuleSets[0].ContentHash.Should().NotBe(hash);
    }

    [Fact]
    public void Read_refuses_an_unknown_field_naming_the_rule_set_and_rule()
    {
        var json = """{ "WorkflowName": "limits", "Rules": [ { "RuleName": "Small", "Expresion": "true" } ] }""";

        var result = RuleFileReader.Read("limits.json", json);

        result.RuleSets.Should().BeEmpty();
        result.Diagnostics.Should().Contain(d => d.Code == RuleDiagnosticCodes.UnknownField && d.Element == "limits/Small" && d.Message.Contains("'Expresion'"));
    }

    [Fact]
    public void Read_refuses_invalid_json_with_its_position()
    {
        var result = RuleFileReader.Read("broken.json", "{ \"WorkflowName\": \"x\", \"Rules\": [ }");

        var diagnostic = result.Diagnostics.Should().ContainSingle().Subject;
        diagnostic.Code.Should().Be(RuleDiagnosticCodes.InvalidJson);
        diagnostic.Line.Should().Be(1);
        diagnostic.Column.Should().NotBeNull();
    }

    [Theory]
    [InlineData("""{ "WorkflowName": "w", "Rules": [ { "RuleName": "R" } ] }""", "w/R", "needs an Expression")]
    [InlineData("""{ "WorkflowName": "w", "Rules": [ { "RuleName": "R", "Expression": "true" }, { "RuleName": "R", "Expression": "false" } ] }""", "w/R", "used twice")]
    [InlineData("""{ "WorkflowName": "w", "Rules": [ { "RuleName": "R", "Operator": "Xor", "Rules": [ { "RuleName": "C", "Expression": "true" } ] } ] }""", "w/R", "Operator")]
    [InlineData("""{ "WorkflowName": "w", "Rules": [ { "RuleName": "R", "Expression": "true", "Actions": { "OnSuccess": { "Name": "OutputExpression" } } } ] }""", "w/R", "Actions are not run")]
    [InlineData("""{ "WorkflowName": "w", "Rules": [ { "RuleName": "R", "Expression": "true", "Enabled": "yes" } ] }""", "w/R", "Enabled")]
    [InlineData("""{ "WorkflowName": "w", "Rules": [ { "RuleName": "R", "Expression": "true", "LocalParams": [ { "Name": "a" } ] } ] }""", "w/R", "Name and an Expression")]
    [InlineData("""{ "WorkflowName": "w", "WorkflowsToInject": ["other"], "Rules": [ { "RuleName": "R", "Expression": "true" } ] }""", "w", "self-contained")]
    [InlineData("""{ "WorkflowName": "w", "Rules": [] }""", "w", "non-empty array")]
    public void Read_refuses_malformed_rules_naming_where(string json, string element, string reason)
    {
        var result = RuleFileReader.Read("w.json", json);

        result.RuleSets.Should().BeEmpty();
        result.Diagnostics.Should().Contain(d => d.Element == element && d.Message.Contains(reason));
    }

    [Fact]
    public void Read_accepts_an_array_of_workflows_and_the_legacy_ErrorType_field()
    {
        var json = """
            [ { "WorkflowName": "a", "Rules": [ { "RuleName": "R", "ErrorType": "Error", "Expression": "true" } ] },
              { "WorkflowName": "b", "Rules": [ { "RuleName": "R", "Expression": "true" } ] } ]
            """;

        var result = RuleFileReader.Read("two.json", json);

        result.Diagnostics.Should().BeEmpty();
        result.RuleSets.Select(r => r.Name).Should().Equal("a", "b");
    }

    [Fact]
    public void Read_says_a_json_schema_is_not_a_rule_file_in_one_message()
    {
        var result = RuleFileReader.Read("workflow-schema.json", """{ "$schema": "http://json-schema.org/draft-07/schema#", "type": "object" }""");

        result.Diagnostics.Should().ContainSingle().Which.Message.Should().Contain("JSON Schema document, not a rule file");
    }
}
