using Microsoft.EntityFrameworkCore;
using OrderToCash.Core.Credit;
using OrderToCash.Core.Infrastructure.Persistence;

namespace OrderToCash.Core.Invoicing;

/// <summary>
/// Credit notes (sales administration) and write-offs (credit manager) on an issued invoice: each in one transaction
/// with the exposure, then InvoiceSettled when it closed the invoice.
/// </summary>
public sealed class InvoiceAdjustments(Func<OrderToCashDbContext> createContext, SettlementMessages settlements, TimeProvider clock)
{
    public async Task<CreditNote> IssueCreditNoteAsync(string invoiceNumber, decimal? amount, string? reason, string issuedBy, CancellationToken cancellationToken)
    {
        if (Money.AmountProblem(amount, $"A credit note on {invoiceNumber}") is { } problem)
        {
            throw new LedgerException(problem);
        }

        var value = amount!.Value;

        await using var db = createContext();
        var invoice = await FindAsync(db, invoiceNumber, cancellationToken).ConfigureAwait(false);
        var note = await CreditNotes.IssueAsync(db, invoice, new Money(value, invoice.Currency), reason ?? string.Empty, disputeId: null, issuedBy, Today(), cancellationToken).ConfigureAwait(false);
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        await settlements.SendAsync([invoice], cancellationToken).ConfigureAwait(false);
        return note;
    }

    /// <summary>Writes off the whole open amount (the customer will not pay it) with the credit manager's reason.</summary>
    public async Task<Invoice> WriteOffAsync(string invoiceNumber, string? reason, CancellationToken cancellationToken)
    {
        await using var db = createContext();
        var invoice = await FindAsync(db, invoiceNumber, cancellationToken).ConfigureAwait(false);
        if (invoice.IsSettled)
        {
            throw new LedgerException($"Invoice {invoice.Number} is settled (on {invoice.SettledOn:yyyy-MM-dd}): nothing is left to write off.");
        }

        var open = invoice.Open;
        invoice.WriteOff(reason?.Trim() ?? string.Empty, Today());
        var exposure = await db.Set<CreditExposure>().SingleAsync(e => e.CustomerId == invoice.CustomerId, cancellationToken).ConfigureAwait(false);
        exposure.ReceivableReduced(open);
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        await settlements.SendAsync([invoice], cancellationToken).ConfigureAwait(false);
        return invoice;
    }

    private DateOnly Today() => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);

    private static async Task<Invoice> FindAsync(OrderToCashDbContext db, string invoiceNumber, CancellationToken cancellationToken) =>
        await db.Set<Invoice>().FirstOrDefaultAsync(i => i.Number == invoiceNumber, cancellationToken).ConfigureAwait(false)
        ?? throw new KeyNotFoundException($"Invoice '{invoiceNumber}' was not found.");
}
