namespace OrderToCash.Core.ReferenceTables;

/// <summary>
/// One version of the ECB rate table (the main refinancing rate per semester, <see cref="EcbRateTable"/>): immutable,
/// with who entered it, when and why. The latest version is the table in force.
/// </summary>
public sealed class EcbRateTableVersion
{
    public int Version { get; init; }

    /// <summary>The table as JSON: <c>{"2026-H1": 2.15, ...}</c>, semesters in order.</summary>
    public required string Rates { get; init; }

    public required string Author { get; init; }

    public DateTimeOffset PublishedAt { get; init; }

    public string? Comment { get; init; }

    public EcbRateTable Table() => EcbRateTable.FromJson(Rates);
}
