using System.Text.Json;
using OrderToCash.Engine.Rules.Compilation;
using OrderToCash.Engine.Rules.Definitions;

namespace OrderToCash.Tests.Rules;

/// <summary>
/// Every RulesEngine file of ../shared/conformance/rulesengine loads with our strict reader and its expressions compile
/// against input types this test provides. The two files that RulesEngine's own tests use to show a failure at
/// execution (rules3: a misspelt field; rules9: a missing method) are refused here at publish, naming the rule;
/// rules5 compiles but is refused by the sandbox (see its expectation).
/// </summary>
public class RulesEngineConformanceTests
{
    private const string Folder = "rulesengine";

    public static IEnumerable<object[]> Files() =>
        Directory.EnumerateFiles(SharedConformance.Folder(Folder)).Select(Path.GetFileName).Order(StringComparer.Ordinal).Select(f => new object[] { f! });

    [ConformanceTheory(Folder)]
    [MemberData(nameof(Files))]
    public void Conformance_file_loads_and_compiles(string file)
    {
        Expectations.Should().ContainKey(file, "every file of the conformance folder needs an expectation here");
        var expectation = Expectations[file];
        if (expectation is null)
        {
            return; // Not a rule file (licence, JSON schemas).
        }

        var read = RuleFileReader.Read(file, File.ReadAllText(Path.Combine(SharedConformance.Folder(Folder), file)));
        read.Diagnostics.Should().BeEmpty();
        read.RuleSets.Should().NotBeEmpty();

        // The framework types the conformance inputs expose: JsonElement (rules10) and a delegate (rules6).
        var catalog = new RuleSetCatalog().AllowModelTypes(typeof(JsonElement), typeof(Func<bool>));
        foreach (var ruleSet in read.RuleSets)
        {
            catalog.Register(ruleSet.Name, expectation.Inputs);
        }

        var problems = read.RuleSets.SelectMany(r => new RuleSetCompiler(catalog).Compile(r).Diagnostics).ToList();
        problems.Select(p => (p.Element, p.Code)).Should().BeEquivalentTo(expectation.Refused, string.Join(Environment.NewLine, problems));
    }

    private static readonly Dictionary<string, Expectation?> Expectations = new()
    {
        ["LICENSE"] = null,
        ["workflow-schema.json"] = null,
        ["workflow-list-schema.json"] = null,
        ["rules1.json"] = new([new("input1", typeof(Customer))]),
        ["rules2.json"] = new(Discount),
        ["Discount.json"] = new(Discount),
        ["rules3.json"] = new(Discount, ("inputWorkflow/GiveDiscount10", RuleDiagnosticCodes.ExpressionError)),
        ["rules4.json"] = new([new("input1", typeof(List<Customer>)), new("input3", typeof(Visits)), new("input4", typeof(Customer)), new("input5", typeof(Orders))]),
        // Compiles, but Dynamic LINQ binds String(x) through ReadOnlySpan<char>, a type the sandbox does not allow.
        ["rules5.json"] = new(
            [new("input1", typeof(Flags)), new("utils", typeof(Utils))],
            ("inputWorkflow/upperCaseAccess", RuleDiagnosticCodes.SandboxViolation),
            ("inputWorkflow/upperCaseAccess", RuleDiagnosticCodes.SandboxViolation),
            ("inputWorkflow/lowerCaseAccess", RuleDiagnosticCodes.SandboxViolation),
            ("inputWorkflow/lowerCaseAccess", RuleDiagnosticCodes.SandboxViolation)),
        // Invokes a delegate held by the input: compiles because this test registers Func<bool> as a model type,
        // as RulesEngine needs it registered too. Production catalogs never register delegate types.
        ["rules6.json"] = new([new("input1", typeof(Flags))]),
        ["rules7.json"] = new([new("input1", typeof(Flags))]),
        ["rules8.json"] = new([new("input1", typeof(Flags))]),
        ["rules9.json"] = new([new("input1", typeof(Flags))], ("inputWorkflow/GiveDiscount20", RuleDiagnosticCodes.ExpressionError)),
        ["rules10.json"] = new([new("input1", typeof(Flags))]),
        ["rules11.json"] = new([new("input1", typeof(List<Reading>))]),
        ["NestedInputDemo.json"] = new([new("input1", typeof(Nested))]),
    };

    private static RuleInputBinding[] Discount =>
        [new("input1", typeof(Customer)), new("input2", typeof(Orders)), new("input3", typeof(Visits))];

    private sealed record Expectation(RuleInputBinding[] Inputs, params (string Element, string Code)[] Refused);

    public sealed record Customer(string Country, int LoyaltyFactor, decimal TotalPurchasesToDate);

    public sealed record Orders(int TotalOrders);

    public sealed record Visits(int NoOfVisitsPerMonth);

    public sealed record Flags(string Property1, bool Boolean, Func<bool> Method, JsonElement Data);

    public sealed record Reading(double Value, DateTime ChangeDateTime);

    public sealed record Nested(NestedProp NestedProp);

    public sealed record NestedProp(string SimpleProp, List<Item> ListProp);

    public sealed record Item(int Id, string Value);

    public sealed class Utils
    {
        [System.Diagnostics.CodeAnalysis.SuppressMessage("Performance", "CA1822:Mark members as static", Justification = "rules5.json calls it on an instance input: utils.CheckExists(...).")]
        public bool CheckExists(string value) => !string.IsNullOrEmpty(value);
    }
}
