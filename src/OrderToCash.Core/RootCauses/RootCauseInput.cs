namespace OrderToCash.Core.RootCauses;

/// <summary>Recurrence statistics of one reason code (input name <c>cause</c>), computed nightly over rolling 90-day windows.</summary>
/// <param name="ReasonCode">The dispute or late-payment reason.</param>
/// <param name="OccurrencesLast90Days">Disputes or late payments with this reason in the last 90 days.</param>
/// <param name="DistinctCustomersLast90Days">How many different customers raised it.</param>
/// <param name="AmountLast90Days">Total amount concerned, in euros.</param>
/// <param name="OccurrencesPrevious90Days">The same count over the 90 days before.</param>
/// <param name="ImprovementTaskOpen">A process-improvement task is already open for this reason.</param>
public sealed record RootCauseInput(
    string ReasonCode,
    int OccurrencesLast90Days,
    int DistinctCustomersLast90Days,
    decimal AmountLast90Days,
    int OccurrencesPrevious90Days,
    bool ImprovementTaskOpen);
