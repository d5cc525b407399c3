using OrderToCash.Core.ControlTower;
using OrderToCash.Core.Credit;
using OrderToCash.Core.Disputes;
using OrderToCash.Core.Dunning;
using OrderToCash.Core.Invoicing;
using OrderToCash.Core.RootCauses;
using OrderToCash.Engine.Rules.Compilation;

namespace OrderToCash.Core.Rules;

/// <summary>The rule sets the product evaluates, and the input model each is written against (see rules/README.md).</summary>
public static class OrderToCashRuleSets
{
    public const string CreditLimit = "credit-limit";
    public const string PaymentTerms = "payment-terms";
    public const string Escalation = "escalation";
    public const string DisputeRouting = "dispute-routing";
    public const string RootCause = "root-cause";
    public const string ControlTower = "control-tower";

    public static RuleSetCatalog CreateCatalog() => new RuleSetCatalog()
        .Register(CreditLimit, new RuleInputBinding("check", typeof(CreditCheckInput)))
        .Register(PaymentTerms, new RuleInputBinding("terms", typeof(PaymentTermsInput)))
        .Register(Escalation, new RuleInputBinding("item", typeof(EscalationInput)))
        .Register(DisputeRouting, new RuleInputBinding("dispute", typeof(DisputeRoutingInput)))
        .Register(RootCause, new RuleInputBinding("cause", typeof(RootCauseInput)))
        .Register(ControlTower, new RuleInputBinding("queue", typeof(QueueInput)));
}
