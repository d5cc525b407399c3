using OrderToCash.Core.Customers;
using OrderToCash.Core.Infrastructure.Rules;
using OrderToCash.Engine.Rules;
using OrderToCash.Engine.Rules.Decisions;

namespace OrderToCash.Core.Credit;

/// <summary>
/// Checks an order against the credit-limit rule set, at entry and again at delivery (ADR 0040, 0041). The decision's
/// record is returned, not saved: the caller adds it to the order's own transaction, so "why was this order blocked,
/// under which rule version" has an answer (<see cref="DecisionLog.ExplainAsync"/>) exactly when the order exists.
/// </summary>
public sealed class CreditCheck(RuleEvaluator evaluator)
{
    public const string SubjectType = "order";

    /// <summary>The rule property that marks a credit rule whose failure blocks the order.</summary>
    public const string BlockingFlag = "blocksOrderWhenFailed";

    public const string FourEyesRule = "ReleaseNeedsSecondApprover";

    public async Task<CreditCheckResult> DecideAsync(string orderNumber, CreditCheckInput input, DateTimeOffset at, CancellationToken cancellationToken)
    {
        var decision = await evaluator.EvaluateAsync(CreditCheckInput.RuleSet, [input], at, cancellationToken).ConfigureAwait(false);
        var reasons = decision.FailedWhere(BlockingFlag)
            .Select(r => new CreditBlockReason(r.RuleName, r.ErrorMessage ?? r.ExceptionMessage ?? r.RuleName)).ToList();
        var fourEyes = decision.Outcome.Find(FourEyesRule)?.IsSuccess ?? false;
        return new CreditCheckResult(reasons.Count > 0, reasons, fourEyes, decision.Version.Version, decision.RecordFor(new DecisionSubject(SubjectType, orderNumber)));
    }

    /// <summary>
    /// What the rules see: the exposure without this order (the rules add the order themselves), and the customer's
    /// overdue items and paid invoices from invoicing. Used at entry and again at delivery (ADR 0041).
    /// </summary>
    public static CreditCheckInput InputFor(Customer customer, decimal exposureWithoutOrder, decimal orderAmount, CustomerPaymentHistory history, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(customer);
        ArgumentNullException.ThrowIfNull(history);
        return new CreditCheckInput(
            OrderAmount: orderAmount,
            Exposure: exposureWithoutOrder,
            InternalLimit: customer.InternalCreditLimit,
            InsurerCover: customer.InsurerCover,
            OverdueAmount: history.OverdueAmount,
            OldestOverdueDays: history.OldestOverdueDays,
            RiskClass: customer.RiskClass,
            AccountAgeDays: Math.Max(0, today.DayNumber - customer.AccountOpenedOn.DayNumber),
            PaidInvoiceCount: history.PaidInvoiceCount);
    }
}

/// <param name="Blocked">True when a blocking rule failed: the order waits for a documented release or rejection.</param>
/// <param name="Reasons">The blocking rules that failed, with their messages.</param>
/// <param name="ReleaseNeedsSecondApprover">Releasing this order needs two approvers.</param>
/// <param name="RuleSetVersion">The credit-limit version that decided.</param>
/// <param name="Record">The decision log record, for the caller's unit of work.</param>
public sealed record CreditCheckResult(bool Blocked, IReadOnlyList<CreditBlockReason> Reasons, bool ReleaseNeedsSecondApprover, int RuleSetVersion, DecisionRecord Record);

public sealed record CreditBlockReason(string RuleName, string Message);
