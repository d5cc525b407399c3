using Microsoft.EntityFrameworkCore;
using OrderToCash.Core.Infrastructure.Persistence;
using OrderToCash.Core.Invoicing;

namespace OrderToCash.Core.Credit;

/// <summary>
/// What the credit rules need to know about how a customer pays, read from the invoices: the overdue items (amount and
/// the oldest's days) and how many invoices the customer has paid. Only the open invoices are loaded (a customer has
/// few), so a check never reads the customer's whole history.
/// </summary>
public sealed record CustomerPaymentHistory(decimal OverdueAmount, int OldestOverdueDays, int PaidInvoiceCount)
{
    public static async Task<CustomerPaymentHistory> ReadAsync(OrderToCashDbContext db, string customerId, DateOnly today, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var overdue = await db.Set<Invoice>().AsNoTracking()
            .Where(i => i.CustomerId == customerId && i.SettledOn == null && i.DueDate < today)
            .Select(i => new { i.DueDate, i.GrossAmount, i.PaidAmount, i.CreditedAmount, i.WrittenOffAmount })
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        // Paid means settled with money: an invoice cancelled by a credit note or written off proves nothing.
        var paid = await db.Set<Invoice>().CountAsync(i => i.CustomerId == customerId && i.SettledOn != null && i.WrittenOffOn == null
                && db.Set<Payments.PaymentAllocation>().Any(a => a.InvoiceId == i.Id), cancellationToken).ConfigureAwait(false);
        return new CustomerPaymentHistory(
            overdue.Sum(i => i.GrossAmount - i.PaidAmount - i.CreditedAmount - i.WrittenOffAmount),
            overdue.Count == 0 ? 0 : overdue.Max(i => today.DayNumber - i.DueDate.DayNumber),
            paid);
    }
}
