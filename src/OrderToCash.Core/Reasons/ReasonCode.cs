namespace OrderToCash.Core.Reasons;

/// <summary>
/// One entry of the reason taxonomy (data, not an enum: the business edits it without code). A dispute reason or a
/// late-payment reason, with the department that usually causes it and the e-invoicing refusal codes that map to it.
/// </summary>
public sealed class ReasonCode
{
    /// <summary>E.g. PRICE_ERROR, CUSTOMER_CASH_DIFFICULTY.</summary>
    public required string Code { get; init; }

    public ReasonKind Kind { get; set; }

    public required string Label { get; set; }

    /// <summary>The usual owning department (Sales, ADV, Logistics, Quality, Billing, Accounting, Credit, Treasury, Collections...).</summary>
    public required string Department { get; set; }

    /// <summary>E-invoicing refusal codes mapped to this reason, comma-separated (e.g. "PU_ERR,REM_ERR").</summary>
    public string EInvoicingCodes { get; set; } = string.Empty;

    public IEnumerable<string> EInvoicingCodeList => EInvoicingCodes.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}

public enum ReasonKind
{
    Dispute,
    LatePayment,
}
