namespace OrderToCash.Core.Kpis;

/// <summary>
/// The KPIs of one period [From, To] (both days included) and scope. Every formula is stated on
/// <see cref="KpiCalculator"/>; amounts incl. VAT, in the ledger currency; ratios are null when their denominator is 0.
/// </summary>
public sealed record KpiReport(
    DateOnly From,
    DateOnly To,
    string Scope,
    int Days,
    decimal OpeningReceivables,
    decimal ClosingReceivables,
    decimal ClosingCurrentReceivables,
    decimal CreditSales,
    decimal? Dso,
    decimal? CountBackDso,
    decimal? BestPossibleDso,
    decimal? AverageDaysDelinquent,
    decimal? Cei,
    AgedBalance AgedBalance,
    int InvoicesIssued,
    int DisputedInvoices,
    decimal? DisputedInvoicesPercent,
    IReadOnlyList<DepartmentResolution> DisputeResolutionByDepartment,
    int PromisesChecked,
    int PromisesKept,
    decimal? PromiseToPayKeptRate,
    int OrdersChecked,
    int OrdersBlocked,
    decimal? CreditBlockRate,
    decimal? MeanReleaseHours,
    ExposureVsLimit Exposure);
