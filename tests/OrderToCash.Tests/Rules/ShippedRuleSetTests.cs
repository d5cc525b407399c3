using System.Text.Json;
using OrderToCash.Core.ControlTower;
using OrderToCash.Core.Credit;
using OrderToCash.Core.Customers;
using OrderToCash.Core.Disputes;
using OrderToCash.Core.Dunning;
using OrderToCash.Core.Escalation;
using OrderToCash.Core.Infrastructure.Content;
using OrderToCash.Core.Infrastructure.Rules;
using OrderToCash.Core.RootCauses;
using OrderToCash.Engine.Rules;
using OrderToCash.Engine.Rules.Compilation;
using OrderToCash.Engine.Rules.WhatIf;
using RulesEngine.Models;

namespace OrderToCash.Tests.Rules;

/// <summary>The rule sets under rules/ compile, pass their what-if cases, and decide exactly as RulesEngine would.</summary>
public class ShippedRuleSetTests
{
    private static readonly Lazy<(IReadOnlyList<RuleSource> Rules, IReadOnlyList<RuleSource> Cases)> Files =
        new(() => RuleFolder.LoadAsync(RepositoryPaths.Rules, CancellationToken.None).GetAwaiter().GetResult());

    private static RuleValidationReport Validate() =>
        new RuleSetValidator(new RuleSetCompiler(OrderToCashRuleSets.CreateCatalog())).Validate(Files.Value.Rules, Files.Value.Cases);

    [Fact]
    public void Every_shipped_rule_set_compiles_and_passes_its_what_if_cases()
    {
        var report = Validate();

        report.Diagnostics.Should().BeEmpty();
        report.RuleSets.Select(r => r.Name).Should().BeEquivalentTo(
            CreditCheckInput.RuleSet, PaymentTermsInput.RuleSet, EscalationInput.RuleSet,
            DisputeRoutingInput.RuleSet, RootCauseInput.RuleSet, QueueInput.RuleSet);
        report.Cases.Should().OnlyContain(c => c.Passed);
        report.Cases.GroupBy(c => c.RuleSetName).Should().HaveCount(6).And.OnlyContain(g => g.Count() >= 5);
    }

    [Fact]
    public void Every_shipped_rule_has_a_description()
    {
        var report = Validate();

        report.RuleSets.SelectMany(r => r.Rules.Select(rule => (r.Name, rule.Name, rule.Description)))
            .Should().OnlyContain(x => !string.IsNullOrWhiteSpace(x.Description));
    }

    [Fact]
    public async Task Our_evaluation_agrees_with_RulesEngine_on_every_what_if_input()
    {
        var report = Validate();
        var compared = 0;
        foreach (var source in Files.Value.Cases)
        {
            var suite = WhatIfReader.Read(source.Path, source.Content).Suite!;
            var ruleSet = report.RuleSets.Single(r => r.Name == suite.RuleSetName);
            var engine = new RulesEngine.RulesEngine([ruleSet.Definition.Workflow], RuleEngineSettings.Create());
            foreach (var whatIf in suite.Cases)
            {
                var inputs = ruleSet.Inputs.Select(b => whatIf.Inputs[b.Name].Deserialize(b.Type, WhatIfRunner.InputOptions)).ToArray();
                var parameters = ruleSet.Inputs.Select((b, i) => new RuleParameter(b.Name, inputs[i])).ToArray();

                var ours = ruleSet.Evaluate(inputs).Rules.Select(r => (r.RuleName, r.IsSuccess, r.SuccessEvent, r.ErrorMessage));
                var theirs = (await engine.ExecuteAllRulesAsync(suite.RuleSetName, parameters))
                    .Select(r => (r.Rule.RuleName, r.IsSuccess, r.IsSuccess ? r.Rule.SuccessEvent : null, r.IsSuccess ? null : r.ExceptionMessage));

                ours.Should().Equal(theirs, $"case '{whatIf.Name}' of {suite.RuleSetName}");
                compared++;
            }
        }

        compared.Should().BeGreaterThan(50);
    }
}
