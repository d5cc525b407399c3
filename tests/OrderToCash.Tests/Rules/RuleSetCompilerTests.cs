using OrderToCash.Core.Credit;
using OrderToCash.Engine.Rules.Compilation;
using OrderToCash.Engine.Rules.Definitions;

namespace OrderToCash.Tests.Rules;

public class RuleSetCompilerTests
{
    private static readonly CreditCheckInput Order = new(12_000m, 28_000m, 40_000m, 0m, 0m, 0, "B", 900, 20);

    private static RuleSetCompilation Compile(string rulesJson)
    {
        var json = $$"""{ "WorkflowName": "test", "Rules": {{rulesJson}} }""";
        var read = RuleFileReader.Read("test.json", json);
        read.Diagnostics.Should().BeEmpty();
        var catalog = new RuleSetCatalog().Register("test", new RuleInputBinding("check", typeof(CreditCheckInput)));
        return new RuleSetCompiler(catalog).Compile(read.RuleSets[0]);
    }

    [Fact]
    public void Compile_refuses_an_expression_that_does_not_parse_naming_the_rule()
    {
        var compilation = Compile("""[ { "RuleName": "Ok", "Expression": "true" }, { "RuleName": "Broken", "Expression": "check.OrderAmount >" } ]""");

        compilation.Succeeded.Should().BeFalse();
        var diagnostic = compilation.Diagnostics.Should().ContainSingle().Subject;
        diagnostic.Code.Should().Be(RuleDiagnosticCodes.ExpressionError);
        diagnostic.Element.Should().Be("test/Broken");
        diagnostic.Message.Should().Contain("check.OrderAmount >");
    }

    [Fact]
    public void Compile_refuses_a_field_the_input_model_does_not_have()
    {
        var compilation = Compile("""[ { "RuleName": "Typo", "Expression": "check.OrderAmmount > 0" } ]""");

        compilation.Diagnostics.Should().ContainSingle(d => d.Element == "test/Typo" && d.Message.Contains("OrderAmmount") && d.Message.Contains("CreditCheckInput"));
    }

    [Fact]
    public void Compile_refuses_an_expression_that_is_not_a_condition()
    {
        var compilation = Compile("""[ { "RuleName": "Amount", "Expression": "check.OrderAmount" } ]""");

        compilation.Diagnostics.Should().ContainSingle(d => d.Element == "test/Amount" && d.Code == RuleDiagnosticCodes.ExpressionError);
    }

    [Fact]
    public void A_rule_set_the_code_does_not_know_whose_expressions_use_no_input_compiles_and_evaluates()
    {
        var read = RuleFileReader.Read("x.json", """{ "WorkflowName": "unknown", "Rules": [ { "RuleName": "Arithmetic", "Expression": "1 + 2 == 3", "SuccessEvent": "ok" } ] }""");

        var compilation = new RuleSetCompiler(new RuleSetCatalog()).Compile(read.RuleSets[0]);

        compilation.Diagnostics.Should().BeEmpty();
        compilation.RuleSet!.Inputs.Should().BeEmpty();
        compilation.RuleSet.Evaluate().Find("Arithmetic")!.IsSuccess.Should().BeTrue();
    }

    [Fact]
    public void A_rule_set_the_code_does_not_know_that_names_an_input_is_refused_saying_it_has_no_input_model()
    {
        var read = RuleFileReader.Read("x.json", """{ "WorkflowName": "unknown", "Rules": [ { "RuleName": "R", "Expression": "order.Amount > 0" } ] }""");

        var compilation = new RuleSetCompiler(new RuleSetCatalog()).Compile(read.RuleSets[0]);

        compilation.Succeeded.Should().BeFalse();
        compilation.Diagnostics.Should().Contain(d => d.Element == "unknown/R" && d.Message.Contains("order"));
        compilation.Diagnostics.Should().ContainSingle(d => d.Code == RuleDiagnosticCodes.UnknownRuleSet && d.Element == "unknown")
            .Which.Message.Should().Contain("may use no input");
    }

    [Fact]
    public void Evaluate_uses_global_and_local_parameters()
    {
        var json = """
            { "WorkflowName": "test",
              "GlobalParams": [ { "Name": "after", "Expression": "check.Exposure + check.OrderAmount" } ],
              "Rules": [ { "RuleName": "Within", "LocalParams": [ { "Name": "cap", "Expression": "check.InternalLimit + check.InsurerCover" } ], "Expression": "after <= cap", "SuccessEvent": "ok", "ErrorMessage": "over" } ] }
            """;
        var catalog = new RuleSetCatalog().Register("test", new RuleInputBinding("check", typeof(CreditCheckInput)));
        var ruleSet = new RuleSetCompiler(catalog).Compile(RuleFileReader.Read("t", json).RuleSets[0]).RuleSet!;

        var within = ruleSet.Evaluate(Order).Find("Within")!;
        var over = ruleSet.Evaluate(Order with { OrderAmount = 12_000.01m }).Find("Within")!;

        within.Should().BeEquivalentTo(new { IsSuccess = true, SuccessEvent = "ok", ErrorMessage = (string?)null });
        over.Should().BeEquivalentTo(new { IsSuccess = false, SuccessEvent = (string?)null, ErrorMessage = "over" });
    }

    [Fact]
    public void Evaluate_combines_nested_rules_with_their_operator_and_skips_disabled_rules()
    {
        var compilation = Compile("""
            [ { "RuleName": "Any", "Operator": "OrElse", "Rules": [ { "RuleName": "Big", "Expression": "check.OrderAmount > 50000" }, { "RuleName": "ClassB", "Expression": "check.RiskClass == \"B\"" } ] },
              { "RuleName": "All", "Operator": "And", "Rules": [ { "RuleName": "Big2", "Expression": "check.OrderAmount > 50000" }, { "RuleName": "ClassB2", "Expression": "check.RiskClass == \"B\"" } ] },
              { "RuleName": "Off", "Enabled": false, "Expression": "check.Nonsense" } ]
            """);

        var outcome = compilation.RuleSet!.Evaluate(Order);

        outcome.Rules.Select(r => (r.RuleName, r.IsSuccess)).Should().Equal(("Any", true), ("All", false));
        outcome.Find("Big")!.IsSuccess.Should().BeFalse();
        outcome.Find("Off").Should().BeNull();
    }

    [Fact]
    public void Evaluate_fails_a_rule_that_throws_with_the_reason_and_still_evaluates_the_others()
    {
        var compilation = Compile("""[ { "RuleName": "Divides", "Expression": "check.OrderAmount / check.InsurerCover > 1" }, { "RuleName": "Other", "Expression": "true" } ]""");

        var outcome = compilation.RuleSet!.Evaluate(Order);

        outcome.Find("Divides")!.Should().BeEquivalentTo(new { IsSuccess = false }, o => o.ExcludingMissingMembers());
        outcome.Find("Divides")!.ExceptionMessage.Should().NotBeNullOrEmpty();
        outcome.Find("Other")!.IsSuccess.Should().BeTrue();
    }

    [Fact]
    public void Evaluate_refuses_inputs_of_the_wrong_type()
    {
        var ruleSet = Compile("""[ { "RuleName": "R", "Expression": "true" } ]""").RuleSet!;

        var act = () => ruleSet.Evaluate("not an order");

        act.Should().Throw<ArgumentException>().WithMessage("*check*CreditCheckInput*");
    }

    [Fact]
    public async Task A_failed_rule_formats_its_message_placeholders_as_RulesEngine_does()
    {
        var json = """
            { "WorkflowName": "test",
              "GlobalParams": [ { "Name": "after", "Expression": "check.Exposure + check.OrderAmount" } ],
              "Rules": [ { "RuleName": "Within", "LocalParams": [ { "Name": "cap", "Expression": "check.InternalLimit" } ],
                           "Expression": "after <= cap", "ErrorMessage": "Class $(check.RiskClass): $(after) over $(cap)." } ] }
            """;
        var definition = RuleFileReader.Read("t", json).RuleSets[0];
        var catalog = new RuleSetCatalog().Register("test", new RuleInputBinding("check", typeof(CreditCheckInput)));
        var ruleSet = new RuleSetCompiler(catalog).Compile(definition).RuleSet!;
        var over = Order with { OrderAmount = 20_000m };
        var engine = new RulesEngine.RulesEngine([definition.Workflow], RuleEngineSettings.Create());

        var ours = ruleSet.Evaluate(over).Find("Within")!;
        var theirs = (await engine.ExecuteAllRulesAsync("test", new RulesEngine.Models.RuleParameter("check", over))).Single();

        ours.ErrorMessage.Should().Be("Class B: 48000 over 40000.");
        theirs.ExceptionMessage.Should().Be(ours.ErrorMessage);
    }

    [Fact]
    public void A_placeholder_that_does_not_parse_or_is_refused_stays_as_written()
    {
        var compilation = Compile("""[ { "RuleName": "R", "Expression": "false", "ErrorMessage": "$(check.Nope) $(check.GetType().Assembly) $(check.RiskClass)" } ]""");

        compilation.Diagnostics.Should().BeEmpty();
        compilation.RuleSet!.Evaluate(Order).Find("R")!.ErrorMessage.Should().Be("$(check.Nope) $(check.GetType().Assembly) B");
    }
}
