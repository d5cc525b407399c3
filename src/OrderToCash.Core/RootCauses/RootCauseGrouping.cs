using Microsoft.EntityFrameworkCore;
using OrderToCash.Core.Disputes;
using OrderToCash.Core.Infrastructure.Persistence;
using OrderToCash.Core.Invoicing;
using OrderToCash.Core.Reasons;

namespace OrderToCash.Core.RootCauses;

/// <summary>
/// Groups disputes and late payments of a period by reason × owning department × segment × product family, in the
/// database (GROUP BY through EF Core on every provider): a year of a million invoices never comes into memory, only
/// the groups do. A late payment is an invoice settled after its due date that carries a late-payment reason.
/// </summary>
public static class RootCauseGrouping
{
    public const string Unassigned = "Unassigned";

    public static async Task<RootCausePeriod> GroupAsync(OrderToCashDbContext db, DateOnly from, DateOnly to, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var (start, end) = Instants(from, to);
        var issued = await db.Set<Invoice>().CountAsync(i => i.IssueDate >= from && i.IssueDate < to, cancellationToken).ConfigureAwait(false);

        var disputes = await (
                from d in db.Set<Dispute>()
                where d.RaisedAt >= start && d.RaisedAt < end
                join i in db.Set<Invoice>() on d.InvoiceId equals i.Id
                join r in db.Set<ReasonCode>() on d.ReasonCode equals r.Code into reasons
                from r in reasons.DefaultIfEmpty()
                group d.Amount by new { Reason = d.ReasonCode, Department = d.Department ?? r.Department, i.Segment, i.ProductFamily } into g
                select new { g.Key.Reason, g.Key.Department, g.Key.Segment, g.Key.ProductFamily, Count = g.Count(), Amount = g.Sum() })
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        var latePayments = LatePayments(db, from, to);
        var late = await (
                from i in latePayments
                join r in db.Set<ReasonCode>() on i.LatePaymentReason equals r.Code into reasons
                from r in reasons.DefaultIfEmpty()
                group i.GrossAmount by new { Reason = i.LatePaymentReason!, r.Department, i.Segment, i.ProductFamily } into g
                select new { g.Key.Reason, g.Key.Department, g.Key.Segment, g.Key.ProductFamily, Count = g.Count(), Amount = g.Sum() })
            .ToListAsync(cancellationToken).ConfigureAwait(false);

        var groups = disputes.Select(g => Group(g.Reason, "Dispute", g.Department, g.Segment, g.ProductFamily, g.Count, g.Amount))
            .Concat(late.Select(g => Group(g.Reason, "LatePayment", g.Department, g.Segment, g.ProductFamily, g.Count, g.Amount)))
            .OrderByDescending(g => g.Count).ThenBy(g => g.Reason, StringComparer.Ordinal).ThenBy(g => g.Department, StringComparer.Ordinal)
            .ThenBy(g => g.Segment, StringComparer.Ordinal).ThenBy(g => g.ProductFamily, StringComparer.Ordinal)
            .ToList();

        var customers = await DistinctCustomersAsync(db, from, to, start, end, cancellationToken).ConfigureAwait(false);
        var causes = groups.GroupBy(g => (g.Reason, g.Department))
            .Select(c => new RecurringCause(c.Key.Reason, c.Key.Department, from, to, c.Sum(g => g.Count), customers.GetValueOrDefault((c.Key.Reason, c.Key.Department)),
                c.Sum(g => g.Amount), Rate(c.Sum(g => g.Count), issued)))
            .OrderByDescending(c => c.Occurrences).ThenBy(c => c.Key, StringComparer.Ordinal)
            .ToList();
        return new RootCausePeriod(from, to, issued, groups, causes);

        RootCauseGroup Group(string reason, string kind, string? department, string segment, string family, int count, decimal amount) =>
            new(reason, kind, department ?? Unassigned, segment, family, from, to, count, amount, Rate(count, issued));
    }

    /// <summary>Occurrences of one cause and the invoices issued over a window (the observation window after a fix).</summary>
    public static async Task<(int Occurrences, int InvoicesIssued, decimal RatePer1000)> CauseRateAsync(OrderToCashDbContext db, string reason, string department, DateOnly from, DateOnly to, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var period = await GroupAsync(db, from, to, cancellationToken).ConfigureAwait(false);
        var occurrences = period.Find(ImprovementTask.CauseKey(reason, department))?.Occurrences ?? 0;
        return (occurrences, period.InvoicesIssued, Rate(occurrences, period.InvoicesIssued));
    }

    /// <summary>Rate per 1,000 invoices, to 4 decimals (0 when no invoice was issued: nothing to compare with).</summary>
    public static decimal Rate(int count, int invoices) => invoices == 0 ? 0m : Math.Round(count * 1000m / invoices, 4, MidpointRounding.AwayFromZero);

    /// <summary>The disputes and late-paid invoices behind a cause in a period, newest first, for the task's evidence.</summary>
    public static async Task<IReadOnlyList<ImprovementTaskEvidence>> EvidenceAsync(OrderToCashDbContext db, Guid taskId, RecurringCause cause, int limit, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(cause);
        var (start, end) = Instants(cause.From, cause.To);
        var department = cause.Department == Unassigned ? null : cause.Department;
        var disputes = await (
                from d in db.Set<Dispute>().AsNoTracking()
                where d.RaisedAt >= start && d.RaisedAt < end && d.ReasonCode == cause.ReasonCode
                join r in db.Set<ReasonCode>() on d.ReasonCode equals r.Code into reasons
                from r in reasons.DefaultIfEmpty()
                where (d.Department ?? r.Department) == department
                orderby d.RaisedAt descending
                select new { d.Id, d.Number, d.InvoiceId, d.InvoiceNumber, d.Amount, d.RaisedAt })
            .Take(limit).ToListAsync(cancellationToken).ConfigureAwait(false);
        var late = await (
                from i in LatePayments(db, cause.From, cause.To).AsNoTracking()
                where i.LatePaymentReason == cause.ReasonCode
                join r in db.Set<ReasonCode>() on i.LatePaymentReason equals r.Code into reasons
                from r in reasons.DefaultIfEmpty()
                where r.Department == department
                orderby i.SettledOn descending
                select new { i.Id, i.Number, i.GrossAmount, i.SettledOn })
            .Take(limit).ToListAsync(cancellationToken).ConfigureAwait(false);
        return
        [
            .. disputes.Select(d => new ImprovementTaskEvidence
            {
                TaskId = taskId, InvoiceId = d.InvoiceId, InvoiceNumber = d.InvoiceNumber, DisputeId = d.Id, DisputeNumber = d.Number,
                Amount = d.Amount, OccurredOn = DateOnly.FromDateTime(d.RaisedAt.UtcDateTime),
            }),
            .. late.Select(i => new ImprovementTaskEvidence
            {
                TaskId = taskId, InvoiceId = i.Id, InvoiceNumber = i.Number, Amount = i.GrossAmount, OccurredOn = i.SettledOn!.Value,
            }),
        ];
    }

    private static IQueryable<Invoice> LatePayments(OrderToCashDbContext db, DateOnly from, DateOnly to) =>
        db.Set<Invoice>().Where(i => i.LatePaymentReason != null && i.SettledOn >= from && i.SettledOn < to && i.SettledOn > i.DueDate);

    private static async Task<Dictionary<(string, string), int>> DistinctCustomersAsync(OrderToCashDbContext db, DateOnly from, DateOnly to, DateTimeOffset start, DateTimeOffset end, CancellationToken cancellationToken)
    {
        var disputes = await (
                from d in db.Set<Dispute>()
                where d.RaisedAt >= start && d.RaisedAt < end
                join r in db.Set<ReasonCode>() on d.ReasonCode equals r.Code into reasons
                from r in reasons.DefaultIfEmpty()
                group d.CustomerId by new { Reason = d.ReasonCode, Department = d.Department ?? r.Department } into g
                select new { g.Key.Reason, g.Key.Department, Customers = g.Distinct().Count() })
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        var latePayments = LatePayments(db, from, to);
        var late = await (
                from i in latePayments
                join r in db.Set<ReasonCode>() on i.LatePaymentReason equals r.Code into reasons
                from r in reasons.DefaultIfEmpty()
                group i.CustomerId by new { Reason = i.LatePaymentReason!, r.Department } into g
                select new { g.Key.Reason, g.Key.Department, Customers = g.Distinct().Count() })
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        var result = new Dictionary<(string, string), int>();
        foreach (var row in disputes.Concat(late))
        {
            var key = (row.Reason, row.Department ?? Unassigned);
            result[key] = result.GetValueOrDefault(key) + row.Customers;
        }

        return result;
    }

    private static (DateTimeOffset Start, DateTimeOffset End) Instants(DateOnly from, DateOnly to) =>
        (new DateTimeOffset(from.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero), new DateTimeOffset(to.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero));
}
