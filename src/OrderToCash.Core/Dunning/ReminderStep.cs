using Microsoft.EntityFrameworkCore;
using OrderToCash.Core.Customers;
using OrderToCash.Core.Invoicing;

namespace OrderToCash.Core.Dunning;

/// <summary>
/// The ledger work of a ladder decision, in the step's transaction: when the decided step is above the invoice's level,
/// its reminder goes to the outbox, once per step (unique (invoice, step)), and the invoice climbs to that level.
/// </summary>
public static class ReminderStep
{
    /// <returns>The step reached now, or empty when no new step is due.</returns>
    public static async Task<string> WriteAsync(DbContext db, Invoice invoice, ReminderDecision decision, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(invoice);
        ArgumentNullException.ThrowIfNull(decision);
        if (decision.Step is not { } due || decision.Level <= invoice.ReminderLevel)
        {
            return string.Empty;
        }

        if (!await db.Set<Reminder>().AnyAsync(r => r.InvoiceId == invoice.Id && r.Step == due, cancellationToken).ConfigureAwait(false))
        {
            var customer = await db.Set<Customer>().AsNoTracking().SingleAsync(c => c.Id == invoice.CustomerId, cancellationToken).ConfigureAwait(false);
            db.Add(ReminderRenderer.Render(invoice, customer, due, decision, now));
        }

        invoice.ReminderLevel = decision.Level;
        return due;
    }
}
