using OrderToCash.Core.Invoicing;
using OrderToCash.Core.Reasons;

namespace OrderToCash.Core.Disputes;

/// <summary>
/// A customer contests all or part of an invoice. It keeps its reason, owning department, timestamps and outcome
/// for the root-cause loop; only its amount is held back from the reminders.
/// </summary>
public sealed class Dispute
{
    public Guid Id { get; init; } = Guid.NewGuid();

    /// <summary>LI-2026-000001 (litige), from its own series.</summary>
    public required string Number { get; init; }

    public Guid InvoiceId { get; init; }

    public required string InvoiceNumber { get; init; }

    public required string CustomerId { get; init; }

    public required string Currency { get; init; }

    public decimal Amount { get; init; }

    /// <summary>A reason code of the taxonomy (our code, after mapping an e-invoicing code).</summary>
    public required string ReasonCode { get; init; }

    /// <summary>The e-invoicing refusal code as received, when the dispute came from the platform.</summary>
    public string? EInvoicingCode { get; init; }

    public string? Comment { get; init; }

    public DisputeSource Source { get; init; }

    public required string RaisedBy { get; init; }

    public DateTimeOffset RaisedAt { get; init; }

    /// <summary>The owning department chosen by the dispute-routing rules (null: route by hand).</summary>
    public string? Department { get; set; }

    /// <summary>The routing rule that matched, and its decision record.</summary>
    public string? Route { get; set; }

    public long? RoutingDecisionId { get; set; }

    public DateTimeOffset? SlaDueAt { get; set; }

    public bool CreditManagerAttention { get; set; }

    /// <summary>When the SLA timer fired before resolution (the dispute was escalated).</summary>
    public DateTimeOffset? EscalatedAt { get; set; }

    /// <summary>The dispute workflow instance.</summary>
    public string? InstanceId { get; set; }

    public DisputeStatus Status { get; private set; } = DisputeStatus.Open;

    public DisputeOutcome? Outcome { get; private set; }

    public DateTimeOffset? ResolvedAt { get; private set; }

    public string? ResolvedBy { get; private set; }

    public string? ResolutionComment { get; private set; }

    public Money Disputed => new(Amount, Currency);

    public void Resolve(DisputeOutcome outcome, string by, string? comment, DateTimeOffset at)
    {
        if (Status != DisputeStatus.Open)
        {
            throw new LedgerException($"Dispute {Number} is already resolved ({Outcome} by {ResolvedBy}).");
        }

        (Status, Outcome, ResolvedBy, ResolutionComment, ResolvedAt) = (DisputeStatus.Resolved, outcome, by, comment, at);
    }
}

public enum DisputeStatus
{
    Open,
    Resolved,
}

public enum DisputeSource
{
    /// <summary>Raised by a collector, a salesperson or sales administration.</summary>
    Internal,

    /// <summary>Raised by the customer on the portal.</summary>
    Portal,

    /// <summary>Opened by a Refusée / En litige e-invoicing status.</summary>
    EInvoicing,
}

public enum DisputeOutcome
{
    /// <summary>Justified: a credit note for the disputed amount.</summary>
    CreditNote,

    /// <summary>Justified: the invoice is cancelled by a credit note and a corrected invoice is issued.</summary>
    CorrectedInvoice,

    /// <summary>The customer had not received it: sent again, nothing owed changes.</summary>
    Resend,

    /// <summary>Not justified: the amount is owed and the reminders resume.</summary>
    Rejected,
}
