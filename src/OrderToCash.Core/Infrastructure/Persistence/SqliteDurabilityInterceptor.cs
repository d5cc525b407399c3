using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace OrderToCash.Core.Infrastructure.Persistence;

/// <summary>
/// Every SQLite connection runs in WAL mode with synchronous=FULL, so a committed step survives a power loss,
/// and enforces foreign keys. synchronous is a per-connection setting, hence an interceptor.
/// </summary>
internal sealed class SqliteDurabilityInterceptor : DbConnectionInterceptor
{
    internal const string Pragmas = "PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL; PRAGMA foreign_keys=ON; PRAGMA busy_timeout=30000;";

    public static readonly SqliteDurabilityInterceptor Instance = new();

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        using var command = connection.CreateCommand();
        command.CommandText = Pragmas;
        command.ExecuteNonQuery();
    }

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = Pragmas;
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }
}
