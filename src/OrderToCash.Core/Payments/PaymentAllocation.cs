namespace OrderToCash.Core.Payments;

/// <summary>The part of a payment applied to one invoice.</summary>
public sealed class PaymentAllocation
{
    public long Id { get; init; }

    public Guid PaymentId { get; init; }

    public Guid InvoiceId { get; init; }

    public decimal Amount { get; init; }

    public DateOnly AppliedOn { get; init; }
}
