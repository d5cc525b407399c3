using Microsoft.EntityFrameworkCore;

namespace OrderToCash.Core.Invoicing;

/// <summary>Follows an invoice to the corrected invoice that replaced it (a dispute's CorrectedInvoice outcome).</summary>
public static class InvoiceCorrections
{
    /// <summary>
    /// The invoice a dunning started for <paramref name="invoiceNumber"/> reminds now: that invoice, or, once it was
    /// cancelled and replaced, its latest corrected invoice (tracked, for the step's transaction).
    /// </summary>
    public static async Task<Invoice> DunnedAsync(DbContext db, string invoiceNumber, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var invoice = await db.Set<Invoice>().SingleAsync(i => i.Number == invoiceNumber, cancellationToken).ConfigureAwait(false);
        while (invoice.IsSettled
               && await db.Set<Invoice>().FirstOrDefaultAsync(i => i.CorrectsInvoiceNumber == invoice.Number, cancellationToken).ConfigureAwait(false) is { } corrected)
        {
            invoice = corrected;
        }

        return invoice;
    }
}
