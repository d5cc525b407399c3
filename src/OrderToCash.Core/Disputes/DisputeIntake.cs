using System.Globalization;
using Microsoft.EntityFrameworkCore;
using OrderToCash.Core.Infrastructure.Persistence;
using OrderToCash.Core.Invoicing;
using OrderToCash.Core.Numbering;
using OrderToCash.Core.Reasons;

namespace OrderToCash.Core.Disputes;

/// <param name="Amount">The contested part of the invoice.</param>
/// <param name="ReasonCode">A code of the taxonomy (GET /api/reasons).</param>
/// <param name="Comment">The customer's or collector's words.</param>
/// <param name="TransportDamage">Damaged goods: the damage happened in transport (routes to the carrier claim).</param>
/// <param name="DealNotEntered">Price error: a deal agreed by sales was never entered (routes to sales).</param>
public sealed record NewDispute(decimal? Amount, string? ReasonCode, string? Comment, bool? TransportDamage, bool? DealNotEntered);

/// <summary>
/// Opens a dispute on an invoice in the caller's unit of work: checks the reason against the taxonomy and the amount
/// against what is open and not yet disputed, numbers it (LI- series), and holds its amount back from the reminders
/// (<see cref="Invoice.DisputeOpened"/>). Nothing is added when anything is wrong.
/// </summary>
public static class DisputeIntake
{
    public const int MaxCommentLength = 2000;

    public static async Task<Dictionary<string, string[]>> CheckAsync(OrderToCashDbContext db, Invoice invoice, NewDispute request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(invoice);
        ArgumentNullException.ThrowIfNull(request);
        var problems = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var reason = request.ReasonCode?.Trim();
        if (string.IsNullOrEmpty(reason))
        {
            problems["reasonCode"] = ["A reason code is required (see GET /api/reasons)."];
        }
        else if (!await db.Set<ReasonCode>().AnyAsync(r => r.Code == reason, cancellationToken).ConfigureAwait(false))
        {
            problems["reasonCode"] = [$"'{reason}' is not a reason code of the taxonomy (see GET /api/reasons)."];
        }

        var available = invoice.OpenAmount - invoice.DisputedAmount;
        if (request.Amount is not { } amount || amount <= 0m)
        {
            problems["amount"] = [$"The disputed amount must be positive (got {request.Amount?.ToString(CultureInfo.InvariantCulture) ?? "nothing"})."];
        }
        else if (decimal.Round(amount, 2) != amount)
        {
            problems["amount"] = ["The disputed amount has more than two decimals."];
        }
        else if (amount > available)
        {
            problems["amount"] = [$"The disputed amount {new Money(amount, invoice.Currency)} exceeds what is open and not yet disputed on {invoice.Number} ({new Money(Math.Max(0m, available), invoice.Currency)})."];
        }

        if (request.Comment is { Length: > MaxCommentLength })
        {
            problems["comment"] = [$"The comment is limited to {MaxCommentLength} characters."];
        }

        return problems;
    }

    /// <summary>Adds the dispute (call <see cref="CheckAsync"/> first); the caller saves.</summary>
    public static async Task<Dispute> AddAsync(
        OrderToCashDbContext db, Invoice invoice, NewDispute request, DisputeSource source, string? eInvoicingCode, string by, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(invoice);
        ArgumentNullException.ThrowIfNull(request);
        var amount = new Money(request.Amount!.Value, invoice.Currency);
        invoice.DisputeOpened(amount);
        var number = await InvoiceNumbering.NextAsync(db, DisputeWorkflow.NumberPrefix, DateOnly.FromDateTime(now.UtcDateTime), cancellationToken).ConfigureAwait(false);
        var dispute = new Dispute
        {
            Number = number,
            InvoiceId = invoice.Id,
            InvoiceNumber = invoice.Number,
            CustomerId = invoice.CustomerId,
            Currency = invoice.Currency,
            Amount = amount.Amount,
            ReasonCode = request.ReasonCode!.Trim(),
            EInvoicingCode = eInvoicingCode,
            Comment = request.Comment,
            Source = source,
            RaisedBy = by,
            RaisedAt = now,
        };
        db.Add(dispute);
        return dispute;
    }
}
