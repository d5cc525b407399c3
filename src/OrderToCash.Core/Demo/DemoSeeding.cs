namespace OrderToCash.Core.Demo;

/// <summary>
/// The record of the demo seeding of this database (one row): written before the first customer and completed after
/// the last day, so that a seeding interrupted by a kill is recognised at the next start and done again from scratch.
/// </summary>
public sealed class DemoSeeding
{
    public const int SingletonId = 1;

    public int Id { get; set; } = SingletonId;

    public DateTimeOffset StartedAt { get; set; }

    public DateTimeOffset? CompletedAt { get; set; }
}
