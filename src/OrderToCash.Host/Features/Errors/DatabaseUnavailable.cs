using System.Data.Common;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace OrderToCash.Host.Features.Errors;

/// <summary>
/// Whether an exception means the database cannot serve the request now (unreachable, read-only, full, busy, shutting
/// down), as opposed to a bug or a refused write: those answer 503 with Retry-After, not 500.
/// </summary>
internal static class DatabaseUnavailable
{
    // SQLITE_BUSY, SQLITE_LOCKED, SQLITE_READONLY, SQLITE_IOERR, SQLITE_FULL, SQLITE_CANTOPEN.
    private static readonly int[] SqliteCodes = [5, 6, 8, 10, 13, 14];

    public static bool Is(Exception exception)
    {
        for (var current = exception; current is not null; current = current.InnerException)
        {
            switch (current)
            {
                case SqliteException sqlite when SqliteCodes.Contains(sqlite.SqliteErrorCode):
                    return true;
                case PostgresException postgres when IsUnavailable(postgres.SqlState):
                    return true;
                case NpgsqlException npgsql when npgsql is not PostgresException:
                    // No answer from the server at all (refused connection, timeout, broken stream).
                    return true;
                case Microsoft.Data.SqlClient.SqlException sqlServer when sqlServer.IsTransient:
                    return true;
                case DbException db when db.IsTransient:
                    return true;
                case TimeoutException:
                    return true;
                case System.Net.Sockets.SocketException:
                    return true;
            }
        }

        return false;
    }

    // Class 08 connection exception, 53 insufficient resources, 57P operator intervention, 25006 read-only transaction.
    private static bool IsUnavailable(string state) =>
        state.StartsWith("08", StringComparison.Ordinal) || state.StartsWith("53", StringComparison.Ordinal)
        || state.StartsWith("57P", StringComparison.Ordinal) || state == "25006";
}
