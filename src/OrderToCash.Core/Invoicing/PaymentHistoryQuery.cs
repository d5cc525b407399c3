using Microsoft.EntityFrameworkCore;
using OrderToCash.Core.Credit;

namespace OrderToCash.Core.Invoicing;

/// <summary>
/// A customer's <see cref="CustomerPaymentHistory"/> for the credit check, read from the invoices. Only the open
/// overdue invoices are loaded (a customer has few), so a check never reads the customer's whole history.
/// </summary>
public static class PaymentHistoryQuery
{
    public static async Task<CustomerPaymentHistory> ReadAsync(DbContext db, string customerId, DateOnly today, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var overdue = await db.Set<Invoice>().AsNoTracking()
            .Where(i => i.CustomerId == customerId && i.SettledOn == null && i.DueDate < today)
            .Select(i => new { i.DueDate, i.GrossAmount, i.PaidAmount, i.CreditedAmount, i.WrittenOffAmount })
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        // Paid means settled with money (a payment was applied to it): an invoice cancelled by a credit note or written
        // off proves nothing.
        var paid = await db.Set<Invoice>()
            .CountAsync(i => i.CustomerId == customerId && i.SettledOn != null && i.WrittenOffOn == null && i.PaidAmount > 0m, cancellationToken)
            .ConfigureAwait(false);
        return new CustomerPaymentHistory(
            overdue.Sum(i => i.GrossAmount - i.PaidAmount - i.CreditedAmount - i.WrittenOffAmount),
            overdue.Count == 0 ? 0 : overdue.Max(i => today.DayNumber - i.DueDate.DayNumber),
            paid);
    }
}
