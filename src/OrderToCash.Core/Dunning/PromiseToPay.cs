using OrderToCash.Core.Invoicing;

namespace OrderToCash.Core.Dunning;

/// <summary>
/// The customer commits to pay an amount on an invoice by a date. While pending it pauses the reminder ladder; on its
/// date plus the tolerance days it is checked against what was paid since it was made: kept, partially kept, broken.
/// </summary>
public sealed class PromiseToPay
{
    public Guid Id { get; init; } = Guid.NewGuid();

    public Guid InvoiceId { get; init; }

    public required string InvoiceNumber { get; init; }

    public required string CustomerId { get; init; }

    public required string Currency { get; init; }

    public decimal Amount { get; init; }

    public DateOnly PromisedFor { get; init; }

    /// <summary>Days of grace after the promised date before the promise is judged (bank delays).</summary>
    public int ToleranceDays { get; init; }

    /// <summary>What had been paid on the invoice when the promise was made: payments (only) after it count toward the promise.</summary>
    public decimal PaidBefore { get; init; }

    public required string RecordedBy { get; init; }

    public DateTimeOffset RecordedAt { get; init; }

    public PromiseStatus Status { get; private set; } = PromiseStatus.Pending;

    public DateOnly? CheckedOn { get; private set; }

    /// <summary>What was paid toward the promise when it was judged.</summary>
    public decimal PaidToward { get; private set; }

    /// <summary>The workflow instance whose timer checks the promise on its date.</summary>
    public string? InstanceId { get; set; }

    public DateOnly CheckDate => PromisedFor.AddDays(ToleranceDays);

    /// <summary>Judges the promise from the invoice's payments since it was made.</summary>
    public PromiseStatus Check(Invoice invoice, DateOnly on)
    {
        ArgumentNullException.ThrowIfNull(invoice);
        if (Status != PromiseStatus.Pending)
        {
            return Status;
        }

        // Only money counts: a credit note or a write-off closing the invoice is not the customer keeping its word.
        PaidToward = Math.Max(0m, invoice.PaidAmount - PaidBefore);
        Status = PaidToward >= Amount ? PromiseStatus.Kept
            : PaidToward > 0m ? PromiseStatus.PartiallyKept
            : PromiseStatus.Broken;
        CheckedOn = on;
        return Status;
    }
}

public enum PromiseStatus
{
    Pending,
    Kept,
    PartiallyKept,
    Broken,
}
