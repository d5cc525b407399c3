using OrderToCash.Core.Invoicing;
using OrderToCash.Core.Payments;

namespace OrderToCash.Host.Features.Invoicing;

/// <summary>An invoice in a list: amounts and where it stands.</summary>
internal sealed record InvoiceSummary(
    string Number, string CustomerId, string? OrderNumber, string Currency, DateOnly IssueDate, DateOnly DueDate,
    decimal GrossAmount, decimal PaidAmount, decimal CreditedAmount, decimal WrittenOffAmount, decimal DisputedAmount, decimal OpenAmount,
    DateOnly? SettledOn, bool Overdue, int ReminderLevel, EInvoicingStatus LifecycleStatus)
{
    public static InvoiceSummary From(Invoice i, DateOnly today) => new(
        i.Number, i.CustomerId, i.OrderNumber, i.Currency, i.IssueDate, i.DueDate, i.GrossAmount, i.PaidAmount, i.CreditedAmount,
        i.WrittenOffAmount, i.DisputedAmount, i.OpenAmount, i.SettledOn, !i.IsSettled && i.DueDate < today, i.ReminderLevel, i.LifecycleStatus);
}

/// <summary>One invoice with its mandatory mentions and everything that happened to it.</summary>
internal sealed record InvoiceDetails(
    InvoiceSummary Invoice,
    InvoiceMentions Mentions,
    decimal LateInterest,
    decimal IndemnityCharged,
    string? WriteOffReason,
    DateOnly? WrittenOffOn,
    string? DunningInstanceId,
    IReadOnlyList<InvoicePaymentView> Payments,
    IReadOnlyList<CreditNoteView> CreditNotes,
    IReadOnlyList<LifecycleEventView> LifecycleEvents,
    IReadOnlyList<StatusSentView> StatusesSent,
    InvoiceCorrectionView Correction);

/// <summary>
/// How the invoice stands in a correction (facture rectificative): the invoice it corrects and the credit note that
/// cancelled that one, and the corrected invoices that replaced it (empty lists and nulls for an ordinary invoice).
/// </summary>
internal sealed record InvoiceCorrectionView(string? CorrectsInvoiceNumber, string? CorrectionCreditNoteNumber, IReadOnlyList<string> CorrectedByInvoiceNumbers);

/// <summary>An e-invoicing status we queued for the platform (Encaissée on settlement) and whether it has gone.</summary>
internal sealed record StatusSentView(EInvoicingStatus Status, string MessageId, decimal Amount, DateOnly EffectiveOn, DateTimeOffset QueuedAt, DateTimeOffset? SentAt)
{
    public static StatusSentView From(EInvoicingStatusMessage m) => new(m.Status, m.MessageId, m.Amount, m.EffectiveOn, m.QueuedAt, m.SentAt);
}

/// <summary>What French law requires on the invoice (L441-9 Code de commerce, art. 242 nonies A CGI), as printed.</summary>
internal sealed record InvoiceMentions(
    string SellerSiren, string SellerVatNumber, string CustomerSiren, string CustomerVatNumber, DateOnly DeliveryDate, DateOnly DueDate,
    string PaymentTerms, decimal NetAmount, decimal VatAmount, decimal GrossAmount, string PenaltyClause, decimal RecoveryIndemnity,
    string Segment, string Salesperson, string ProductFamily)
{
    public static InvoiceMentions From(Invoice i) => new(
        i.SellerSiren, i.SellerVatNumber, i.CustomerSiren, i.CustomerVatNumber, i.DeliveryDate, i.DueDate, i.PaymentTermsText,
        i.NetAmount, i.VatAmount, i.GrossAmount, i.PenaltyClause, i.RecoveryIndemnity, i.Segment, i.Salesperson, i.ProductFamily);
}

internal sealed record InvoicePaymentView(string Reference, decimal Amount, DateOnly ReceivedOn)
{
    public static InvoicePaymentView From(PaymentAllocation allocation, Payment payment) => new(payment.Reference, allocation.Amount, allocation.AppliedOn);
}

internal sealed record CreditNoteView(string Number, decimal Amount, DateOnly IssueDate, string Reason, string IssuedBy)
{
    public static CreditNoteView From(CreditNote n) => new(n.Number, n.Amount, n.IssueDate, n.Reason, n.IssuedBy);
}

internal sealed record LifecycleEventView(EInvoicingStatus Status, string? ReasonCode, string? Comment, DateTimeOffset ReceivedAt)
{
    public static LifecycleEventView From(InvoiceLifecycleEvent e) => new(e.Status, e.ReasonCode, e.Comment, e.ReceivedAt);
}
