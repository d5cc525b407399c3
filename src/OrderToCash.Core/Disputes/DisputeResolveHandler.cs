using Microsoft.EntityFrameworkCore;
using OrderToCash.Core.Dunning;
using OrderToCash.Core.Infrastructure.Persistence;
using OrderToCash.Core.Invoicing;
using OrderToCash.Core.Processes;
using OrderToCash.Engine.Handlers;

namespace OrderToCash.Core.Disputes;

/// <param name="DisputeNumber">The dispute being resolved.</param>
/// <param name="Outcome">CreditNote, CorrectedInvoice, Resend or Rejected (from the owner's task).</param>
/// <param name="Comment">The owner's explanation, kept with the dispute.</param>
/// <param name="CorrectedAmount">For CorrectedInvoice: the corrected total incl. VAT, in the invoice's currency.</param>
public sealed record DisputeResolveInput(string DisputeNumber, string? Outcome, string? Comment, decimal? CorrectedAmount = null);

/// <param name="Resolution">The outcome applied, or <c>refused</c> (the owner's task is asked again).</param>
/// <param name="RefusalReason">Why the answer was refused.</param>
public sealed record DisputeResolveOutput(string Resolution, string RefusalReason);

/// <summary>
/// Applies the owner's outcome in the step's transaction: a credit note for the disputed amount (CreditNote); the
/// credit note cancelling the invoice and the corrected invoice replacing it, both sent to the customer
/// (CorrectedInvoice, see <see cref="CorrectedInvoiceIssuer"/>); nothing owed changes (Resend, Rejected: the amount is reminded again; Resend also sends the
/// invoice's document again to the customer's contacts, see <see cref="ReminderStatements.ResendInvoice"/>); in every case the amount
/// is released from the dispute hold and the dunning workflow is told to re-plan (a message written in the same
/// transaction). The resolver is whoever claimed the task, so it must be claimed.
/// </summary>
[WorkflowHandler("dispute.resolve", "Applies a dispute's outcome (credit note, corrected invoice, resend, rejected) and resumes the reminders on what is still owed.")]
public sealed class DisputeResolveHandler(ReminderStatements statements, CorrectedInvoiceIssuer corrections, TimeProvider clock) : WorkflowHandler<DisputeResolveInput, DisputeResolveOutput>
{
    public const string Refused = "refused";

    /// <summary>The owner's tasks in dispute.bpmn are named resolveBy&lt;Role&gt;.</summary>
    public const string TaskPrefix = "resolveBy";

    protected override async ValueTask<DisputeResolveOutput> HandleAsync(DisputeResolveInput input, HandlerContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(context);
        var db = (OrderToCashDbContext)context.Services.GetService(typeof(OrderToCashDbContext))!;
        var resolver = context.CompletedTask is { } task && task.ElementId.StartsWith(TaskPrefix, StringComparison.Ordinal) ? task.ClaimedBy : null;
        if (resolver is null)
        {
            return Refuse("The task was completed without being claimed: claim it first, so the resolution has a name.");
        }

        if (!Enum.TryParse<DisputeOutcome>(input.Outcome?.Trim(), ignoreCase: true, out var outcome) || !Enum.IsDefined(outcome) || int.TryParse(input.Outcome, out _))
        {
            return Refuse($"'{input.Outcome}' is not an outcome: answer one of {string.Join(", ", Enum.GetNames<DisputeOutcome>())}.");
        }

        var dispute = await db.Set<Dispute>().SingleAsync(d => d.Number == input.DisputeNumber, cancellationToken).ConfigureAwait(false);
        var invoice = await db.Set<Invoice>().SingleAsync(i => i.Id == dispute.InvoiceId, cancellationToken).ConfigureAwait(false);
        // The task's completion checked the amount already (DisputeResolutionCheck); the invoice may have moved since.
        if (outcome == DisputeOutcome.CorrectedInvoice && CorrectedInvoiceIssuer.Problem(invoice, input.CorrectedAmount) is { } problem)
        {
            return Refuse(problem);
        }

        var now = clock.GetUtcNow();
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        dispute.Resolve(outcome, resolver, input.Comment, now);
        // The hold is released before the credit note reduces the open amount: the note's own clamp of the disputed
        // amount must not release it a second time (another open dispute on the invoice keeps its hold).
        invoice.DisputeClosed(dispute.Disputed);
        if (outcome is DisputeOutcome.CorrectedInvoice)
        {
            var (note, corrected) = await corrections.IssueAsync(db, invoice, new Money(input.CorrectedAmount!.Value, invoice.Currency), dispute, resolver, today, cancellationToken).ConfigureAwait(false);
            var customer = await db.Set<Customers.Customer>().AsNoTracking().SingleAsync(c => c.Id == invoice.CustomerId, cancellationToken).ConfigureAwait(false);
            statements.SendCorrection(db, customer, invoice, note, corrected, dispute.Number, now);
        }

        if (outcome is DisputeOutcome.CreditNote)
        {
            // A payment may have reduced the open amount since the dispute was raised: never credit more than is open.
            var credit = Math.Min(dispute.Amount, invoice.OpenAmount);
            if (credit > 0m)
            {
                await CreditNotes.IssueAsync(db, invoice, new Money(credit, invoice.Currency), $"Dispute {dispute.Number} ({dispute.ReasonCode}): {outcome}", dispute.Id, resolver, today, cancellationToken).ConfigureAwait(false);
            }
        }

        if (outcome is DisputeOutcome.Resend)
        {
            var customer = await db.Set<Customers.Customer>().AsNoTracking().SingleAsync(c => c.Id == invoice.CustomerId, cancellationToken).ConfigureAwait(false);
            statements.ResendInvoice(db, customer, invoice, dispute.Number, now);
        }

        await CycleMessageOutbox.EnqueueAsync(db, CycleMessages.DunningReplan, invoice.Number, $"dispute-closed:{dispute.Number}", now, cancellationToken).ConfigureAwait(false);
        if (invoice.IsSettled)
        {
            await CycleMessageOutbox.EnqueueAsync(db, CycleMessages.InvoiceSettled, invoice.Number, $"settled-by-dispute:{dispute.Number}", now, cancellationToken).ConfigureAwait(false);
        }

        return new DisputeResolveOutput(outcome.ToString(), string.Empty);
    }

    private static DisputeResolveOutput Refuse(string reason) => new(Refused, reason);
}
