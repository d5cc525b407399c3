using OrderToCash.Core.Infrastructure.Persistence;

namespace OrderToCash.Core.Disputes;

/// <param name="Outcome">The status recorded (or found: the same message id twice), null when refused.</param>
/// <param name="InvoiceNumber">The invoice it was recorded on.</param>
/// <param name="Dispute">The dispute a Refusée / En litige status opened, as saved once its workflow started.</param>
/// <param name="Problems">Why it was refused, by field (nothing written).</param>
/// <param name="WorkflowMissing">The status opens a dispute but dispute.bpmn is not published: nothing was written.</param>
public sealed record LifecycleStatusRecorded(
    LifecycleOutcome? Outcome, string? InvoiceNumber, Dispute? Dispute, IReadOnlyDictionary<string, string[]> Problems, bool WorkflowMissing);

/// <summary>
/// Recording an e-invoicing lifecycle status received from the platform: the same message id twice is recorded once;
/// a Refusée / En litige status with a reason code opens a dispute whose workflow starts in the same transaction. A write
/// that lost a race (the same message recorded concurrently, the series' number taken) runs again on fresh data.
/// </summary>
public sealed class LifecycleStatusRecording(Func<OrderToCashDbContext> createContext, DisputeWorkflowStarter workflows, TimeProvider clock)
{
    public async Task<LifecycleStatusRecorded> RecordAsync(InvoiceFinder findInvoice, NewLifecycleStatus request, string by, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(findInvoice);
        ArgumentNullException.ThrowIfNull(request);
        var recorded = await LostRace.RetryAsync(async _ =>
        {
            await using var db = createContext();
            var invoice = await findInvoice(db, cancellationToken).ConfigureAwait(false);
            var (outcome, problems) = await EInvoicingIntake.RecordAsync(db, invoice, request, by, clock.GetUtcNow(), cancellationToken).ConfigureAwait(false);
            if (outcome is null || outcome.Duplicate)
            {
                return new LifecycleStatusRecorded(outcome, invoice.Number, null, problems, WorkflowMissing: false);
            }

            if (outcome.Dispute is not null && !workflows.IsAvailable)
            {
                return new LifecycleStatusRecorded(null, invoice.Number, null, problems, WorkflowMissing: true);
            }

            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
            await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
            if (outcome.Dispute is { } opened)
            {
                await workflows.StartInAsync(db, opened, transportDamage: false, dealNotEntered: false, cancellationToken).ConfigureAwait(false);
            }

            await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
            return new LifecycleStatusRecorded(outcome, invoice.Number, outcome.Dispute, problems, WorkflowMissing: false);
        }, cancellationToken).ConfigureAwait(false);
        if (recorded.Dispute is not { } dispute)
        {
            return recorded;
        }

        return recorded with { Dispute = await DisputeRaising.ReadAsync(createContext, dispute.Id, cancellationToken).ConfigureAwait(false) };
    }
}
