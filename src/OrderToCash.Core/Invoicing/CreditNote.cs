namespace OrderToCash.Core.Invoicing;

/// <summary>A credit note (avoir) reducing one invoice, numbered in its own gapless series (AV-2026-000001).</summary>
public sealed class CreditNote
{
    public Guid Id { get; init; } = Guid.NewGuid();

    public required string Number { get; init; }

    public Guid InvoiceId { get; init; }

    public required string CustomerId { get; init; }

    public required string Currency { get; init; }

    /// <summary>The amount credited, incl. VAT, positive.</summary>
    public decimal Amount { get; init; }

    public DateOnly IssueDate { get; init; }

    public required string Reason { get; init; }

    /// <summary>The dispute it resolves, if any.</summary>
    public Guid? DisputeId { get; init; }

    public required string IssuedBy { get; init; }
}
