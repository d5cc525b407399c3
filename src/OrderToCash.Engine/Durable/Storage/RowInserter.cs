using System.Data.Common;
using System.Runtime.CompilerServices;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;
using OrderToCash.Engine.Telemetry;

namespace OrderToCash.Engine.Durable.Storage;

/// <summary>
/// Appends many rows of one mapped type with multi-row INSERT statements in the current transaction, without the change
/// tracker: what a step writes and never changes again (visits, subscriptions, received messages, new instances) costs one
/// statement per many rows instead of one tracked entity and one statement each (ADR 0112). Table, columns and value
/// conversions come from the EF model, so every provider writes exactly what EF would have written.
/// Each statement shape (table, rows per statement) is one command per connection, prepared once and run again with new
/// values: no SQL text, parameter objects or statement compilation per batch (ADR 0135).
/// </summary>
internal static class RowInserter
{
    // Parameters per statement. A database server costs a round trip per statement: large statements. SQLite runs in
    // the process and finds each parameter by name in a list, so a statement's binding grows with the square of its
    // parameters: small statements, prepared once.
    private const int MaxServerParameters = 1_000;
    private const int MaxInProcessParameters = 100;

    private static readonly ConditionalWeakTable<DbConnection, Dictionary<(Shape Shape, int Rows), DbCommand>> Prepared = new();

    public static async Task InsertAsync<T>(DbContext db, IReadOnlyList<T> rows, CancellationToken cancellationToken)
        where T : class
    {
        if (rows.Count == 0)
        {
            return;
        }

        var shape = Shape.Of(db, typeof(T));
        var connection = db.Database.GetDbConnection();
        var maxParameters = db.Database.ProviderName?.EndsWith(".Sqlite", StringComparison.Ordinal) == true ? MaxInProcessParameters : MaxServerParameters;
        var perStatement = Math.Max(1, maxParameters / shape.Columns.Count);
        var commands = Prepared.GetValue(connection, _ => []);
        var transaction = db.Database.CurrentTransaction?.GetDbTransaction();
        for (var offset = 0; offset < rows.Count; offset += perStatement)
        {
            var count = Math.Min(perStatement, rows.Count - offset);
            if (!commands.TryGetValue((shape, count), out var command))
            {
                command = shape.CreateCommand(connection, count);
                command.CommandTimeout = db.Database.GetCommandTimeout() ?? command.CommandTimeout;
                commands[(shape, count)] = command;
            }

            command.Transaction = transaction;
            var parameters = command.Parameters;
            var index = 0;
            for (var row = offset; row < offset + count; row++)
            {
                foreach (var column in shape.Columns)
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

            EngineTelemetry.AppendStatements.Add(1);
        }
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

        /// <summary>An INSERT of <paramref name="rows"/> rows on <paramref name="connection"/>, its parameters in row, column order.</summary>
        public DbCommand CreateCommand(DbConnection connection, int rows)
        {
            var command = connection.CreateCommand();
            var text = new StringBuilder(Prefix, Prefix.Length + (rows * Columns.Count * 8));
            for (var row = 0; row < rows; row++)
            {
                text.Append(row == 0 ? "(" : ", (");
                for (var column = 0; column < Columns.Count; column++)
                {
                    var name = "@r" + command.Parameters.Count.ToString(System.Globalization.CultureInfo.InvariantCulture);
                    text.Append(column == 0 ? name : ", " + name);
                    var parameter = command.CreateParameter();
                    parameter.ParameterName = name;
                    command.Parameters.Add(parameter);
                }

                text.Append(')');
            }

            command.CommandText = text.ToString();
            return command;
        }
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
