using OrderToCash.Core.Customers;
using OrderToCash.Engine.Rules;
using OrderToCash.Engine.Rules.Decisions;

namespace OrderToCash.Core.Invoicing;

/// <summary>
/// What a recorded <c>payment-terms</c> decision means for invoicing (ADR 0065): the terms are refused when a rule
/// marked <c>refusesWhenFailed</c> failed (L441-10: 30 days without a contract, 60 days from the invoice date, 45 days
/// end of month written in the contract, 45 days for a periodic invoice). The decision is read by replaying its recorded
/// inputs under its recorded version, whose rules say which failures refuse.
/// </summary>
public sealed class PaymentTermsCheck(RuleEvaluator evaluator)
{
    /// <summary>The rule property that marks a payment-terms rule whose failure refuses the terms.</summary>
    public const string RefusingFlag = "refusesWhenFailed";

    /// <exception cref="InvoiceRefusedException">The record is not a payment-terms decision.</exception>
    public async Task<PaymentTermsResult> ReadAsync(DecisionRecord record, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(record);
        if (record.RuleSetName != PaymentTermsInput.RuleSet)
        {
            throw new InvoiceRefusedException($"Decision {record.Id} was taken by the rule set '{record.RuleSetName}', not by '{PaymentTermsInput.RuleSet}': map the terms check's decisionId.");
        }

        var decision = await evaluator.ReplayDecisionAsync(record, cancellationToken).ConfigureAwait(false);
        var reasons = decision.FailedWhere(RefusingFlag).Select(r => r.ErrorMessage ?? r.ExceptionMessage ?? r.RuleName).ToList();
        return new PaymentTermsResult(reasons, decision.Version.Version, record.Id);
    }
}

/// <param name="Reasons">The refusing rules' messages (empty when the terms pass).</param>
/// <param name="RuleSetVersion">The payment-terms version that decided.</param>
/// <param name="DecisionId">The decision's record in the decision log.</param>
public sealed record PaymentTermsResult(IReadOnlyList<string> Reasons, int RuleSetVersion, long DecisionId)
{
    public bool Refused => Reasons.Count > 0;
}
