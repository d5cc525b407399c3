using OrderToCash.Core.Credit;
using OrderToCash.Core.Customers;
using OrderToCash.Core.Rules;
using OrderToCash.Engine.Rules;
using OrderToCash.Engine.Rules.Decisions;

namespace OrderToCash.Core.Orders;

/// <summary>
/// The credit check of an order at entry, decided like <see cref="CreditCheck"/> (same rule set, same blocking flag,
/// same four-eyes rule) but with its decision record returned instead of saved: the caller saves it in the order's own
/// transaction. <see cref="CreditCheck.CheckAsync"/> saves through a second connection, which on SQLite would wait for
/// the writer lock the order's transaction holds, and outside it would leave a decision under a number that a rolled
/// back order gives back to the series (ADR 0040).
/// </summary>
public sealed class OrderCreditCheck(RuleEvaluator evaluator)
{
    public async Task<OrderCreditDecision> DecideAsync(string orderNumber, CreditCheckInput input, DateTimeOffset at, CancellationToken cancellationToken)
    {
        var decision = await evaluator.EvaluateAsync(OrderToCashRuleSets.CreditLimit, [input], subject: null, asOf: at, cancellationToken: cancellationToken).ConfigureAwait(false);
        var reasons = decision.FailedWhere(CreditCheck.BlockingFlag)
            .Select(r => new CreditBlockReason(r.RuleName, r.ErrorMessage ?? r.ExceptionMessage ?? r.RuleName)).ToList();
        var fourEyes = decision.Outcome.Find(CreditCheck.FourEyesRule)?.IsSuccess ?? false;
        var record = DecisionLog.CreateRecord(new DecisionSubject(CreditCheck.SubjectType, orderNumber), decision.Version, at, decision.RuleSet, [input], decision.Outcome);
        return new OrderCreditDecision(reasons.Count > 0, reasons, fourEyes, record);
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

public sealed record OrderCreditDecision(bool Blocked, IReadOnlyList<CreditBlockReason> Reasons, bool ReleaseNeedsSecondApprover, DecisionRecord Record);
