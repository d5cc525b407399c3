using Microsoft.EntityFrameworkCore;
using OrderToCash.Core.Credit;
using OrderToCash.Core.Infrastructure.Persistence;
using OrderToCash.Core.Numbering;

namespace OrderToCash.Core.Invoicing;

/// <summary>Issues a credit note on an invoice inside the caller's unit of work (number, invoice, exposure change together).</summary>
public static class CreditNotes
{
    public static async Task<CreditNote> IssueAsync(
        OrderToCashDbContext db, Invoice invoice, Money amount, string reason, Guid? disputeId, string issuedBy, DateOnly issueDate, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(invoice);
        if (string.IsNullOrWhiteSpace(reason))
        {
            throw new LedgerException($"A credit note on {invoice.Number} needs a reason.");
        }

        invoice.ApplyCreditNote(amount, issueDate);
        var exposure = await db.Set<CreditExposure>().SingleAsync(e => e.CustomerId == invoice.CustomerId, cancellationToken).ConfigureAwait(false);
        exposure.ReceivableReduced(amount);
        var number = await InvoiceNumbering.NextAsync(db, InvoiceNumbering.CreditNotePrefix, issueDate, cancellationToken).ConfigureAwait(false);
        var note = new CreditNote
        {
            Number = number,
            InvoiceId = invoice.Id,
            CustomerId = invoice.CustomerId,
            Currency = amount.Currency,
            Amount = amount.Amount,
            IssueDate = issueDate,
            Reason = reason,
            DisputeId = disputeId,
            IssuedBy = issuedBy,
        };
        db.Add(note);
        return note;
    }
}
