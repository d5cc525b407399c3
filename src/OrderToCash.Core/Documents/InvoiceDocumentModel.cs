using OrderToCash.Core.Customers;

namespace OrderToCash.Core.Documents;

/// <summary>
/// Everything printed on an invoice or credit note and written into its Factur-X XML, read from the ledger as issued
/// (payments made since do not change the document). Amounts in the document's currency, to the cent.
/// </summary>
public sealed record InvoiceDocumentModel
{
    public required DocumentKind Kind { get; init; }

    /// <summary>FA-2026-000001 or AV-2026-000001.</summary>
    public required string Number { get; init; }

    public required DateOnly IssueDate { get; init; }

    public required string Currency { get; init; }

    public required DocumentParty Seller { get; init; }

    public required DocumentParty Buyer { get; init; }

    public string? OrderNumber { get; init; }

    public DateOnly? DeliveryDate { get; init; }

    public DateOnly? DueDate { get; init; }

    public required string PaymentTermsText { get; init; }

    public required IReadOnlyList<DocumentLine> Lines { get; init; }

    /// <summary>One row per VAT rate: the sums of the lines at that rate (each line's VAT rounded to the cent, as the ledger does).</summary>
    public required IReadOnlyList<VatBreakdown> Vat { get; init; }

    public required decimal NetTotal { get; init; }

    public required decimal VatTotal { get; init; }

    public required decimal GrossTotal { get; init; }

    /// <summary>The late-payment penalty clause (L441-10 II) as printed at issue.</summary>
    public required string PenaltyClause { get; init; }

    /// <summary>The fixed recovery indemnity (D441-5), 40 EUR.</summary>
    public required decimal RecoveryIndemnity { get; init; }

    /// <summary>For a credit note: the invoice it reduces; for a corrected invoice: the invoice it corrects.</summary>
    public string? PrecedingInvoiceNumber { get; init; }

    public DateOnly? PrecedingInvoiceDate { get; init; }

    /// <summary>For a credit note: why it was issued; for a corrected invoice: what it corrects.</summary>
    public string? Note { get; init; }

    /// <summary>The seller's bank account for credit transfers (printed and written as the payment means), when configured.</summary>
    public string? SellerIban { get; init; }

    public string? SellerBic { get; init; }
}

public enum DocumentKind
{
    /// <summary>Facture (UNTDID 1001 code 380).</summary>
    Invoice,

    /// <summary>Avoir (UNTDID 1001 code 381).</summary>
    CreditNote,

    /// <summary>Facture rectificative (UNTDID 1001 code 384): replaces an invoice cancelled by a credit note.</summary>
    CorrectedInvoice,
}

/// <param name="Name">Legal name.</param>
/// <param name="Siren">SIREN (legal registration identifier, scheme 0002).</param>
/// <param name="VatNumber">Intra-community VAT number.</param>
/// <param name="Address">Postal address.</param>
public sealed record DocumentParty(string Name, string Siren, string VatNumber, Address Address);

/// <param name="LineNumber">1, 2, …</param>
/// <param name="Description">What was sold.</param>
/// <param name="Quantity">Units billed.</param>
/// <param name="UnitPrice">Net price of one unit.</param>
/// <param name="VatRate">In percent, e.g. 20 or 5.5.</param>
/// <param name="NetAmount">Quantity × unit price, rounded to the cent.</param>
/// <param name="VatAmount">The line's VAT, rounded to the cent.</param>
public sealed record DocumentLine(int LineNumber, string Description, decimal Quantity, decimal UnitPrice, decimal VatRate, decimal NetAmount, decimal VatAmount);

/// <param name="Rate">VAT rate in percent.</param>
/// <param name="Basis">Net amount taxed at that rate.</param>
/// <param name="Amount">VAT at that rate.</param>
public sealed record VatBreakdown(decimal Rate, decimal Basis, decimal Amount)
{
    /// <summary>UNCL 5305: S (standard rate) or Z (zero rate).</summary>
    public string CategoryCode => Rate == 0m ? "Z" : "S";
}
