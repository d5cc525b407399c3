namespace OrderToCash.Core.RootCauses;

/// <summary>One dispute or late-paid invoice that made the cause recurring: the department reads the cases, not only the count.</summary>
public sealed class ImprovementTaskEvidence
{
    public long Id { get; init; }

    public Guid TaskId { get; init; }

    public Guid InvoiceId { get; init; }

    public required string InvoiceNumber { get; init; }

    /// <summary>Null for a late payment without dispute.</summary>
    public Guid? DisputeId { get; init; }

    public string? DisputeNumber { get; init; }

    public decimal Amount { get; init; }

    public DateOnly OccurredOn { get; init; }
}
