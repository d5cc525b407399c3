using Microsoft.EntityFrameworkCore;
using OrderToCash.Core.Escalation;
using OrderToCash.Core.Invoicing;

namespace OrderToCash.Core.Dunning;

/// <summary>
/// What the escalation rules see of an invoice today: the DUNNABLE amount (open less disputed: only the disputed part
/// stops the reminders), a pause when everything open is disputed or a promise to pay is pending, and how many of the
/// customer's items are overdue (the salesperson calls at the first one).
/// </summary>
public static class DunningSituation
{
    /// <param name="db">The step's context.</param>
    /// <param name="invoice">The invoice reminded.</param>
    /// <param name="today">The evaluation date.</param>
    /// <param name="promisePending">A promise to pay on the invoice is pending (not yet judged).</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    public static async Task<EscalationInput> ReadAsync(DbContext db, Invoice invoice, DateOnly today, bool promisePending, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(invoice);
        // Amounts are compared in memory: SQLite stores decimals as text and the list of a customer's unsettled items is short.
        var overdue = await db.Set<Invoice>().AsNoTracking()
            .Where(i => i.CustomerId == invoice.CustomerId && i.SettledOn == null && i.DueDate < today)
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        return new EscalationInput(
            AsOf: today.ToDateTime(TimeOnly.MinValue),
            DueDate: invoice.DueDate.ToDateTime(TimeOnly.MinValue),
            OpenAmount: invoice.DunnableAmount,
            Segment: invoice.Segment,
            UnpaidItemCount: Math.Max(1, overdue.Count(i => i.DunnableAmount > 0m)),
            HasOpenDispute: invoice.DisputedAmount > 0m && invoice.DunnableAmount == 0m,
            HasPromiseToPay: promisePending,
            ProfessionalCustomer: true)
        {
            EcbRefinancingRate = (await ReferenceTables.EcbRates.CurrentAsync(db, cancellationToken).ConfigureAwait(false)).RateFor(invoice.DueDate),
        };
    }

    /// <summary>The invoice's pending promises; those whose check date (promised date + tolerance) has passed are judged now.</summary>
    /// <returns>The promises still pending after judging.</returns>
    public static async Task<List<PromiseToPay>> JudgeDuePromisesAsync(DbContext db, Invoice invoice, DateOnly today, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(invoice);
        var pending = await db.Set<PromiseToPay>()
            .Where(p => p.InvoiceId == invoice.Id && p.Status == PromiseStatus.Pending)
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        foreach (var promise in pending.Where(p => p.CheckDate < today || invoice.IsSettled))
        {
            promise.Check(invoice, today);
        }

        return pending.FindAll(p => p.Status == PromiseStatus.Pending);
    }
}
