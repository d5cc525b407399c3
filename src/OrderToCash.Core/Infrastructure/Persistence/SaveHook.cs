using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace OrderToCash.Core.Infrastructure.Persistence;

/// <summary>
/// A feature's work done in the transaction of every save, before it is written (e.g. invoicing queues Encaissée when an
/// invoice is cashed; credit opens a new customer's exposure). Each is stateless, one <c>Instance</c>, and found by the
/// context in this assembly as it finds the entity configurations, so the database layer names no feature (ADR 0130).
/// </summary>
public abstract class SaveHook : SaveChangesInterceptor
{
    public sealed override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        ArgumentNullException.ThrowIfNull(eventData);
        if (eventData.Context is { } db)
        {
            BeforeSave(db);
        }

        return result;
    }

    public sealed override ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(eventData);
        if (eventData.Context is { } db)
        {
            BeforeSave(db);
        }

        return ValueTask.FromResult(result);
    }

    /// <summary>Adds or changes entities in <paramref name="db"/>'s unit of work, which is then saved with them.</summary>
    protected abstract void BeforeSave(DbContext db);
}
