using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using OrderToCash.Core.Customers;
using OrderToCash.Core.Infrastructure.Persistence;
using OrderToCash.Core.Invoicing;
using OrderToCash.Core.Orders;

namespace OrderToCash.Core.Documents;

/// <summary>
/// Reads an invoice or a credit note from the ledger into the document model: lines from the invoiced order, VAT per
/// rate summed from the lines (as the ledger summed them), the mentions copied at issue. A credit note carries its
/// amount split over the invoice's VAT rates in the invoice's proportions (the last rate takes the remaining cent).
/// </summary>
public sealed class InvoiceDocumentSource(IOptions<CompanyOptions> company)
{
    public async Task<InvoiceDocumentModel> InvoiceAsync(OrderToCashDbContext db, Invoice invoice, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(invoice);
        var customer = await db.Set<Customer>().AsNoTracking().SingleAsync(c => c.Id == invoice.CustomerId, cancellationToken).ConfigureAwait(false);
        var lines = await LinesAsync(db, invoice, cancellationToken).ConfigureAwait(false);
        var corrected = invoice.CorrectsInvoiceNumber is { } correctedNumber
            ? await db.Set<Invoice>().AsNoTracking().SingleAsync(i => i.Number == correctedNumber, cancellationToken).ConfigureAwait(false)
            : null;
        return new InvoiceDocumentModel
        {
            Kind = corrected is null ? DocumentKind.Invoice : DocumentKind.CorrectedInvoice,
            Number = invoice.Number,
            IssueDate = invoice.IssueDate,
            Currency = invoice.Currency,
            Seller = Seller(invoice),
            Buyer = Buyer(invoice, customer),
            OrderNumber = invoice.OrderNumber,
            DeliveryDate = invoice.DeliveryDate,
            DueDate = invoice.DueDate,
            PaymentTermsText = invoice.PaymentTermsText,
            Lines = lines,
            Vat = Breakdown(lines),
            NetTotal = invoice.NetAmount,
            VatTotal = invoice.VatAmount,
            GrossTotal = invoice.GrossAmount,
            PenaltyClause = invoice.PenaltyClause,
            RecoveryIndemnity = invoice.RecoveryIndemnity,
            SellerIban = Blank(company.Value.Iban),
            SellerBic = Blank(company.Value.Bic),
            PrecedingInvoiceNumber = corrected?.Number,
            PrecedingInvoiceDate = corrected?.IssueDate,
            Note = corrected is null ? null : $"Facture rectificative : remplace la facture {corrected.Number} du {corrected.IssueDate:dd/MM/yyyy}, annulée par l'avoir {invoice.CorrectionCreditNoteNumber}.",
        };
    }

    /// <summary>The invoice's VAT per rate, summed from its lines as the ledger summed them.</summary>
    public static async Task<IReadOnlyList<VatBreakdown>> VatAsync(OrderToCashDbContext db, Invoice invoice, CancellationToken cancellationToken) =>
        Breakdown(await LinesAsync(db, invoice, cancellationToken).ConfigureAwait(false));

    /// <summary>
    /// The lines of a corrected invoice of <paramref name="gross"/>: one per VAT rate of the invoice it corrects, the
    /// amount split in the corrected invoice's proportions (<see cref="Split"/>), so issue and document agree to the cent.
    /// </summary>
    public static IReadOnlyList<DocumentLine> CorrectionLines(string correctedNumber, decimal gross, IReadOnlyList<VatBreakdown> correctedVat) =>
        [.. Split(gross, correctedVat).Select((v, i) => new DocumentLine(i + 1, $"Montant rectifié de la facture {correctedNumber} (TVA {v.Rate.ToString("0.##", System.Globalization.CultureInfo.InvariantCulture).Replace('.', ',')} %)", 1m, v.Basis, v.Rate, v.Basis, v.Amount))];

    public async Task<InvoiceDocumentModel> CreditNoteAsync(OrderToCashDbContext db, CreditNote note, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(note);
        var invoice = await db.Set<Invoice>().AsNoTracking().SingleAsync(i => i.Id == note.InvoiceId, cancellationToken).ConfigureAwait(false);
        var customer = await db.Set<Customer>().AsNoTracking().SingleAsync(c => c.Id == note.CustomerId, cancellationToken).ConfigureAwait(false);
        var invoiceVat = Breakdown(await LinesAsync(db, invoice, cancellationToken).ConfigureAwait(false));
        var split = Split(note.Amount, invoiceVat);
        var lines = split.Select((v, i) => new DocumentLine(i + 1, $"Avoir sur la facture {invoice.Number} ({note.Reason})", 1m, v.Basis, v.Rate, v.Basis, v.Amount)).ToList();
        return new InvoiceDocumentModel
        {
            Kind = DocumentKind.CreditNote,
            Number = note.Number,
            IssueDate = note.IssueDate,
            Currency = note.Currency,
            Seller = Seller(invoice),
            Buyer = Buyer(invoice, customer),
            OrderNumber = invoice.OrderNumber,
            DeliveryDate = invoice.DeliveryDate,
            DueDate = null,
            PaymentTermsText = $"Avoir imputé sur la facture {invoice.Number}.",
            Lines = lines,
            Vat = split,
            NetTotal = split.Sum(v => v.Basis),
            VatTotal = split.Sum(v => v.Amount),
            GrossTotal = note.Amount,
            PenaltyClause = invoice.PenaltyClause,
            RecoveryIndemnity = invoice.RecoveryIndemnity,
            PrecedingInvoiceNumber = invoice.Number,
            PrecedingInvoiceDate = invoice.IssueDate,
            Note = $"Motif de l'avoir : {note.Reason}",
            SellerIban = null,
            SellerBic = null,
        };
    }

    /// <summary>The gross amount <paramref name="gross"/> over the invoice's rates, in proportion to their gross; each part's VAT rounded to the cent.</summary>
    public static IReadOnlyList<VatBreakdown> Split(decimal gross, IReadOnlyList<VatBreakdown> invoiceVat)
    {
        ArgumentNullException.ThrowIfNull(invoiceVat);
        if (invoiceVat.Count == 0)
        {
            return [new VatBreakdown(0m, gross, 0m)];
        }

        var invoiceGross = invoiceVat.Sum(v => v.Basis + v.Amount);
        var parts = new List<VatBreakdown>();
        var left = gross;
        for (var i = 0; i < invoiceVat.Count; i++)
        {
            var rate = invoiceVat[i].Rate;
            var partGross = i == invoiceVat.Count - 1 || invoiceGross == 0m
                ? left
                : Math.Round(gross * (invoiceVat[i].Basis + invoiceVat[i].Amount) / invoiceGross, 2, MidpointRounding.AwayFromZero);
            left -= partGross;
            var basis = Math.Round(partGross * 100m / (100m + rate), 2, MidpointRounding.AwayFromZero);
            parts.Add(new VatBreakdown(rate, basis, partGross - basis));
            if (i == invoiceVat.Count - 1 || invoiceGross == 0m)
            {
                break;
            }
        }

        return parts;
    }

    private DocumentParty Seller(Invoice invoice)
    {
        var seller = company.Value;
        return new DocumentParty(seller.LegalName, invoice.SellerSiren, invoice.SellerVatNumber, new Address(seller.AddressLine1, null, seller.PostalCode, seller.City, seller.CountryCode));
    }

    private static DocumentParty Buyer(Invoice invoice, Customer customer) =>
        new(customer.LegalName, invoice.CustomerSiren, invoice.CustomerVatNumber, customer.BillingAddress);

    private static async Task<IReadOnlyList<DocumentLine>> LinesAsync(OrderToCashDbContext db, Invoice invoice, CancellationToken cancellationToken)
    {
        if (invoice.CorrectsInvoiceNumber is { } correctedNumber)
        {
            var corrected = await db.Set<Invoice>().AsNoTracking().SingleAsync(i => i.Number == correctedNumber, cancellationToken).ConfigureAwait(false);
            return CorrectionLines(correctedNumber, invoice.GrossAmount, await VatAsync(db, corrected, cancellationToken).ConfigureAwait(false));
        }

        var order = invoice.OrderId is { } orderId
            ? await db.Set<Order>().AsNoTracking().SingleOrDefaultAsync(o => o.Id == orderId, cancellationToken).ConfigureAwait(false)
            : null;
        if (order is null || order.Lines.Count == 0)
        {
            // An invoice without an order (entered by hand): one line at the rate its amounts imply.
            var rate = invoice.NetAmount == 0m ? 0m : Math.Round(invoice.VatAmount * 100m / invoice.NetAmount, 1, MidpointRounding.AwayFromZero);
            return [new DocumentLine(1, $"Facture {invoice.Number}", 1m, invoice.NetAmount, rate, invoice.NetAmount, invoice.VatAmount)];
        }

        return [.. order.Lines.OrderBy(l => l.LineNumber).Select(l => new DocumentLine(l.LineNumber, l.Description, l.Quantity, l.UnitPrice, l.VatRate, l.NetAmount, l.VatAmount))];
    }

    private static List<VatBreakdown> Breakdown(IEnumerable<DocumentLine> lines) =>
        [.. lines.GroupBy(l => l.VatRate).OrderBy(g => g.Key).Select(g => new VatBreakdown(g.Key, g.Sum(l => l.NetAmount), g.Sum(l => l.VatAmount)))];

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;
}
