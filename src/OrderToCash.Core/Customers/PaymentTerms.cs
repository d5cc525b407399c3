namespace OrderToCash.Core.Customers;

/// <summary>
/// Agreed payment terms and the due date they give. Whether terms are allowed is decided by the
/// <c>payment-terms</c> rules; this type only does the calendar arithmetic.
/// </summary>
public sealed record PaymentTerms(int Days, PaymentTermBasis Basis)
{
    /// <summary>The legal default: 30 days after delivery.</summary>
    public static readonly PaymentTerms LegalDefault = new(30, PaymentTermBasis.Delivery);

    /// <summary>
    /// The due date. "45 days end of month" is computed as the invoice date plus the days, then the end of that month,
    /// the reading the DGCCRF accepts and most French companies use (documented in docs/adr/0006).
    /// </summary>
    public DateOnly DueDate(DateOnly invoiceDate, DateOnly deliveryDate)
    {
        if (Days < 0)
        {
            throw new InvalidOperationException($"Payment terms cannot have {Days} days.");
        }

        return Basis switch
        {
            PaymentTermBasis.Delivery => deliveryDate.AddDays(Days),
            PaymentTermBasis.InvoiceDate => invoiceDate.AddDays(Days),
            PaymentTermBasis.EndOfMonth => EndOfMonth(invoiceDate.AddDays(Days)),
            _ => throw new InvalidOperationException($"Unknown payment term basis {Basis}."),
        };
    }

    public override string ToString() => Basis switch
    {
        PaymentTermBasis.Delivery => $"{Days} days from delivery",
        PaymentTermBasis.InvoiceDate => $"{Days} days from invoice date",
        _ => $"{Days} days end of month",
    };

    private static DateOnly EndOfMonth(DateOnly date) => new(date.Year, date.Month, DateTime.DaysInMonth(date.Year, date.Month));
}
