using Microsoft.EntityFrameworkCore;
using OrderToCash.Core.Invoicing;

namespace OrderToCash.Core.Payments;

/// <summary>
/// When a payment settles an invoice after its due date, charges the late-payment interest (each late payment from the
/// day after the due date to the day it was received, at the ECB rate of the due date's semester plus the escalation
/// rules' points, rounded to the cent per payment) and the fixed recovery indemnity (L441-10 II, D441-5). When the ECB
/// rate table lacks the semester, the interest of each late payment is recorded as <see cref="PendingInterest"/> and
/// charged when the rate is entered (ADR 0101): never a silent zero.
/// </summary>
public sealed class LateSettlement(LatePaymentTerms terms, TimeProvider clock)
{
    /// <param name="db">The payment's unit of work.</param>
    /// <param name="invoice">The invoice, settled by the payment being applied.</param>
    /// <param name="payments">Every payment allocation of the invoice, the new ones included.</param>
    /// <param name="cancellationToken">Cancels the reads.</param>
    public async Task ChargeIfLateAsync(DbContext db, Invoice invoice, IReadOnlyList<PaymentAllocation> payments, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(invoice);
        ArgumentNullException.ThrowIfNull(payments);
        var late = payments.Where(p => p.AppliedOn > invoice.DueDate).ToList();
        if (!invoice.IsSettled || late.Count == 0)
        {
            return;
        }

        var rules = await terms.ForDueDateAsync(db, invoice.DueDate, invoice.Segment, invoice.GrossAmount, cancellationToken).ConfigureAwait(false);
        var interest = Money.Zero(invoice.Currency);
        if (rules.AnnualRatePercent is { } rate)
        {
            interest = late.Aggregate(interest, (sum, p) => sum + LatePaymentPenalty.Interest(new Money(p.Amount, invoice.Currency), invoice.DueDate, p.AppliedOn, rate));
        }
        else if (rules.PenaltyPoints is { } points)
        {
            // The rules say a penalty is due but the table lacks the ECB rate: the interest waits for it.
            var now = clock.GetUtcNow();
            db.AddRange(late.Select(p => PendingInterest.Record(invoice, p, points, rules.RuleSetVersion, now)));
        }

        invoice.ChargeLatePayment(interest, new Money(rules.IndemnityEur, invoice.Currency));
    }
}
