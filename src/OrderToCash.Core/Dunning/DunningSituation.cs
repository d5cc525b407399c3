using Microsoft.EntityFrameworkCore;
using OrderToCash.Core.Invoicing;

namespace OrderToCash.Core.Dunning;

/// <summary>
/// What the escalation rules see of an invoice today: the DUNNABLE amount (open less disputed: only the disputed part
/// stops the reminders), a pause when everything open is disputed or a promise to pay is pending, and how many of the
/// customer's items are overdue (the salesperson calls at the first one).
/// </summary>
public static class DunningSituation
{
    public static async Task<EscalationInput> ReadAsync(DbContext db, Invoice invoice, DateOnly today, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(invoice);
        // Amounts are compared in memory: SQLite stores decimals as text and the list of a customer's unsettled items is short.
        var overdue = await db.Set<Invoice>().AsNoTracking()
            .Where(i => i.CustomerId == invoice.CustomerId && i.SettledOn == null && i.DueDate < today)
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        var unpaidItems = overdue.Count(i => i.DunnableAmount > 0m);
        var promisePending = await db.Set<PromiseToPay>()
            .AnyAsync(p => p.InvoiceId == invoice.Id && p.Status == PromiseStatus.Pending, cancellationToken).ConfigureAwait(false);
        return new EscalationInput(
            AsOf: today.ToDateTime(TimeOnly.MinValue),
            DueDate: invoice.DueDate.ToDateTime(TimeOnly.MinValue),
            OpenAmount: invoice.DunnableAmount,
            Segment: invoice.Segment,
            UnpaidItemCount: Math.Max(1, unpaidItems),
            HasOpenDispute: invoice.DisputedAmount > 0m && invoice.DunnableAmount == 0m,
            HasPromiseToPay: promisePending,
            ProfessionalCustomer: true);
    }

    /// <summary>Judges the invoice's pending promises whose check date (promised date + tolerance) has passed.</summary>
    public static async Task<IReadOnlyList<PromiseToPay>> JudgeDuePromisesAsync(DbContext db, Invoice invoice, DateOnly today, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(invoice);
        var pending = await db.Set<PromiseToPay>()
            .Where(p => p.InvoiceId == invoice.Id && p.Status == PromiseStatus.Pending)
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        var judged = pending.Where(p => p.CheckDate < today || invoice.IsSettled).ToList();
        foreach (var promise in judged)
        {
            promise.Check(invoice, today);
        }

        return judged;
    }
}
