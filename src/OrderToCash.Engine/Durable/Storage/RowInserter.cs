using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using OrderToCash.Engine.Telemetry;

namespace OrderToCash.Engine.Durable.Storage;

/// <summary>
/// Appends many rows of one mapped type with multi-row INSERT statements in the current transaction, without the change
/// tracker: what a step writes and never changes again (visits, subscriptions, received messages, new instances) costs one
/// statement per many rows instead of one tracked entity and one statement each (ADR 0112). Each statement shape is a
/// prepared command run again with new values (ADR 0135).
/// </summary>
internal static class RowInserter
{
    // Parameters per statement. A database server costs a round trip per statement: large statements. SQLite runs in
    // the process and finds each parameter by name in a list, so binding a statement grows with the square of its
    // parameters: small statements.
    private const int MaxServerParameters = 1_000;
    private const int MaxInProcessParameters = 100;

    public static async Task InsertAsync<T>(DbContext db, IReadOnlyList<T> rows, CancellationToken cancellationToken)
        where T : class
    {
        if (rows.Count == 0)
        {
            return;
        }

        var shape = TableShape.Of(db, typeof(T));
        var columns = shape.Inserted;
        var perStatement = Math.Max(1, (PreparedCommands.InProcess(db) ? MaxInProcessParameters : MaxServerParameters) / columns.Count);
        for (var offset = 0; offset < rows.Count; offset += perStatement)
        {
            var count = Math.Min(perStatement, rows.Count - offset);
            var command = PreparedCommands.For(db, shape.InsertSql(count), count * columns.Count);
            var parameters = command.Parameters;
            var index = 0;
            for (var row = offset; row < offset + count; row++)
            {
                foreach (var column in columns)
                {
                    parameters[index++].Value = column.Read(rows[row]) ?? DBNull.Value;
                }
            }

            try
            {
                await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (DbException ex)
            {
                // As SaveChanges reports it: a unique key taken by a concurrent step makes the unit of work replay.
                throw new DbUpdateException($"Inserting {count} {shape.Table} rows failed: {ex.Message}", ex);
            }

            EngineTelemetry.WriteStatements.Add(1);
        }
    }
}
