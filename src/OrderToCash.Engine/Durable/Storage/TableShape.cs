using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;

namespace OrderToCash.Engine.Durable.Storage;

/// <summary>
/// One mapped table as the engine's own statements see it (ADR 0112, 0135): its name, its columns with EF's value
/// conversions, its key and concurrency token, and the SQL to insert, update and delete its rows. Read once per model
/// from EF's, so every provider writes exactly what EF would have written.
/// </summary>
internal sealed class TableShape
{
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<(IModel, Type), TableShape> Cache = new();
    private readonly System.Collections.Concurrent.ConcurrentDictionary<int, string> _inserts = new();

    private TableShape(IEntityType entity, ISqlGenerationHelper sql)
    {
        Table = entity.GetTableName() ?? throw new InvalidOperationException($"{entity.ClrType.Name} has no table.");
        var store = StoreObjectIdentifier.Table(Table, entity.GetSchema());
        TableColumn Column(IProperty p) => new(sql.DelimitIdentifier(p.GetColumnName(store) ?? p.Name), p);
        var table = sql.DelimitIdentifier(Table, entity.GetSchema());
        var key = entity.FindPrimaryKey() ?? throw new InvalidOperationException($"{entity.ClrType.Name} has no key.");

        // A key the database generates (identity) is left to the database.
        Inserted = [.. entity.GetProperties().Where(p => !(p.ValueGenerated == ValueGenerated.OnAdd && p.IsPrimaryKey() && p.ClrType == typeof(long))).Select(Column)];
        InsertPrefix = $"INSERT INTO {table} ({string.Join(", ", Inserted.Select(c => c.Name))}) VALUES ";

        Keys = [.. key.Properties.Select(Column)];
        Updated = [.. entity.GetProperties().Where(p => !p.IsPrimaryKey()).Select(Column)];
        HasToken = entity.GetProperties().Count(p => p.IsConcurrencyToken) switch
        {
            0 => false,
            1 => true,
            _ => throw new InvalidOperationException($"{entity.ClrType.Name} has more than one concurrency token."),
        };
        var token = entity.GetProperties().Where(p => p.IsConcurrencyToken).Select(Column).FirstOrDefault();
        var parameter = 0;
        var set = string.Join(", ", Updated.Select(c => $"{c.Name} = @p{parameter++}"));
        var where = string.Join(" AND ", Keys.Select(c => $"{c.Name} = @p{parameter++}"));
        UpdateSql = $"UPDATE {table} SET {set} WHERE {where}" + (token is null ? string.Empty : $" AND {token.Name} = @p{parameter}");
        parameter = 0;
        DeleteSql = $"DELETE FROM {table} WHERE {string.Join(" AND ", Keys.Select(c => $"{c.Name} = @p{parameter++}"))}";
    }

    public string Table { get; }

    /// <summary>The columns an INSERT writes, in order.</summary>
    public IReadOnlyList<TableColumn> Inserted { get; }

    public string InsertPrefix { get; }

    public IReadOnlyList<TableColumn> Keys { get; }

    /// <summary>The columns an UPDATE writes (all but the key), in order.</summary>
    public IReadOnlyList<TableColumn> Updated { get; }

    /// <summary>Whether <see cref="UpdateSql"/> ends with the concurrency token's original value as its last parameter.</summary>
    public bool HasToken { get; }

    /// <summary>Parameters: <see cref="Updated"/>, then <see cref="Keys"/>, then the token's original value if any.</summary>
    public string UpdateSql { get; }

    /// <summary>Parameters: <see cref="Keys"/>.</summary>
    public string DeleteSql { get; }

    /// <summary>An INSERT of <paramref name="rows"/> rows, its parameters @p0, @p1… in row, column order.</summary>
    public string InsertSql(int rows) => _inserts.GetOrAdd(rows, count =>
    {
        var text = new System.Text.StringBuilder(InsertPrefix, InsertPrefix.Length + (count * Inserted.Count * 8));
        var parameter = 0;
        for (var row = 0; row < count; row++)
        {
            text.Append(row == 0 ? "(" : ", (");
            for (var column = 0; column < Inserted.Count; column++)
            {
                text.Append(column == 0 ? "@p" : ", @p").Append(parameter++);
            }

            text.Append(')');
        }

        return text.ToString();
    });

    public static TableShape Of(DbContext db, Type type) => Cache.GetOrAdd((db.Model, type), key =>
        new TableShape(key.Item1.FindEntityType(key.Item2) ?? throw new InvalidOperationException($"{key.Item2.Name} is not mapped."), db.GetService<ISqlGenerationHelper>()));
}

/// <summary>A column, delimited for SQL, and how to read its provider value from an entity.</summary>
internal sealed class TableColumn(string name, IProperty property)
{
    private readonly IClrPropertyGetter getter = property.GetGetter();
    private readonly Microsoft.EntityFrameworkCore.Storage.ValueConversion.ValueConverter? converter = property.GetTypeMapping().Converter;

    public string Name { get; } = name;

    public object? Read(object row) => Provider(getter.GetClrValue(row));

    /// <summary>A model value as the provider stores it (e.g. a DateTimeOffset as its ticks on SQLite).</summary>
    public object? Provider(object? value) => value is null || converter is null ? value : converter.ConvertToProvider(value);
}
