using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace OrderToCash.Engine.Durable;

/// <summary>
/// The services a handler sees during a step: a database context on the step's own connection and transaction, then
/// the application's services. Each handler call gets its own context (see <see cref="StepGuardedHandler"/>), so the
/// handler's writes are flushed or dropped on their own, inside the step's transaction.
/// </summary>
internal sealed class StepServiceProvider(DbContext db, IServiceProvider? root, Func<DbContext> createContext) : IServiceProvider
{
    public DbContext Db => db;

    public object? GetService(Type serviceType)
    {
        ArgumentNullException.ThrowIfNull(serviceType);
        return serviceType.IsInstanceOfType(db) ? db : root?.GetService(serviceType);
    }

    /// <summary>A new context sharing the step's connection and transaction, for one handler call.</summary>
    public StepServiceProvider ForHandler()
    {
        var handlerDb = createContext();
        handlerDb.Database.SetDbConnection(db.Database.GetDbConnection(), contextOwnsConnection: false);
        handlerDb.Database.UseTransaction(db.Database.CurrentTransaction!.GetDbTransaction());
        return new StepServiceProvider(handlerDb, root, createContext);
    }
}
