using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using OrderToCash.Engine.Handlers;

namespace OrderToCash.Engine.Durable;

/// <summary>
/// Makes a failed handler leave no trace: before the handler runs, a savepoint is taken and the step's tracked
/// entities are snapshotted; if it throws (technical failure or BPMN error), its SQL is rolled back to the savepoint
/// and the change tracker is put back as it was. The step then commits the incident (or the error path) alone,
/// and the writes of the elements that completed earlier in the same step stay.
/// </summary>
internal sealed class StepGuardedHandler(IWorkflowHandler inner) : IWorkflowHandler
{
    private const string Savepoint = "o2c_handler";

    public HandlerDescriptor Descriptor => inner.Descriptor;

    public async ValueTask<IReadOnlyDictionary<string, object?>> ExecuteAsync(HandlerContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.Services.GetService(typeof(DbContext)) is not DbContext { Database.CurrentTransaction: { } transaction } db)
        {
            return await inner.ExecuteAsync(context, cancellationToken).ConfigureAwait(false);
        }

        var snapshot = db.ChangeTracker.Entries().Select(e => (Entry: e, e.State, Values: e.CurrentValues.Clone())).ToList();
        await transaction.CreateSavepointAsync(Savepoint, cancellationToken).ConfigureAwait(false);
        try
        {
            return await inner.ExecuteAsync(context, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception) when (!cancellationToken.IsCancellationRequested)
        {
            await transaction.RollbackToSavepointAsync(Savepoint, CancellationToken.None).ConfigureAwait(false);
            Restore(db, snapshot);
            throw;
        }
    }

    private static void Restore(DbContext db, List<(EntityEntry Entry, EntityState State, PropertyValues Values)> snapshot)
    {
        var known = snapshot.Select(s => s.Entry.Entity).ToHashSet(ReferenceEqualityComparer.Instance);
        foreach (var entry in db.ChangeTracker.Entries().Where(e => !known.Contains(e.Entity)).ToList())
        {
            entry.State = EntityState.Detached;
        }

        foreach (var (entry, state, values) in snapshot)
        {
            entry.CurrentValues.SetValues(values);
            entry.State = state;
        }
    }
}
