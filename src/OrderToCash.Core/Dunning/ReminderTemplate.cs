namespace OrderToCash.Core.Dunning;

/// <summary>
/// One version of the Liquid template (Fluid) of a ladder step's e-mail statement: subject and body. Versions are
/// immutable; editing a step's template adds the next version, and a statement records the version it was made with.
/// Version 0 is the built-in French default (<see cref="DefaultReminderTemplates"/>), never stored.
/// </summary>
public sealed class ReminderTemplate
{
    public long Id { get; init; }

    /// <summary>The ladder step (rule name), e.g. FormalReminder.</summary>
    public required string Step { get; init; }

    public int Version { get; init; }

    /// <summary>"fr" (French is the default language of our customers' documents).</summary>
    public string Language { get; init; } = "fr";

    public required string Subject { get; init; }

    public required string Body { get; init; }

    public required string Author { get; init; }

    public string? Comment { get; init; }

    public DateTimeOffset CreatedAt { get; init; }
}
