using OrderToCash.Core.ControlTower;
using OrderToCash.Core.Credit;
using OrderToCash.Core.Customers;
using OrderToCash.Core.Disputes;
using OrderToCash.Core.Escalation;
using OrderToCash.Core.Infrastructure.Content;
using OrderToCash.Core.RootCauses;
using OrderToCash.Engine.Rules.Compilation;
using OrderToCash.Engine.Rules.Definitions;
using OrderToCash.Engine.Rules.Inputs;

namespace OrderToCash.Core.Infrastructure.Rules;

/// <summary>
/// The rule sets the product evaluates, each under the name its feature gives it (on the input model the rule set is
/// written against), bound to that model (see rules/README.md). Each shipped rule file declares its inputs
/// (<c>"Inputs"</c>); the catalog is checked against those declarations when it is made, so a record that drifted
/// from its file stops the host at start with the rule set, parameter and field named.
/// </summary>
public static class OrderToCashRuleSets
{
    public static RuleSetCatalog CreateCatalog()
    {
        var catalog = Records();
        InputModelCheck.CheckCatalog(catalog, ShippedDefinitions());
        return catalog;
    }

    /// <summary>The rule sets as the shipped files (built into this assembly) define them.</summary>
    public static IReadOnlyList<RuleSetDefinition> ShippedDefinitions() =>
        ShippedContent.Embedded("rules/")
            .Where(f => !f.Name.StartsWith("rules/tests/", StringComparison.Ordinal) && !RuleFolder.IsSchema(f.Name))
            .SelectMany(f => RuleFileReader.Read(f.Name, f.Content).RuleSets)
            .ToList();

    private static RuleSetCatalog Records() => new RuleSetCatalog()
        .Register(CreditCheckInput.RuleSet, new RuleInputBinding("check", typeof(CreditCheckInput)))
        .Register(PaymentTermsInput.RuleSet, new RuleInputBinding("terms", typeof(PaymentTermsInput)))
        .Register(EscalationInput.RuleSet, new RuleInputBinding("item", typeof(EscalationInput)))
        .Register(DisputeRoutingInput.RuleSet, new RuleInputBinding("dispute", typeof(DisputeRoutingInput)))
        .Register(RootCauseInput.RuleSet, new RuleInputBinding("cause", typeof(RootCauseInput)))
        .Register(QueueInput.RuleSet, new RuleInputBinding("queue", typeof(QueueInput)));
}
