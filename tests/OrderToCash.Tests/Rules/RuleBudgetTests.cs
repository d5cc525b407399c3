using OrderToCash.Core.Credit;
using OrderToCash.Engine.Rules.Compilation;
using OrderToCash.Engine.Rules.Definitions;

namespace OrderToCash.Tests.Rules;

/// <summary>The expression budgets on rule sets: global and local parameters, expressions and error-message placeholders.</summary>
public sealed class RuleBudgetTests
{
    private static readonly CreditCheckInput Order = new(12_000m, 28_000m, 40_000m, 0m, 0m, 0, "B", 900, 20);
    private static readonly string Deep = new string('(', 1995) + "1" + new string(')', 1995);

    [Fact]
    public void A_global_parameter_nested_1995_deep_is_refused_at_publish_naming_it()
    {
        var compilation = Compile($$"""{ "WorkflowName": "test", "GlobalParams": [ { "Name": "deep", "Expression": "{{Deep}}" } ], "Rules": [ { "RuleName": "R", "Expression": "deep > 0" } ] }""");

        compilation.Succeeded.Should().BeFalse();
        compilation.Diagnostics.Should().ContainSingle().Which.Message.Should()
            .StartWith("GlobalParams 'deep' is refused before parsing: the expression nests brackets more than 64 levels deep");
    }

    [Fact]
    public void A_rule_expression_nested_1995_deep_is_refused_at_publish_naming_the_rule()
    {
        var compilation = Compile($$"""{ "WorkflowName": "test", "Rules": [ { "RuleName": "Deep", "Expression": "{{Deep}} > 0" } ] }""");

        var problem = compilation.Diagnostics.Should().ContainSingle().Subject;
        problem.Element.Should().Be("test/Deep");
        problem.Code.Should().Be(RuleDiagnosticCodes.ExpressionError);
        problem.Message.Should().Contain("more than 64 levels deep");
    }

    [Fact]
    public void A_rule_going_over_its_budget_fails_with_the_reason_and_the_other_rules_still_decide()
    {
        var compilation = Compile("""
            { "WorkflowName": "test", "Rules": [
              { "RuleName": "Huge", "Expression": "(\"x\".PadLeft(500000000) + \"y\").Length > 0" },
              { "RuleName": "Small", "Expression": "check.OrderAmount < 20000" } ] }
            """);
        compilation.Diagnostics.Should().BeEmpty();

        var outcome = compilation.RuleSet!.Evaluate(Order);

        var huge = outcome.Find("Huge")!;
        huge.IsSuccess.Should().BeFalse();
        huge.ExceptionMessage.Should().Contain("PadLeft(500,000,000) would build a text longer than 100,000 characters");
        outcome.Find("Small")!.IsSuccess.Should().BeTrue();
    }

    [Fact]
    public void A_parameter_running_a_runaway_loop_is_stopped_by_the_time_budget()
    {
        var compilation = Compile("""
            { "WorkflowName": "test", "Rules": [ { "RuleName": "Slow",
              "LocalParams": [ { "Name": "spin", "Expression": "\"x\".PadLeft(30000).Any(c => \"x\".PadLeft(30000).Any(d => d == 'y'))" } ],
              "Expression": "spin" } ] }
            """);

        var slow = compilation.RuleSet!.Evaluate(Order).Find("Slow")!;

        slow.IsSuccess.Should().BeFalse();
        slow.ExceptionMessage.Should().Contain("time budget of 1 s");
    }

    private static RuleSetCompilation Compile(string json)
    {
        var read = RuleFileReader.Read("test.json", json);
        read.Diagnostics.Should().BeEmpty();
        var catalog = new RuleSetCatalog().Register("test", new RuleInputBinding("check", typeof(CreditCheckInput)));
        return new RuleSetCompiler(catalog).Compile(read.RuleSets[0]);
    }
}
