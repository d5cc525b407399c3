namespace OrderToCash.Core.RootCauses;

/// <summary>
/// Recurrence statistics of one cause, a reason code × its owning department (input name <c>cause</c>), computed by
/// the root-cause analysis in the database over rolling 90-day periods, and, for a cause whose fix was deployed, over
/// the observation window after the fix. Rates are occurrences per 1,000 invoices issued in the same window.
/// </summary>
/// <param name="ReasonCode">The dispute or late-payment reason.</param>
/// <param name="Department">The owning department (the dispute's routed one, else the taxonomy's).</param>
/// <param name="OccurrencesLast90Days">Disputes or late payments with this reason in the last 90 days.</param>
/// <param name="DistinctCustomersLast90Days">How many different customers raised it.</param>
/// <param name="AmountLast90Days">Total amount concerned, in euros.</param>
/// <param name="OccurrencesPrevious90Days">The same count over the 90 days before.</param>
/// <param name="ImprovementTaskOpen">A process-improvement task is already open for this cause.</param>
/// <param name="RatePer1000Last90Days">Occurrences per 1,000 invoices issued in the last 90 days.</param>
/// <param name="RatePer1000Previous90Days">The same rate over the 90 days before.</param>
/// <param name="FixObservationComplete">A fix was deployed and its observation window has elapsed: judge it.</param>
/// <param name="RatePer1000BeforeFix">The rate recorded when the task was opened.</param>
/// <param name="RatePer1000SinceFix">The rate over the observation window that started on the fix date.</param>
public sealed record RootCauseInput(
    string ReasonCode,
    int OccurrencesLast90Days,
    int DistinctCustomersLast90Days,
    decimal AmountLast90Days,
    int OccurrencesPrevious90Days,
    bool ImprovementTaskOpen,
    string Department = "",
    decimal RatePer1000Last90Days = 0m,
    decimal RatePer1000Previous90Days = 0m,
    bool FixObservationComplete = false,
    decimal RatePer1000BeforeFix = 0m,
    decimal RatePer1000SinceFix = 0m)
{
    /// <summary>The rule set written against this input: rules/root-cause.json.</summary>
    public const string RuleSet = "root-cause";
}
