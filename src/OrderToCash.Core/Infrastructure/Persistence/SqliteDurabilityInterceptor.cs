using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace OrderToCash.Core.Infrastructure.Persistence;

/// <summary>
/// Every SQLite connection runs in WAL mode with synchronous=FULL, so a committed step survives a power loss,
/// and enforces foreign keys. synchronous is a per-connection setting, hence an interceptor. The simulation's own
/// connections run with synchronous=NORMAL instead (ADR 0138).
/// </summary>
internal sealed class SqliteDurabilityInterceptor : DbConnectionInterceptor
{
    internal const string Pragmas = "PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL; PRAGMA foreign_keys=ON; PRAGMA busy_timeout=30000;";

    public static readonly SqliteDurabilityInterceptor Instance = new(Pragmas);

    private static readonly SqliteDurabilityInterceptor UntilCheckpoint = new(Pragmas.Replace("synchronous=FULL", "synchronous=NORMAL", StringComparison.Ordinal));

    private readonly string _pragmas;

    private SqliteDurabilityInterceptor(string pragmas) => _pragmas = pragmas;

    public static SqliteDurabilityInterceptor For(SqliteSynchronous synchronous) => synchronous == SqliteSynchronous.Normal ? UntilCheckpoint : Instance;

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        using var command = connection.CreateCommand();
        command.CommandText = _pragmas;
        command.ExecuteNonQuery();
    }

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = _pragmas;
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }
}
