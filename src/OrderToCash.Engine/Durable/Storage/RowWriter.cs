using System.Data.Common;
using Microsoft.EntityFrameworkCore;

namespace OrderToCash.Engine.Durable.Storage;

/// <summary>
/// Updates and deletes, by key, the rows a unit of work holds (instances it advanced, visits it closed, waits it
/// consumed), without the change tracker: one prepared statement per row, or one batch of them on a server (ADR 0135).
/// A row whose concurrency token no longer holds the value read is a conflict, as SaveChanges reports it.
/// </summary>
internal static class RowWriter
{
    /// <summary>Writes every non-key column of each row; with a concurrency token, only where it still holds <paramref name="originalTokens"/>.</summary>
    public static async Task UpdateAsync<T>(DbContext db, IReadOnlyList<T> rows, IReadOnlyList<object?>? originalTokens, CancellationToken cancellationToken)
        where T : class
    {
        if (rows.Count == 0)
        {
            return;
        }

        var shape = TableShape.Of(db, typeof(T));
        if (shape.HasToken && originalTokens is null)
        {
            throw new ArgumentNullException(nameof(originalTokens), $"{shape.Table} rows are updated against the token read.");
        }

        var parameters = shape.Updated.Count + shape.Keys.Count + (shape.HasToken ? 1 : 0);
        var affected = await RunAsync(db, shape, shape.UpdateSql, parameters, rows.Count, (row, values) =>
        {
            var index = 0;
            foreach (var column in shape.Updated)
            {
                values[index++] = column.Read(rows[row]);
            }

            foreach (var column in shape.Keys)
            {
                values[index++] = column.Read(rows[row]);
            }

            if (shape.HasToken)
            {
                values[index] = originalTokens![row];
            }
        }, cancellationToken).ConfigureAwait(false);
        if (Array.IndexOf(affected, 0) is var missing and >= 0)
        {
            // Another host advanced (or deleted) the row since it was read: the unit of work replays.
            throw new DbUpdateConcurrencyException($"A {shape.Table} row changed since it was read (row {missing + 1} of {rows.Count}).");
        }
    }

    /// <summary>Deletes the rows with these keys (in key order); a key already gone is no error.</summary>
    public static async Task DeleteAsync<T>(DbContext db, IReadOnlyList<object?[]> keys, CancellationToken cancellationToken)
        where T : class
    {
        if (keys.Count == 0)
        {
            return;
        }

        var shape = TableShape.Of(db, typeof(T));
        await RunAsync(db, shape, shape.DeleteSql, shape.Keys.Count, keys.Count, (row, values) =>
        {
            for (var i = 0; i < shape.Keys.Count; i++)
            {
                values[i] = shape.Keys[i].Provider(keys[row][i]);
            }
        }, cancellationToken).ConfigureAwait(false);
    }

    private static async Task<int[]> RunAsync(DbContext db, TableShape shape, string sql, int parameters, int rows, Action<int, object?[]> fill, CancellationToken cancellationToken)
    {
        try
        {
            return await PreparedCommands.RunPerRowAsync(db, sql, parameters, rows, fill, cancellationToken).ConfigureAwait(false);
        }
        catch (DbException ex)
        {
            throw new DbUpdateException($"Writing {rows} {shape.Table} rows failed: {ex.Message}", ex);
        }
    }
}
