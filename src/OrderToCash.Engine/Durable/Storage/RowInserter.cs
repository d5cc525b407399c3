using System.Data.Common;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;

namespace OrderToCash.Engine.Durable.Storage;

/// <summary>
/// Appends many rows of one mapped type with multi-row INSERT statements in the current transaction, without the change
/// tracker: what a step writes and never changes again (visits, subscriptions, received messages, new instances) costs one
/// statement per few hundred rows instead of one tracked entity and one statement each (ADR 0112). Table, columns and
/// value conversions come from the EF model, so every provider writes exactly what EF would have written.
/// </summary>
internal static class RowInserter
{
    // Parameters per statement: well under every provider's limit (SQL Server 2,100), and small enough that binding by
    // name (a linear search in SQLite) stays cheap.
    private const int MaxParameters = 1_000;

    public static async Task InsertAsync<T>(DbContext db, IReadOnlyCollection<T> rows, CancellationToken cancellationToken)
        where T : class
    {
        if (rows.Count == 0)
        {
            return;
        }

        var shape = Shape.Of(db, typeof(T));
        var perStatement = Math.Max(1, MaxParameters / shape.Columns.Count);
        foreach (var chunk in rows.Chunk(perStatement))
        {
            var parameters = new List<object>(chunk.Length * shape.Columns.Count);
            var sql = new StringBuilder(shape.Prefix, shape.Prefix.Length + (chunk.Length * shape.Columns.Count * 8));
            var factory = db.Database.GetDbConnection();
            for (var row = 0; row < chunk.Length; row++)
            {
                sql.Append(row == 0 ? "(" : ", (");
                for (var column = 0; column < shape.Columns.Count; column++)
                {
                    var name = "@r" + parameters.Count.ToString(System.Globalization.CultureInfo.InvariantCulture);
                    sql.Append(column == 0 ? name : ", " + name);
                    parameters.Add(Parameter(factory, name, shape.Columns[column].Read(chunk[row])));
                }

                sql.Append(')');
            }

            try
            {
                await db.Database.ExecuteSqlRawAsync(sql.ToString(), parameters, cancellationToken).ConfigureAwait(false);
            }
            catch (DbException ex)
            {
                // As SaveChanges reports it: a unique key taken by a concurrent step makes the unit of work replay.
                throw new DbUpdateException($"Inserting {chunk.Length} {shape.Table} rows failed: {ex.Message}", ex);
            }
        }
    }

    private static DbParameter Parameter(DbConnection connection, string name, object? value)
    {
        using var command = connection.CreateCommand();
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value ?? DBNull.Value;
        return parameter;
    }

    /// <summary>The INSERT prefix and the columns of one entity type, read once per model.</summary>
    private sealed class Shape
    {
        private static readonly System.Collections.Concurrent.ConcurrentDictionary<(IModel, Type), Shape> Cache = new();

        private Shape(string table, string prefix, IReadOnlyList<Column> columns) => (Table, Prefix, Columns) = (table, prefix, columns);

        public string Table { get; }

        public string Prefix { get; }

        public IReadOnlyList<Column> Columns { get; }

        public static Shape Of(DbContext db, Type type) => Cache.GetOrAdd((db.Model, type), key =>
        {
            var entity = key.Item1.FindEntityType(key.Item2) ?? throw new InvalidOperationException($"{key.Item2.Name} is not mapped.");
            var table = entity.GetTableName() ?? throw new InvalidOperationException($"{key.Item2.Name} has no table.");
            var store = StoreObjectIdentifier.Table(table, entity.GetSchema());
            var sql = db.GetService<ISqlGenerationHelper>();
            // A key the database generates (identity) is left to the database.
            var columns = entity.GetProperties()
                .Where(p => !(p.ValueGenerated == ValueGenerated.OnAdd && p.IsPrimaryKey() && p.ClrType == typeof(long)))
                .Select(p => new Column(p.GetColumnName(store) ?? p.Name, p))
                .ToList();
            var prefix = $"INSERT INTO {sql.DelimitIdentifier(table, entity.GetSchema())} ({string.Join(", ", columns.Select(c => sql.DelimitIdentifier(c.Name)))}) VALUES ";
            return new Shape(table, prefix, columns);
        });
    }

    private sealed class Column(string name, IProperty property)
    {
        private readonly IClrPropertyGetter getter = property.GetGetter();
        private readonly Microsoft.EntityFrameworkCore.Storage.ValueConversion.ValueConverter? converter = property.GetTypeMapping().Converter;

        public string Name { get; } = name;

        public object? Read(object row)
        {
            var value = getter.GetClrValue(row);
            return value is null || converter is null ? value : converter.ConvertToProvider(value);
        }
    }
}
