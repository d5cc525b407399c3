using Microsoft.EntityFrameworkCore;
using OrderToCash.Core.Infrastructure.Persistence;
using OrderToCash.Core.Invoicing;

namespace OrderToCash.Core.Disputes;

/// <summary>Finds the invoice a request is about in a unit of work, in the caller's scope (a customer sees only its own).</summary>
public delegate Task<Invoice> InvoiceFinder(OrderToCashDbContext db, CancellationToken cancellationToken);

/// <param name="Dispute">The dispute as committed with its workflow started (routed), or null when refused.</param>
/// <param name="Problems">Why it was refused, by field (nothing written).</param>
/// <param name="WorkflowMissing">dispute.bpmn is not published: nothing was written.</param>
public sealed record DisputeRaised(Dispute? Dispute, IReadOnlyDictionary<string, string[]> Problems, bool WorkflowMissing);

/// <summary>
/// Raising a dispute, for the API and the simulation alike: checked and saved with its workflow's first step in one
/// unit of work (ADR 0063), tried again on fresh data when a concurrent write won the race (the series' next number, the
/// invoice's disputed amount).
/// </summary>
public sealed class DisputeRaising(Func<OrderToCashDbContext> createContext, DisputeWorkflowStarter workflows, TimeProvider clock)
{
    public async Task<DisputeRaised> RaiseAsync(InvoiceFinder findInvoice, NewDispute request, DisputeSource source, string by, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(findInvoice);
        ArgumentNullException.ThrowIfNull(request);
        if (!workflows.IsAvailable)
        {
            return new DisputeRaised(null, new Dictionary<string, string[]>(), WorkflowMissing: true);
        }

        var (dispute, problems) = await LostRace.RetryAsync<(Dispute? Dispute, Dictionary<string, string[]> Problems)>(async _ =>
        {
            await using var db = createContext();
            var invoice = await findInvoice(db, cancellationToken).ConfigureAwait(false);
            var problems = await DisputeIntake.CheckAsync(db, invoice, request, cancellationToken).ConfigureAwait(false);
            if (problems.Count > 0)
            {
                return (null, problems);
            }

            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
            var dispute = await DisputeIntake.AddAsync(db, invoice, request, source, null, by, clock.GetUtcNow(), cancellationToken).ConfigureAwait(false);
            await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
            await workflows.StartInAsync(db, dispute, request.TransportDamage ?? false, request.DealNotEntered ?? false, cancellationToken).ConfigureAwait(false);
            await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
            return (dispute, problems);
        }, cancellationToken).ConfigureAwait(false);
        if (dispute is null)
        {
            return new DisputeRaised(null, problems, WorkflowMissing: false);
        }

        return new DisputeRaised(await ReadAsync(createContext, dispute.Id, cancellationToken).ConfigureAwait(false), problems, WorkflowMissing: false);
    }

    /// <summary>The dispute as committed (its workflow's first step routed it).</summary>
    internal static async Task<Dispute> ReadAsync(Func<OrderToCashDbContext> createContext, Guid id, CancellationToken cancellationToken)
    {
        await using var db = createContext();
        return await db.Set<Dispute>().AsNoTracking().SingleAsync(d => d.Id == id, cancellationToken).ConfigureAwait(false);
    }
}
