using System.Globalization;
using Microsoft.EntityFrameworkCore;
using OrderToCash.Core.Credit;
using OrderToCash.Core.Customers;
using OrderToCash.Core.Documents;
using OrderToCash.Core.Infrastructure.Persistence;
using OrderToCash.Core.Invoicing;
using OrderToCash.Core.Numbering;

namespace OrderToCash.Core.Disputes;

/// <summary>
/// The CorrectedInvoice outcome (facture rectificative, ADR 0080 amended): a credit note cancels what the invoice still
/// bills, and a corrected invoice of the corrected amount replaces it, numbered in the invoice series, its lines one per
/// VAT rate of the corrected invoice in its proportions, due on the customer's terms from its issue. Each names the
/// other: the credit note's reason names the corrected invoice, the corrected invoice names the invoice and the credit
/// note. Runs in the caller's unit of work (the dispute.resolve step's transaction): all of it commits or none.
/// </summary>
public sealed class CorrectedInvoiceIssuer(LatePaymentTerms latePaymentTerms)
{
    /// <summary>Null when <paramref name="correctedGross"/> can replace <paramref name="invoice"/>, else why not (English, with the amounts).</summary>
    public static string? Problem(Invoice invoice, decimal? correctedGross)
    {
        ArgumentNullException.ThrowIfNull(invoice);
        if (correctedGross is null)
        {
            return $"The outcome CorrectedInvoice needs correctedAmount: the corrected total of {invoice.Number} incl. VAT, in {invoice.Currency}.";
        }

        if (Money.AmountProblem(correctedGross, $"The corrected amount of {invoice.Number}") is { } problem)
        {
            return problem;
        }

        if (invoice.PaidAmount > 0m || invoice.WrittenOffAmount > 0m)
        {
            return $"{invoice.Number} already has {new Money(invoice.PaidAmount + invoice.WrittenOffAmount, invoice.Currency)} paid or written off: a corrected invoice replaces an invoice nothing was paid on. Answer CreditNote to credit the disputed part.";
        }

        var billed = invoice.OpenAmount;
        return correctedGross >= billed
            ? string.Create(CultureInfo.InvariantCulture, $"The corrected amount ({correctedGross} {invoice.Currency}) must be below what {invoice.Number} bills now ({billed} {invoice.Currency}): the correction of a dispute lowers the invoice.")
            : null;
    }

    /// <summary>Cancels what <paramref name="invoice"/> still bills with a credit note and issues its corrected invoice.</summary>
    /// <exception cref="LedgerException">The corrected amount cannot replace the invoice (see <see cref="Problem"/>).</exception>
    public async Task<(CreditNote Note, Invoice Corrected)> IssueAsync(
        OrderToCashDbContext db, Invoice invoice, Money correctedGross, Dispute dispute, string issuedBy, DateOnly today, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(invoice);
        ArgumentNullException.ThrowIfNull(dispute);
        if (correctedGross.Currency != invoice.Currency)
        {
            throw new LedgerException($"The corrected amount is in {correctedGross.Currency}; {invoice.Number} is in {invoice.Currency}.");
        }

        if (Problem(invoice, correctedGross.Amount) is { } problem)
        {
            throw new LedgerException(problem);
        }

        var customer = await db.Set<Customer>().AsNoTracking().SingleAsync(c => c.Id == invoice.CustomerId, cancellationToken).ConfigureAwait(false);
        var vat = await InvoiceDocumentSource.VatAsync(db, invoice, cancellationToken).ConfigureAwait(false);
        // The corrected invoice's number first, so the credit note's reason can name it.
        var number = await InvoiceNumbering.NextAsync(db, InvoiceNumbering.InvoicePrefix, today, cancellationToken).ConfigureAwait(false);
        var note = await CreditNotes.IssueAsync(
            db, invoice, invoice.Open, $"Litige {dispute.Number} ({dispute.ReasonCode}) : annule la facture {invoice.Number}, remplacée par la facture rectificative {number}",
            dispute.Id, issuedBy, today, cancellationToken).ConfigureAwait(false);
        var lines = InvoiceDocumentSource.CorrectionLines(invoice.Number, correctedGross.Amount, vat);
        var dueDate = customer.PaymentTerms.DueDate(today, invoice.DeliveryDate);
        var late = await latePaymentTerms.ForDueDateAsync(db, dueDate, customer.Segment, correctedGross.Amount, cancellationToken).ConfigureAwait(false);
        var corrected = new Invoice
        {
            Number = number,
            CustomerId = invoice.CustomerId,
            OrderNumber = invoice.OrderNumber,
            CorrectsInvoiceNumber = invoice.Number,
            CorrectionCreditNoteNumber = note.Number,
            Currency = invoice.Currency,
            IssueDate = today,
            DeliveryDate = invoice.DeliveryDate,
            DueDate = dueDate,
            PaymentTermsText = customer.PaymentTerms.ToString(),
            NetAmount = lines.Sum(l => l.NetAmount),
            VatAmount = lines.Sum(l => l.VatAmount),
            GrossAmount = correctedGross.Amount,
            Segment = invoice.Segment,
            Salesperson = invoice.Salesperson,
            ProductFamily = invoice.ProductFamily,
            SellerSiren = invoice.SellerSiren,
            SellerVatNumber = invoice.SellerVatNumber,
            CustomerSiren = invoice.CustomerSiren,
            CustomerVatNumber = invoice.CustomerVatNumber,
            PenaltyClause = late.Clause(dueDate),
            RecoveryIndemnity = late.IndemnityEur,
            // The invoice's dunning goes on with the corrected invoice (InvoiceCorrections.DunnedAsync).
            DunningInstanceId = invoice.DunningInstanceId,
        };
        var exposure = await db.Set<CreditExposure>().SingleAsync(e => e.CustomerId == invoice.CustomerId, cancellationToken).ConfigureAwait(false);
        exposure.ReceivableAdded(correctedGross);
        db.Add(corrected);
        return (note, corrected);
    }
}
