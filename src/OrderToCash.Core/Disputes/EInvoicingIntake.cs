using Microsoft.EntityFrameworkCore;
using OrderToCash.Core.Infrastructure.Persistence;
using OrderToCash.Core.Invoicing;
using OrderToCash.Core.Reasons;

namespace OrderToCash.Core.Disputes;

/// <param name="Status">Deposee, Rejetee, Refusee, EnLitige, Suspendue, Encaissee (the French labels are accepted too).</param>
/// <param name="ReasonCode">The platform's reason code (e.g. PU_ERR), required for Refusée and En litige.</param>
/// <param name="MessageId">The platform's message id: the same message twice is recorded once.</param>
/// <param name="Comment">The buyer's words.</param>
/// <param name="Amount">The contested amount; the whole amount open and not yet disputed when not given.</param>
public sealed record NewLifecycleStatus(string? Status, string? ReasonCode, string? MessageId, string? Comment, decimal? Amount);

/// <param name="Event">The recorded status (the earlier one for a duplicate).</param>
/// <param name="Duplicate">The message id was already recorded: nothing changed.</param>
/// <param name="Dispute">The dispute the status opened, if any.</param>
public sealed record LifecycleOutcome(InvoiceLifecycleEvent Event, bool Duplicate, Dispute? Dispute);

/// <summary>
/// Records an e-invoicing lifecycle status of an invoice. A Refusée or En litige status with a reason code is a ready-made
/// dispute: the platform's code is mapped through the taxonomy (PU_ERR → PRICE_ERROR) and a dispute is opened in the same
/// transaction (source EInvoicing), then routed by its workflow like any other.
/// </summary>
public static class EInvoicingIntake
{
    public const int MaxMessageIdLength = 200;

    private static readonly Dictionary<string, EInvoicingStatus> FrenchLabels = new(StringComparer.OrdinalIgnoreCase)
    {
        ["Déposée"] = EInvoicingStatus.Deposee,
        ["Rejetée"] = EInvoicingStatus.Rejetee,
        ["Refusée"] = EInvoicingStatus.Refusee,
        ["En litige"] = EInvoicingStatus.EnLitige,
        ["Suspendue"] = EInvoicingStatus.Suspendue,
        ["Encaissée"] = EInvoicingStatus.Encaissee,
    };

    public static bool TryParseStatus(string? text, out EInvoicingStatus status)
    {
        status = default;
        var trimmed = text?.Trim();
        if (string.IsNullOrEmpty(trimmed))
        {
            return false;
        }

        return FrenchLabels.TryGetValue(trimmed, out status)
            || (Enum.TryParse(trimmed, ignoreCase: true, out status) && Enum.IsDefined(status) && !char.IsDigit(trimmed[0]));
    }

    public static async Task<(LifecycleOutcome? Outcome, Dictionary<string, string[]> Problems)> RecordAsync(
        OrderToCashDbContext db, Invoice invoice, NewLifecycleStatus request, string by, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(invoice);
        ArgumentNullException.ThrowIfNull(request);
        var problems = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var messageId = request.MessageId?.Trim();
        if (string.IsNullOrEmpty(messageId) || messageId.Length > MaxMessageIdLength)
        {
            problems["messageId"] = [$"The platform's message id is required (at most {MaxMessageIdLength} characters)."];
            return (null, problems);
        }

        var earlier = await db.Set<InvoiceLifecycleEvent>().AsNoTracking().FirstOrDefaultAsync(e => e.MessageId == messageId, cancellationToken).ConfigureAwait(false);
        if (earlier is not null)
        {
            return (new LifecycleOutcome(earlier, Duplicate: true, null), problems);
        }

        if (!TryParseStatus(request.Status, out var status))
        {
            problems["status"] = [$"'{request.Status}' is not a lifecycle status; use one of {string.Join(", ", Enum.GetNames<EInvoicingStatus>())} (or the French labels)."];
            return (null, problems);
        }

        var opensDispute = status is EInvoicingStatus.Refusee or EInvoicingStatus.EnLitige;
        var code = request.ReasonCode?.Trim();
        ReasonCode? reason = null;
        if (opensDispute && string.IsNullOrEmpty(code))
        {
            problems["reasonCode"] = [$"A {status} status needs the platform's reason code (e.g. PU_ERR)."];
        }
        else if (!string.IsNullOrEmpty(code))
        {
            reason = await ReasonTaxonomy.MapAsync(db, code, cancellationToken).ConfigureAwait(false);
            if (reason is null)
            {
                problems["reasonCode"] = [$"'{code}' maps to no reason of the taxonomy: add it to a reason's eInvoicingCodes (PUT /api/reasons/{{code}})."];
            }
        }

        if (request.Comment is { Length: > DisputeIntake.MaxCommentLength })
        {
            problems["comment"] = [$"The comment is limited to {DisputeIntake.MaxCommentLength} characters."];
        }

        if (problems.Count > 0)
        {
            return (null, problems);
        }

        Dispute? dispute = null;
        // The platform's status is a fact and is always recorded; a dispute opens only when something is left to contest
        // (an invoice already settled or fully disputed keeps its status history without a second dispute).
        if (opensDispute && (request.Amount is not null || invoice.OpenAmount - invoice.DisputedAmount > 0m))
        {
            var disputeRequest = new NewDispute(request.Amount ?? invoice.OpenAmount - invoice.DisputedAmount, reason!.Code, request.Comment, false, false);
            var disputeProblems = await DisputeIntake.CheckAsync(db, invoice, disputeRequest, cancellationToken).ConfigureAwait(false);
            if (disputeProblems.Count > 0)
            {
                return (null, disputeProblems);
            }

            dispute = await DisputeIntake.AddAsync(db, invoice, disputeRequest, DisputeSource.EInvoicing, code, by, now, cancellationToken).ConfigureAwait(false);
        }

        var recorded = new InvoiceLifecycleEvent
        {
            InvoiceId = invoice.Id,
            Status = status,
            ReasonCode = code,
            Comment = request.Comment,
            ReceivedAt = now,
            MessageId = messageId,
            DisputeId = dispute?.Id,
        };
        db.Add(recorded);
        invoice.LifecycleStatus = status;
        return (new LifecycleOutcome(recorded, Duplicate: false, dispute), problems);
    }
}
