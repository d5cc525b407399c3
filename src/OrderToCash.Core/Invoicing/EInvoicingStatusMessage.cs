namespace OrderToCash.Core.Invoicing;

/// <summary>
/// An e-invoicing lifecycle status we send to the platform (today: Encaissée when an invoice is paid), queued in the
/// settlement's transaction. Its message id is derived from the invoice and the status, so one invoice gives one
/// Encaissée message however many times the settlement is replayed (a unique index holds it).
/// </summary>
public sealed class EInvoicingStatusMessage
{
    public Guid Id { get; init; } = Guid.NewGuid();

    /// <summary><c>&lt;invoice number&gt;:&lt;status&gt;</c>, e.g. FA-2026-000001:Encaissee.</summary>
    public required string MessageId { get; init; }

    public Guid InvoiceId { get; init; }

    public required string InvoiceNumber { get; init; }

    public EInvoicingStatus Status { get; init; }

    /// <summary>For Encaissée: the amount collected (paid) on the invoice.</summary>
    public decimal Amount { get; init; }

    public required string Currency { get; init; }

    /// <summary>The day the status took effect (the settlement day).</summary>
    public DateOnly EffectiveOn { get; init; }

    public DateTimeOffset QueuedAt { get; init; }

    /// <summary>When the platform acknowledged it; null while queued.</summary>
    public DateTimeOffset? SentAt { get; private set; }

    public int Attempts { get; private set; }

    public string? LastError { get; private set; }

    public static string MessageIdFor(string invoiceNumber, EInvoicingStatus status) => $"{invoiceNumber}:{status}";

    public void Sent(DateTimeOffset at) => (SentAt, Attempts) = (at, Attempts + 1);

    public void Failed(string error) => (Attempts, LastError) = (Attempts + 1, error.Length > 1000 ? error[..1000] : error);
}
