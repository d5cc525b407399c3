using OrderToCash.Core.Invoicing;

namespace OrderToCash.Core.Payments;

/// <summary>
/// When a payment settles an invoice after its due date, charges the late-payment interest (each late payment from the
/// day after the due date to the day it was received, at the escalation rules' rate for the due date, rounded to the
/// cent per payment) and the fixed recovery indemnity (L441-10 II, D441-5).
/// </summary>
public sealed class LateSettlement(LatePaymentTerms terms)
{
    /// <param name="invoice">The invoice, settled by the payment being applied.</param>
    /// <param name="payments">Every payment allocation of the invoice, the new ones included.</param>
    /// <param name="cancellationToken">Cancels the rules lookup.</param>
    public async Task ChargeIfLateAsync(Invoice invoice, IReadOnlyList<PaymentAllocation> payments, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(invoice);
        ArgumentNullException.ThrowIfNull(payments);
        var late = payments.Where(p => p.AppliedOn > invoice.DueDate).ToList();
        if (!invoice.IsSettled || late.Count == 0)
        {
            return;
        }

        var rules = await terms.ForDueDateAsync(invoice.DueDate, invoice.Segment, invoice.GrossAmount, cancellationToken).ConfigureAwait(false);
        // A due date beyond the rules' rate table: no rate to charge (the escalation rules' PenaltyRateTableCovers rule
        // tells the credit manager to extend the table); the indemnity does not depend on it.
        var interest = rules.AnnualRatePercent is { } rate
            ? late.Aggregate(Money.Zero(invoice.Currency), (sum, p) => sum + LatePaymentPenalty.Interest(new Money(p.Amount, invoice.Currency), invoice.DueDate, p.AppliedOn, rate))
            : Money.Zero(invoice.Currency);
        invoice.ChargeLatePayment(interest, new Money(rules.IndemnityEur, invoice.Currency));
    }
}
