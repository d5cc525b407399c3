namespace OrderToCash.Core.RootCauses;

/// <summary>
/// One row of the root-cause grouping: how often a reason hit, for one owning department, customer segment and product
/// family, over the period [<paramref name="From"/>, <paramref name="To"/>).
/// </summary>
/// <param name="Reason">The reason code.</param>
/// <param name="Kind">"Dispute" or "LatePayment".</param>
/// <param name="Department">The owning department: the dispute's routed one, else the taxonomy's, else "Unassigned".</param>
/// <param name="Segment">The customer segment printed on the invoice.</param>
/// <param name="ProductFamily">The invoice's product family.</param>
/// <param name="From">First day of the period.</param>
/// <param name="To">The day after the period.</param>
/// <param name="Count">Disputes raised, or invoices settled late with this reason, in the period.</param>
/// <param name="Amount">Disputed amounts, or the gross amounts of the late invoices, in euros.</param>
/// <param name="RatePer1000Invoices">Count × 1,000 ÷ invoices issued in the period (all segments: the company's rate).</param>
public sealed record RootCauseGroup(
    string Reason,
    string Kind,
    string Department,
    string Segment,
    string ProductFamily,
    DateOnly From,
    DateOnly To,
    int Count,
    decimal Amount,
    decimal RatePer1000Invoices);

/// <summary>A cause (reason × department) over one period, summed over segments and product families.</summary>
public sealed record RecurringCause(
    string ReasonCode,
    string Department,
    DateOnly From,
    DateOnly To,
    int Occurrences,
    int DistinctCustomers,
    decimal Amount,
    decimal RatePer1000Invoices)
{
    public string Key => ImprovementTask.CauseKey(ReasonCode, Department);
}

/// <summary>The grouping of one period: its rows, its causes and the invoices issued (the rates' denominator).</summary>
public sealed record RootCausePeriod(DateOnly From, DateOnly To, int InvoicesIssued, IReadOnlyList<RootCauseGroup> Groups, IReadOnlyList<RecurringCause> Causes)
{
    public RecurringCause? Find(string key) => Causes.FirstOrDefault(c => c.Key == key);
}
