using Microsoft.EntityFrameworkCore;
using OrderToCash.Core.Collections;
using OrderToCash.Core.Invoicing;
using OrderToCash.Core.Persistence;

namespace OrderToCash.Core.Analytics;

/// <summary>
/// Receivables at past dates, rebuilt from the ledger's dated movements in the database:
/// open at D = Σ gross of invoices issued ≤ D − Σ allocations applied ≤ D − Σ credit notes issued ≤ D − Σ write-offs dated ≤ D.
/// An invoice is in the bucket of its days overdue at D (D − due date): ≤ 0 not due, 1-30, 31-60, 61-90, over 90.
/// Each table is scanned once for both dates (conditional sums), so a year of a million invoices stays one pass each.
/// </summary>
internal static class ReceivablesQuery
{
    public sealed record Result(AgedBalance Closing, decimal Opening, decimal Sales, int InvoicesIssued);

    /// <param name="db">The context.</param>
    /// <param name="invoices">The invoices in scope.</param>
    /// <param name="from">First day of the period: the opening balance is taken at the end of the day before.</param>
    /// <param name="to">Last day of the period: the closing balance (and its ageing) at the end of that day.</param>
    /// <param name="cancellationToken">Cancels the queries.</param>
    public static async Task<Result> RunAsync(OrderToCashDbContext db, IQueryable<Invoice> invoices, DateOnly from, DateOnly to, CancellationToken cancellationToken)
    {
        var open = from.AddDays(-1);
        var (d30, d60, d90) = (to.AddDays(-30), to.AddDays(-60), to.AddDays(-90));

        var issued = await invoices
            .Where(i => i.IssueDate <= to)
            .GroupBy(i => i.DueDate >= to ? 0 : i.DueDate >= d30 ? 1 : i.DueDate >= d60 ? 2 : i.DueDate >= d90 ? 3 : 4)
            .Select(g => new
            {
                Bucket = g.Key,
                Closing = g.Sum(i => i.GrossAmount - (i.WrittenOffOn <= to ? i.WrittenOffAmount : 0m)),
                Opening = g.Sum(i => i.IssueDate <= open ? i.GrossAmount - (i.WrittenOffOn <= open ? i.WrittenOffAmount : 0m) : 0m),
                Sales = g.Sum(i => i.IssueDate >= from ? i.GrossAmount : 0m),
                Issued = g.Count(i => i.IssueDate >= from),
            })
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        var paid = await (
                from a in db.Set<PaymentAllocation>()
                where a.AppliedOn <= to
                join i in invoices on a.InvoiceId equals i.Id
                group new { a.Amount, a.AppliedOn } by i.DueDate >= to ? 0 : i.DueDate >= d30 ? 1 : i.DueDate >= d60 ? 2 : i.DueDate >= d90 ? 3 : 4 into g
                select new { Bucket = g.Key, Closing = g.Sum(x => x.Amount), Opening = g.Sum(x => x.AppliedOn <= open ? x.Amount : 0m) })
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        var credited = await (
                from c in db.Set<CreditNote>()
                where c.IssueDate <= to
                join i in invoices on c.InvoiceId equals i.Id
                group new { c.Amount, c.IssueDate } by i.DueDate >= to ? 0 : i.DueDate >= d30 ? 1 : i.DueDate >= d60 ? 2 : i.DueDate >= d90 ? 3 : 4 into g
                select new { Bucket = g.Key, Closing = g.Sum(x => x.Amount), Opening = g.Sum(x => x.IssueDate <= open ? x.Amount : 0m) })
            .ToListAsync(cancellationToken).ConfigureAwait(false);

        var buckets = new decimal[5];
        foreach (var row in issued)
        {
            buckets[row.Bucket] += row.Closing;
        }

        foreach (var row in paid.Concat(credited))
        {
            buckets[row.Bucket] -= row.Closing;
        }

        var opening = issued.Sum(r => r.Opening) - paid.Sum(r => r.Opening) - credited.Sum(r => r.Opening);
        return new Result(
            new AgedBalance(buckets[0], buckets[1], buckets[2], buckets[3], buckets[4]),
            opening,
            issued.Sum(r => r.Sales),
            issued.Sum(r => r.Issued));
    }

    /// <summary>Credit sales (gross of invoices issued) per calendar month from <paramref name="firstMonth"/> to <paramref name="to"/>.</summary>
    public static async Task<Dictionary<(int Year, int Month), decimal>> MonthlySalesAsync(IQueryable<Invoice> invoices, DateOnly firstMonth, DateOnly to, CancellationToken cancellationToken)
    {
        var rows = await invoices
            .Where(i => i.IssueDate >= firstMonth && i.IssueDate <= to)
            .GroupBy(i => new { i.IssueDate.Year, i.IssueDate.Month })
            .Select(g => new { g.Key.Year, g.Key.Month, Sales = g.Sum(i => i.GrossAmount) })
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        return rows.ToDictionary(r => (r.Year, r.Month), r => r.Sales);
    }
}
