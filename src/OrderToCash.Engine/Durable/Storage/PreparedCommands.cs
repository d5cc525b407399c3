using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using OrderToCash.Engine.Telemetry;

namespace OrderToCash.Engine.Durable.Storage;

/// <summary>
/// The engine's own statements (ADR 0135): one command per statement text and connection, its parameters created once,
/// prepared by the database at its first run and run again with new values, in the unit of work's transaction. SQLite
/// compiles a statement each time a new command runs it, which cost more than running it; a server gets the rows of a
/// batch in one round trip (<see cref="DbBatch"/>).
/// </summary>
internal static class PreparedCommands
{
    private static readonly ConditionalWeakTable<DbConnection, Dictionary<string, DbCommand>> Commands = new();

    /// <summary>Whether the database runs in this process (SQLite): a statement per row costs no round trip.</summary>
    public static bool InProcess(DbContext db) => db.Database.ProviderName?.EndsWith(".Sqlite", StringComparison.Ordinal) == true;

    /// <summary>The command for <paramref name="sql"/> on <paramref name="db"/>'s connection, with <paramref name="parameters"/> parameters @p0, @p1…</summary>
    public static DbCommand For(DbContext db, string sql, int parameters)
    {
        var connection = db.Database.GetDbConnection();
        var commands = Commands.GetValue(connection, _ => []);
        if (!commands.TryGetValue(sql, out var command))
        {
            command = connection.CreateCommand();
            command.CommandText = sql;
            command.CommandTimeout = db.Database.GetCommandTimeout() ?? command.CommandTimeout;
            AddParameters(command.Parameters, parameters, command.CreateParameter);
            commands[sql] = command;
        }

        command.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();
        return command;
    }

    /// <summary>
    /// Runs <paramref name="sql"/> once per row (its parameters filled by <paramref name="fill"/>) and returns the rows
    /// each run changed: a prepared command run again (in process), or one batch per 1,000 rows (a server).
    /// </summary>
    public static async Task<int[]> RunPerRowAsync(DbContext db, string sql, int parameters, int rows, Action<int, object?[]> fill, CancellationToken cancellationToken)
    {
        var affected = new int[rows];
        var values = new object?[parameters];
        var connection = db.Database.GetDbConnection();
        if (InProcess(db) || !connection.CanCreateBatch)
        {
            var command = For(db, sql, parameters);
            for (var row = 0; row < rows; row++)
            {
                fill(row, values);
                for (var i = 0; i < parameters; i++)
                {
                    command.Parameters[i].Value = values[i] ?? DBNull.Value;
                }

                affected[row] = await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            }

            EngineTelemetry.WriteStatements.Add(rows);
            return affected;
        }

        for (var offset = 0; offset < rows; offset += 1_000)
        {
            await using var batch = connection.CreateBatch();
            batch.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();
            batch.Timeout = db.Database.GetCommandTimeout() ?? batch.Timeout;
            var count = Math.Min(1_000, rows - offset);
            for (var row = offset; row < offset + count; row++)
            {
                var command = batch.CreateBatchCommand();
                command.CommandText = sql;
                fill(row, values);
                var index = 0;
                AddParameters(command.Parameters, parameters, () =>
                {
                    var parameter = command.CreateParameter();
                    parameter.Value = values[index++] ?? DBNull.Value;
                    return parameter;
                });
                batch.BatchCommands.Add(command);
            }

            await batch.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            for (var i = 0; i < count; i++)
            {
                affected[offset + i] = batch.BatchCommands[i].RecordsAffected;
            }

            EngineTelemetry.WriteStatements.Add(count);
        }

        return affected;
    }

    private static void AddParameters(DbParameterCollection collection, int count, Func<DbParameter> create)
    {
        for (var i = 0; i < count; i++)
        {
            var parameter = create();
            parameter.ParameterName = "@p" + i.ToString(System.Globalization.CultureInfo.InvariantCulture);
            collection.Add(parameter);
        }
    }
}
