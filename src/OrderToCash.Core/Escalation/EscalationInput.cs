namespace OrderToCash.Core.Escalation;

/// <summary>
/// One open invoice as the escalation rules see it (input name <c>item</c>): where it stands on the reminder ladder.
/// </summary>
/// <param name="AsOf">The evaluation date (decisions are replayable: rules never read the clock).</param>
/// <param name="DueDate">The invoice's due date.</param>
/// <param name="OpenAmount">What remains unpaid, in euros incl. VAT.</param>
/// <param name="Segment">"Key" account, "Standard" or "Small".</param>
/// <param name="UnpaidItemCount">How many of the customer's items are overdue, this one included.</param>
/// <param name="HasOpenDispute">A dispute is open on the invoice: the ladder pauses until it is resolved.</param>
/// <param name="HasPromiseToPay">A promise to pay is pending and not yet broken: the ladder pauses.</param>
/// <param name="ProfessionalCustomer">B2B customer: the €40 indemnity and the penalty rate apply.</param>
public sealed record EscalationInput(
    DateTime AsOf,
    DateTime DueDate,
    decimal OpenAmount,
    string Segment,
    int UnpaidItemCount,
    bool HasOpenDispute,
    bool HasPromiseToPay,
    bool ProfessionalCustomer)
{
    /// <summary>
    /// The ECB main refinancing rate of the due date's semester, from the reference table (percent a year; null when the
    /// table lacks the semester: the penalty interest then waits for it, ADR 0101).
    /// </summary>
    public decimal? EcbRefinancingRate { get; init; }

    /// <summary>The rule set written against this input: rules/escalation.json.</summary>
    public const string RuleSet = "escalation";

    /// <summary>Days past the due date; negative before it.</summary>
    public int DaysOverdue => (int)(AsOf.Date - DueDate.Date).TotalDays;
}
