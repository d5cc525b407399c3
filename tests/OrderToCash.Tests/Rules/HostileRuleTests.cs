using System.Text.Json;
using OrderToCash.Core.Credit;
using OrderToCash.Engine.Rules.Compilation;
using OrderToCash.Engine.Rules.Definitions;

namespace OrderToCash.Tests.Rules;

/// <summary>The corpus of hostile rules (hostile-rules.json): each must be refused at publish with its name and a reason.</summary>
public class HostileRuleTests
{
    private static readonly string CorpusPath = Path.Combine(AppContext.BaseDirectory, "Rules", "hostile-rules.json");

    public static IEnumerable<object[]> RuleNames() =>
        JsonDocument.Parse(File.ReadAllText(CorpusPath)).RootElement.GetProperty("Rules").EnumerateArray()
            .Select(r => new object[] { r.GetProperty("RuleName").GetString()! });

    private static readonly Lazy<RuleSetCompilation> Compilation = new(() =>
    {
        var read = RuleFileReader.Read(CorpusPath, File.ReadAllText(CorpusPath));
        read.Diagnostics.Should().BeEmpty("the corpus itself is well-formed");
        var catalog = new RuleSetCatalog().Register("hostile", new RuleInputBinding("check", typeof(CreditCheckInput)));
        return new RuleSetCompiler(catalog).Compile(read.RuleSets[0]);
    });

    [Theory]
    [MemberData(nameof(RuleNames))]
    public void Hostile_rule_is_refused_with_its_name_and_a_reason(string ruleName)
    {
        var problems = Compilation.Value.Diagnostics.Where(d => d.Element == $"hostile/{ruleName}").ToList();

        problems.Should().NotBeEmpty($"rule {ruleName} must be refused");
        problems.Should().OnlyContain(d => d.Code == RuleDiagnosticCodes.SandboxViolation || d.Code == RuleDiagnosticCodes.ExpressionError);
        problems.Should().OnlyContain(d => d.Message.Length > 30);
    }

    [Fact]
    public void The_clock_is_refused_by_the_sandbox_not_by_accident()
    {
        var problems = Compilation.Value.Diagnostics.Where(d => d.Element is "hostile/ReadsTheClock" or "hostile/ClockInLocalParam").ToList();

        problems.Should().HaveCount(2).And.OnlyContain(d => d.Code == RuleDiagnosticCodes.SandboxViolation && d.Message.Contains("System.DateTime.Now"));
    }

    [Fact]
    public void A_hostile_rule_set_yields_no_compiled_rules()
    {
        Compilation.Value.RuleSet.Should().BeNull();
    }

    [Theory]
    [InlineData("GlobalParams", "now", "DateTime.UtcNow")]
    [InlineData("GlobalParams", "home", "Environment.GetEnvironmentVariable(\\\"HOME\\\")")]
    public void A_hostile_global_parameter_refuses_the_rule_set_naming_the_parameter(string field, string name, string expression)
    {
        var json = $$"""
            { "WorkflowName": "hostile", "{{field}}": [ { "Name": "{{name}}", "Expression": "{{expression}}" } ],
              "Rules": [ { "RuleName": "Innocent", "Expression": "check.OrderAmount > 0" } ] }
            """;
        var read = RuleFileReader.Read("hostile-global.json", json);
        read.Diagnostics.Should().BeEmpty();
        var catalog = new RuleSetCatalog().Register("hostile", new RuleInputBinding("check", typeof(CreditCheckInput)));

        var compilation = new RuleSetCompiler(catalog).Compile(read.RuleSets[0]);

        compilation.RuleSet.Should().BeNull();
        compilation.Diagnostics.Should().NotBeEmpty().And.OnlyContain(d => d.Element == "hostile" && d.Message.StartsWith($"GlobalParams '{name}'", StringComparison.Ordinal));
    }
}
