using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using OrderToCash.Engine.Handlers;

namespace OrderToCash.Engine.Durable;

/// <summary>
/// The services of a step: the step's database context, then the application's. Handlers get a
/// <see cref="HandlerServices"/> instead, whose context is their own (see <see cref="StepGuardedHandler"/>).
/// </summary>
internal sealed class StepServiceProvider(DbContext db, IServiceProvider? root, Func<DbContext> createContext, CompletedUserTask? completed = null) : IServiceProvider
{
    public DbContext Db => db;

    public object? GetService(Type serviceType)
    {
        ArgumentNullException.ThrowIfNull(serviceType);
        return serviceType.IsInstanceOfType(db) ? db
            : serviceType == typeof(CompletedUserTask) ? completed
            : root?.GetService(serviceType);
    }

    public HandlerServices ForHandler() => new(db, root, createContext, completed);
}

/// <summary>
/// What one handler call sees. Its database context is created when the handler first asks for one, on the step's
/// connection and inside its transaction, after a savepoint: a handler that writes nothing costs nothing.
/// </summary>
internal sealed class HandlerServices(DbContext stepDb, IServiceProvider? root, Func<DbContext> createContext, CompletedUserTask? completed) : IServiceProvider, IAsyncDisposable
{
    public const string Savepoint = "o2c_handler";

    private DbContext? _db;

    /// <summary>The handler's context, or null when it never asked for one.</summary>
    public DbContext? Db => _db;

    public IDbContextTransaction Transaction => stepDb.Database.CurrentTransaction!;

    public object? GetService(Type serviceType)
    {
        ArgumentNullException.ThrowIfNull(serviceType);
        if (serviceType == typeof(CompletedUserTask))
        {
            return completed;
        }

        if (!serviceType.IsInstanceOfType(stepDb))
        {
            return root?.GetService(serviceType);
        }

        if (_db is null)
        {
            Transaction.CreateSavepoint(Savepoint);
            _db = createContext();
            _db.Database.SetDbConnection(stepDb.Database.GetDbConnection(), contextOwnsConnection: false);
            _db.Database.UseTransaction(Transaction.GetDbTransaction());
        }

        return _db;
    }

    public async ValueTask DisposeAsync()
    {
        if (_db is not null)
        {
            await _db.DisposeAsync().ConfigureAwait(false);
        }
    }
}
