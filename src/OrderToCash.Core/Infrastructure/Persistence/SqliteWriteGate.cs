using System.Collections.Concurrent;
using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace OrderToCash.Core.Infrastructure.Persistence;

/// <summary>
/// SQLite lets one transaction write at a time (ours begin IMMEDIATE, taking the write lock at once). Without this gate
/// the others wait inside the database call, a thread blocked each, polling the lock: under 8 concurrent writers most
/// of the time went there, and a waiter could lose the lock to newcomers again and again (ADR 0136). The gate makes the
/// transactions of this process on one file queue in turn, asynchronously, before they begin: the same order SQLite
/// would give, without the polling or the blocked threads. It is only about waiting well: SQLite's own lock still
/// decides, so other processes on the file (the command line) and writes outside an EF transaction stay correct.
/// A transaction holds its place until it commits or rolls back, or its connection closes; a place not given within
/// <see cref="MaxWait"/> is not waited for any longer (the transaction then begins and waits on SQLite's lock as before).
/// </summary>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Design", "CA1001:Types that own disposable fields should be disposable",
    Justification = "One gate per database file for the life of the process; its semaphore never hands out a wait handle.")]
internal sealed class SqliteWriteGate : DbTransactionInterceptor, IDbConnectionInterceptor
{
    /// <summary>As long as a command waits for SQLite's lock by default (30 s): the gate never makes a caller wait longer than it would have.</summary>
    public static readonly TimeSpan MaxWait = TimeSpan.FromSeconds(30);

    private static readonly ConcurrentDictionary<string, SqliteWriteGate> Gates = new(StringComparer.Ordinal);
    private readonly SemaphoreSlim turn = new(1, 1);
    private readonly ConditionalWeakTable<DbConnection, Place> places = [];
    private readonly ConditionalWeakTable<DbTransaction, Place> transactions = [];

    private SqliteWriteGate()
    {
    }

    /// <summary>The one gate of the file a connection string names (every context of the process on it shares it); null in memory.</summary>
    public static SqliteWriteGate? For(string connectionString)
    {
        var dataSource = new SqliteConnectionStringBuilder(connectionString).DataSource;
        if (string.IsNullOrEmpty(dataSource) || dataSource == ":memory:" || dataSource.StartsWith("file:", StringComparison.Ordinal))
        {
            return null;
        }

        return Gates.GetOrAdd(Path.GetFullPath(dataSource), _ => new SqliteWriteGate());
    }

    public override InterceptionResult<DbTransaction> TransactionStarting(DbConnection connection, TransactionStartingEventData eventData, InterceptionResult<DbTransaction> result)
    {
        ArgumentNullException.ThrowIfNull(connection);
        Hold(connection, turn.Wait(MaxWait));
        return result;
    }

    public override async ValueTask<InterceptionResult<DbTransaction>> TransactionStartingAsync(DbConnection connection, TransactionStartingEventData eventData, InterceptionResult<DbTransaction> result, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(connection);
        Hold(connection, await turn.WaitAsync(MaxWait, cancellationToken).ConfigureAwait(false));
        return result;
    }

    // Once begun, the place is found from the transaction too: a committed SQLite transaction no longer names its connection.
    public override DbTransaction TransactionStarted(DbConnection connection, TransactionEndEventData eventData, DbTransaction result)
    {
        Remember(connection, result);
        return result;
    }

    public override ValueTask<DbTransaction> TransactionStartedAsync(DbConnection connection, TransactionEndEventData eventData, DbTransaction result, CancellationToken cancellationToken = default)
    {
        Remember(connection, result);
        return ValueTask.FromResult(result);
    }

    public override void TransactionCommitted(DbTransaction transaction, TransactionEndEventData eventData) => Leave(transaction);

    public override Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Leave(transaction);
        return Task.CompletedTask;
    }

    public override void TransactionRolledBack(DbTransaction transaction, TransactionEndEventData eventData) => Leave(transaction);

    public override Task TransactionRolledBackAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Leave(transaction);
        return Task.CompletedTask;
    }

    // A transaction that failed to begin, or was disposed without COMMIT or ROLLBACK (an exception), ends with its
    // connection: SQLite rolls it back when the connection goes back to the pool or is disposed.
    public InterceptionResult ConnectionClosing(DbConnection connection, ConnectionEventData eventData, InterceptionResult result)
    {
        Leave(connection);
        return result;
    }

    public ValueTask<InterceptionResult> ConnectionClosingAsync(DbConnection connection, ConnectionEventData eventData, InterceptionResult result)
    {
        Leave(connection);
        return ValueTask.FromResult(result);
    }

    public InterceptionResult ConnectionDisposing(DbConnection connection, ConnectionEventData eventData, InterceptionResult result)
    {
        Leave(connection);
        return result;
    }

    public ValueTask<InterceptionResult> ConnectionDisposingAsync(DbConnection connection, ConnectionEventData eventData, InterceptionResult result)
    {
        Leave(connection);
        return ValueTask.FromResult(result);
    }

    private void Hold(DbConnection connection, bool entered)
    {
        // A turn already held on this connection (it cannot begin a second transaction) is not taken twice.
        if (entered && Interlocked.Exchange(ref places.GetOrCreateValue(connection).Held, 1) == 1)
        {
            turn.Release();
        }
    }

    private void Remember(DbConnection connection, DbTransaction transaction)
    {
        if (connection is not null && transaction is not null && places.TryGetValue(connection, out var place))
        {
            transactions.AddOrUpdate(transaction, place);
        }
    }

    private void Leave(DbTransaction transaction)
    {
        if (transaction is not null && transactions.TryGetValue(transaction, out var place))
        {
            Leave(place);
        }
    }

    private void Leave(DbConnection connection)
    {
        if (connection is not null && places.TryGetValue(connection, out var place))
        {
            Leave(place);
        }
    }

    /// <summary>Gives the turn back once, however many of the ending events arrive.</summary>
    private void Leave(Place place)
    {
        if (Interlocked.Exchange(ref place.Held, 0) == 1)
        {
            turn.Release();
        }
    }

    private sealed class Place
    {
        public int Held;
    }
}
