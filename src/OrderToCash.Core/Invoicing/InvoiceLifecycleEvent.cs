namespace OrderToCash.Core.Invoicing;

/// <summary>One e-invoicing lifecycle status of an invoice, as received from the platform or set by us.</summary>
public sealed class InvoiceLifecycleEvent
{
    public long Id { get; init; }

    public Guid InvoiceId { get; init; }

    public EInvoicingStatus Status { get; init; }

    /// <summary>The platform's reason code (e.g. PU_ERR) for Refusée / En litige / Rejetée.</summary>
    public string? ReasonCode { get; init; }

    public string? Comment { get; init; }

    public DateTimeOffset ReceivedAt { get; init; }

    /// <summary>The platform's message id: the same status message received twice is recorded once.</summary>
    public required string MessageId { get; init; }

    /// <summary>The dispute this status opened, if any.</summary>
    public Guid? DisputeId { get; set; }
}
