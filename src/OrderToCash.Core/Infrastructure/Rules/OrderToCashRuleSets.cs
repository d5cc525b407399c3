using OrderToCash.Core.ControlTower;
using OrderToCash.Core.Credit;
using OrderToCash.Core.Customers;
using OrderToCash.Core.Disputes;
using OrderToCash.Core.Dunning;
using OrderToCash.Core.RootCauses;
using OrderToCash.Engine.Rules.Compilation;

namespace OrderToCash.Core.Infrastructure.Rules;

/// <summary>
/// The rule sets the product evaluates, each under the name its feature gives it (on the input model the rule set is
/// written against), bound to that model (see rules/README.md).
/// </summary>
public static class OrderToCashRuleSets
{
    public static RuleSetCatalog CreateCatalog() => new RuleSetCatalog()
        .Register(CreditCheckInput.RuleSet, new RuleInputBinding("check", typeof(CreditCheckInput)))
        .Register(PaymentTermsInput.RuleSet, new RuleInputBinding("terms", typeof(PaymentTermsInput)))
        .Register(EscalationInput.RuleSet, new RuleInputBinding("item", typeof(EscalationInput)))
        .Register(DisputeRoutingInput.RuleSet, new RuleInputBinding("dispute", typeof(DisputeRoutingInput)))
        .Register(RootCauseInput.RuleSet, new RuleInputBinding("cause", typeof(RootCauseInput)))
        .Register(QueueInput.RuleSet, new RuleInputBinding("queue", typeof(QueueInput)));
}
