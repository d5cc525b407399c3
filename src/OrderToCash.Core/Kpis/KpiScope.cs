namespace OrderToCash.Core.Kpis;

/// <summary>
/// Whose numbers: the whole company, or one customer, segment or salesperson. Receivables and disputes follow the
/// segment and salesperson printed on the invoice at issue; orders and exposure follow the customer master.
/// </summary>
public sealed record KpiScope(string? CustomerId = null, string? Segment = null, string? Salesperson = null)
{
    public static readonly KpiScope Company = new();

    public bool IsCompany => CustomerId is null && Segment is null && Salesperson is null;

    public override string ToString() =>
        CustomerId is not null ? $"customer {CustomerId}"
        : Segment is not null ? $"segment {Segment}"
        : Salesperson is not null ? $"salesperson {Salesperson}"
        : "company";
}

/// <summary>Open receivables at a date by days overdue (balance âgée).</summary>
public sealed record AgedBalance(decimal NotDue, decimal D1To30, decimal D31To60, decimal D61To90, decimal Over90)
{
    public decimal Total => NotDue + D1To30 + D31To60 + D61To90 + Over90;

    public decimal Overdue => Total - NotDue;
}

/// <summary>Mean time from raising to resolving the disputes a department resolved in the period.</summary>
public sealed record DepartmentResolution(string Department, int Resolved, decimal MeanDays);

/// <summary>Credit exposure against credit limits (internal limit + insurer cover) of the customers in scope.</summary>
public sealed record ExposureVsLimit(decimal Exposure, decimal CreditLimit, decimal? UtilisationPercent, int CustomersOverLimit);
