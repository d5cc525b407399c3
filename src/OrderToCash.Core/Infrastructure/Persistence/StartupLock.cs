using System.Data;
using System.Data.Common;
using Microsoft.Data.SqlClient;
using Npgsql;

namespace OrderToCash.Core.Infrastructure.Persistence;

/// <summary>
/// A database-wide lock taken around migrations and demo seeding, so that hosts started together on an empty database
/// migrate and seed it once, one after the other: a PostgreSQL session advisory lock, a SQL Server session applock;
/// on SQLite the file lock (<see cref="SqliteFileLock"/>) already gives the process the database to itself.
/// </summary>
public static class StartupLock
{
    /// <summary>The advisory lock's key ("O2CSTART" in ASCII).</summary>
    public const long PostgreSqlKey = 0x4F32435354415254;

    public const string SqlServerAcquire =
        "DECLARE @result int; EXEC @result = sp_getapplock @Resource = N'OrderToCash.Startup', @LockMode = N'Exclusive', @LockOwner = N'Session', @LockTimeout = -1; "
        + "IF @result < 0 THROW 50000, N'OrderToCash: the startup applock was not granted.', 1;";

    public const string SqlServerRelease = "EXEC sp_releaseapplock @Resource = N'OrderToCash.Startup', @LockOwner = N'Session';";

    /// <summary>Waits for the lock; disposing the result releases it (and closes its connection).</summary>
    public static async Task<IAsyncDisposable> AcquireAsync(DatabaseProvider provider, string connectionString, CancellationToken cancellationToken)
    {
        switch (provider)
        {
            case DatabaseProvider.PostgreSql:
                return await HoldAsync(new NpgsqlConnection(connectionString), $"SELECT pg_advisory_lock({PostgreSqlKey})", $"SELECT pg_advisory_unlock({PostgreSqlKey})", cancellationToken).ConfigureAwait(false);
            case DatabaseProvider.SqlServer:
                return await HoldAsync(new SqlConnection(connectionString), SqlServerAcquire, SqlServerRelease, cancellationToken).ConfigureAwait(false);
            default:
                return NoLock.Instance;
        }
    }

    private static async Task<IAsyncDisposable> HoldAsync(DbConnection connection, string acquire, string release, CancellationToken cancellationToken)
    {
        try
        {
            await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
            await using var command = connection.CreateCommand();
            command.CommandText = acquire;
            command.CommandTimeout = 0;
            await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            return new Held(connection, release);
        }
        catch
        {
            await connection.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    private sealed class Held(DbConnection connection, string release) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            try
            {
                if (connection.State == ConnectionState.Open)
                {
                    await using var command = connection.CreateCommand();
                    command.CommandText = release;
                    await command.ExecuteNonQueryAsync().ConfigureAwait(false);
                }
            }
            finally
            {
                // Closing the session releases a session lock anyway (and a pooled connection is reset first).
                await connection.DisposeAsync().ConfigureAwait(false);
            }
        }
    }

    private sealed class NoLock : IAsyncDisposable
    {
        public static readonly NoLock Instance = new();

        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }
}
