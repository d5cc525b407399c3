namespace OrderToCash.Core.Reasons;

/// <summary>
/// One version of the reason taxonomy and its department → role map, as Quality (or a start from the file) left it:
/// the whole taxonomy in the file's format, who changed it, when and why. The version is the key, so two changes racing
/// for the same next version cannot both commit.
/// </summary>
public sealed class ReasonTaxonomyVersion
{
    public int Version { get; init; }

    /// <summary>The taxonomy after the change, in the format of reasons/reason-codes.json (<see cref="ReasonCodeFile"/>).</summary>
    public required string Content { get; init; }

    /// <summary>The user who changed it, or the file a start loaded it from.</summary>
    public required string Author { get; init; }

    public DateTimeOffset ChangedAt { get; init; }

    public string? Comment { get; init; }
}
