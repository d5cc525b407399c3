namespace OrderToCash.Host.Features.Workflows;

/// <summary>Sizes the API checks before anything reaches the database (where they are the column sizes).</summary>
internal static class Limits
{
    /// <summary>Message names and ids, correlation and business keys.</summary>
    public const int KeyLength = 200;

    /// <summary>The longest period the element statistics look back over.</summary>
    public const int MaxStatisticsDays = 3650;
}
