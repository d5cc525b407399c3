namespace OrderToCash.Core.RootCauses;

/// <summary>What one analysis found and did.</summary>
/// <param name="AsOf">The analysis date: the current period is [AsOf − 90 days, AsOf).</param>
/// <param name="Current">The groups and causes of the current period.</param>
/// <param name="Previous">The period before, for the trend.</param>
/// <param name="TasksCreated">Tasks opened by this analysis (never one for a cause that already has an open task).</param>
/// <param name="TasksVerified">Tasks whose fix brought the rate down by the rules' target.</param>
/// <param name="TasksReopened">Tasks whose fix did not.</param>
public sealed record RootCauseAnalysis(
    DateOnly AsOf,
    RootCausePeriod Current,
    RootCausePeriod Previous,
    IReadOnlyList<ImprovementTask> TasksCreated,
    IReadOnlyList<ImprovementTask> TasksVerified,
    IReadOnlyList<ImprovementTask> TasksReopened);
