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
    /// What the rules see. Overdue items and paid invoices come from invoicing, which does not record invoices yet:
    /// until it does they are zero, so the new-customer cap applies to every customer (the safe side).
    /// </summary>
    public static CreditCheckInput InputFor(Customer customer, CreditExposure exposure, Order order, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(customer);
        ArgumentNullException.ThrowIfNull(exposure);
        ArgumentNullException.ThrowIfNull(order);
        return new CreditCheckInput(
            OrderAmount: order.GrossTotal,
            Exposure: exposure.Total.Amount,
            InternalLimit: customer.InternalCreditLimit,
            InsurerCover: customer.InsurerCover,
            OverdueAmount: 0m,
            OldestOverdueDays: 0,
            RiskClass: customer.RiskClass,
            AccountAgeDays: Math.Max(0, today.DayNumber - customer.AccountOpenedOn.DayNumber),
            PaidInvoiceCount: 0);
    }
}

public sealed record OrderCreditDecision(bool Blocked, IReadOnlyList<CreditBlockReason> Reasons, bool ReleaseNeedsSecondApprover, DecisionRecord Record);
