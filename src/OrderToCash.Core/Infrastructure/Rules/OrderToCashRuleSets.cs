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

    /// <summary>
    /// What a built-in rule set decides about, when a business-rule task calls it: the document whose number is the task
    /// input <see cref="DecisionSubjectOf.NumberInput"/> when the task maps it, else the instance's business key (the
    /// credit check and the payment terms in order-to-cash are about the order; the reminder step is about the invoice
    /// the dunning reminds, inside the order's cycle).
    /// </summary>
    public static IReadOnlyDictionary<string, DecisionSubjectOf> DecisionSubjects { get; } = new Dictionary<string, DecisionSubjectOf>(StringComparer.Ordinal)
    {
        [CreditCheckInput.RuleSet] = new(CreditCheck.SubjectType),
        [PaymentTermsInput.RuleSet] = new(CreditCheck.SubjectType),
        [DisputeRoutingInput.RuleSet] = new(DisputeRouter.SubjectType),
        [EscalationInput.RuleSet] = new(Dunning.ReminderLadder.SubjectType, Dunning.ReminderLadder.SubjectNumberInput),
    };

    private static RuleSetCatalog Records() => new RuleSetCatalog()
        .Register(CreditCheckInput.RuleSet, new RuleInputBinding("check", typeof(CreditCheckInput)))
        .Register(PaymentTermsInput.RuleSet, new RuleInputBinding("terms", typeof(PaymentTermsInput)))
        .Register(EscalationInput.RuleSet, new RuleInputBinding("item", typeof(EscalationInput)))
        .Register(DisputeRoutingInput.RuleSet, new RuleInputBinding("dispute", typeof(DisputeRoutingInput)))
        .Register(RootCauseInput.RuleSet, new RuleInputBinding("cause", typeof(RootCauseInput)))
        .Register(QueueInput.RuleSet, new RuleInputBinding("queue", typeof(QueueInput)));
}

/// <summary>The kind of document a built-in rule set decides about, and the task input that may carry its number.</summary>
/// <param name="Type">The decision log's subject type (order, invoice, dispute).</param>
/// <param name="NumberInput">The business-rule task's input holding the document's number; the business key when null or not mapped.</param>
public sealed record DecisionSubjectOf(string Type, string? NumberInput = null);
