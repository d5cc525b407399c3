using Microsoft.EntityFrameworkCore;
using OrderToCash.Core.Infrastructure.Persistence;
using OrderToCash.Core.Invoicing;

namespace OrderToCash.Core.Documents;

/// <summary>
/// The documents of the ledger: the PDF/A-3 of an invoice or a credit note with its Factur-X XML embedded, made on
/// demand from what was issued (the same invoice always gives the same XML; nothing is stored, so nothing drifts).
/// </summary>
public sealed class InvoiceDocuments(InvoiceDocumentSource source)
{
    public async Task<RenderedDocument> InvoiceAsync(OrderToCashDbContext db, Invoice invoice, CancellationToken cancellationToken)
    {
        var model = await source.InvoiceAsync(db, invoice, cancellationToken).ConfigureAwait(false);
        return Render(model);
    }

    public async Task<RenderedDocument> CreditNoteAsync(OrderToCashDbContext db, CreditNote note, CancellationToken cancellationToken)
    {
        var model = await source.CreditNoteAsync(db, note, cancellationToken).ConfigureAwait(false);
        return Render(model);
    }

    /// <summary>The document of an invoice or credit note by its number (FA-… or AV-…); null when there is none.</summary>
    public async Task<RenderedDocument?> ByNumberAsync(OrderToCashDbContext db, string number, IQueryable<string> visibleCustomers, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        if (await db.Set<Invoice>().AsNoTracking().FirstOrDefaultAsync(i => i.Number == number && visibleCustomers.Contains(i.CustomerId), cancellationToken).ConfigureAwait(false) is { } invoice)
        {
            return await InvoiceAsync(db, invoice, cancellationToken).ConfigureAwait(false);
        }

        return await db.Set<CreditNote>().AsNoTracking().FirstOrDefaultAsync(n => n.Number == number && visibleCustomers.Contains(n.CustomerId), cancellationToken).ConfigureAwait(false) is { } note
            ? await CreditNoteAsync(db, note, cancellationToken).ConfigureAwait(false)
            : null;
    }

    private static RenderedDocument Render(InvoiceDocumentModel model)
    {
        var xml = FacturXXml.Write(model);
        return new RenderedDocument($"{model.Number}.pdf", InvoicePdf.Render(model, xml), xml, model);
    }
}

/// <param name="FileName">FA-2026-000001.pdf</param>
/// <param name="Pdf">The PDF/A-3 with the XML embedded.</param>
/// <param name="FacturXml">The embedded factur-x.xml.</param>
/// <param name="Model">What was printed.</param>
public sealed record RenderedDocument(string FileName, byte[] Pdf, byte[] FacturXml, InvoiceDocumentModel Model);
