using OrderToCash.Core.Invoicing;

namespace OrderToCash.Core.Payments;

/// <summary>
/// Money received from a customer. It is applied to invoices (allocations); what no invoice absorbs stays
/// unapplied on the customer's account (an over-payment or a payment without a usable reference).
/// </summary>
public sealed class Payment
{
    public Guid Id { get; init; } = Guid.NewGuid();

    /// <summary>The bank reference: unique, so the same bank line imported twice is refused.</summary>
    public required string Reference { get; init; }

    public required string CustomerId { get; init; }

    public required string Currency { get; init; }

    public decimal Amount { get; init; }

    public DateOnly ReceivedOn { get; init; }

    /// <summary>The invoice number the customer quoted, if any (matching by reference first).</summary>
    public string? RemittanceInfo { get; init; }

    public decimal UnappliedAmount { get; private set; }

    public required string RecordedBy { get; init; }

    public DateTimeOffset RecordedAt { get; init; }

    public long Version { get; private set; }

    public Money Unapplied => new(UnappliedAmount, Currency);

    public static Payment Receive(string reference, string customerId, Money amount, DateOnly receivedOn, string? remittanceInfo, string recordedBy, DateTimeOffset recordedAt)
    {
        if (amount.Amount <= 0m)
        {
            throw new LedgerException($"A payment must be a positive amount, not {amount}.");
        }

        return new Payment
        {
            Reference = reference,
            CustomerId = customerId,
            Currency = amount.Currency,
            Amount = amount.Amount,
            ReceivedOn = receivedOn,
            RemittanceInfo = remittanceInfo,
            UnappliedAmount = amount.Amount,
            RecordedBy = recordedBy,
            RecordedAt = recordedAt,
        };
    }

    /// <summary>Applies up to the unapplied amount to the invoice's open amount; returns the allocation (null when nothing applies).</summary>
    public PaymentAllocation? ApplyTo(Invoice invoice) => ApplyTo(invoice, decimal.MaxValue);

    /// <summary>Applies at most <paramref name="maximum"/> (a collector's chosen amount) of the unapplied amount to the invoice.</summary>
    public PaymentAllocation? ApplyTo(Invoice invoice, decimal maximum)
    {
        ArgumentNullException.ThrowIfNull(invoice);
        var amount = Math.Min(maximum, Math.Min(UnappliedAmount, invoice.OpenAmount));
        if (amount <= 0m)
        {
            return null;
        }

        invoice.ApplyPayment(new Money(amount, Currency), ReceivedOn);
        UnappliedAmount -= amount;
        Version++;
        return new PaymentAllocation { PaymentId = Id, InvoiceId = invoice.Id, Amount = amount, AppliedOn = ReceivedOn };
    }
}
