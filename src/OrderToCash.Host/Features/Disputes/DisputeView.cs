using System.Security.Claims;
using OrderToCash.Core.Disputes;
using OrderToCash.Host.Features.Invoicing;

namespace OrderToCash.Host.Features.Disputes;

/// <summary>A dispute as the API shows it: reason, owner, timestamps and outcome (what the root-cause loop reads).</summary>
internal sealed record DisputeView(
    string Number,
    string InvoiceNumber,
    string CustomerId,
    decimal Amount,
    string Currency,
    string ReasonCode,
    string? EInvoicingCode,
    string? Comment,
    DisputeSource Source,
    string RaisedBy,
    DateTimeOffset RaisedAt,
    string? Department,
    string? Route,
    DateTimeOffset? SlaDueAt,
    bool CreditManagerAttention,
    DateTimeOffset? EscalatedAt,
    DisputeStatus Status,
    DisputeOutcome? Outcome,
    DateTimeOffset? ResolvedAt,
    string? ResolvedBy,
    string? ResolutionComment,
    string? InstanceId)
{
    public static DisputeView From(Dispute d) => new(
        d.Number, d.InvoiceNumber, d.CustomerId, d.Amount, d.Currency, d.ReasonCode, d.EInvoicingCode, d.Comment, d.Source, d.RaisedBy, d.RaisedAt,
        d.Department, d.Route, d.SlaDueAt, d.CreditManagerAttention, d.EscalatedAt, d.Status, d.Outcome, d.ResolvedAt, d.ResolvedBy, d.ResolutionComment, d.InstanceId);

    /// <summary>The customer's portal user sees its dispute's progress, not the internal routing and credit follow-up.</summary>
    public static DisputeView For(Dispute d, ClaimsPrincipal user) => VisibleInvoices.IsCustomerOnly(user)
        ? From(d) with { Route = null, CreditManagerAttention = false, EscalatedAt = null, InstanceId = null }
        : From(d);
}
