namespace OrderToCash.Engine.Rules.Store;

/// <summary>
/// One published, immutable version of a rule set. Rows are only ever inserted: a change is a new version, so a past
/// decision can always be explained with the exact rules that made it.
/// </summary>
public sealed class RuleSetVersion
{
    /// <summary>Increases with every publication across all rule sets; hosts use the maximum as a change marker.</summary>
    public long Id { get; init; }

    public required string Name { get; init; }

    /// <summary>1, 2, 3... per rule set.</summary>
    public int Version { get; init; }

    /// <summary>SHA-256 (hex) of <see cref="Content"/>.</summary>
    public required string ContentHash { get; init; }

    /// <summary>The canonical JSON of the workflow.</summary>
    public required string Content { get; init; }

    public required string Author { get; init; }

    public string? Comment { get; init; }

    public DateTimeOffset PublishedAt { get; init; }

    /// <summary>From when evaluations use this version; the publication instant when none was given.</summary>
    public DateTimeOffset EffectiveFrom { get; init; }

    /// <summary>
    /// The what-if cases that gate this version and the next one (a JSON array of cases, as in a what-if file), or null
    /// when it has none. Cases are versioned with the rules: a deliberate policy change edits both in one version.
    /// </summary>
    public string? Cases { get; init; }

    /// <summary>The file it was published from, for the operator's benefit.</summary>
    public string? Source { get; init; }
}
