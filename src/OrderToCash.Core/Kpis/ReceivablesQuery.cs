using Microsoft.EntityFrameworkCore;
using OrderToCash.Core.Infrastructure.Persistence;
using OrderToCash.Core.Invoicing;
using OrderToCash.Core.Payments;

namespace OrderToCash.Core.Kpis;

/// <summary>
/// Receivables at past dates, rebuilt in the database from the ledger's dated movements:
/// open at D = Σ over invoices issued ≤ D and not settled by D of (gross − allocations applied ≤ D − credit notes issued ≤ D).
/// An invoice settled by D (paid, credited or written off to zero: the open amount never grows again) is 0 at D, which is
/// why write-offs need no term and why only the movements of invoices still open at D, and ever paid or credited, are
/// read (a native comparison of the amount as a double: only its sign matters). An invoice is in the bucket of its days overdue at D (D − due date): ≤ 0 not due,
/// 1-30, 31-60, 61-90, over 90.
/// <para>
/// Amounts are summed as whole cents, <c>(long)Math.Round((double)amount * 100)</c>, which every provider runs natively
/// and exactly (an amount with two decimals below 10^13 rounds back to its cents): EF Core's SQLite decimal aggregates
/// (<c>ef_sum</c>, <c>ef_add</c>) call back into .NET for every row, far too slow on a year of a million invoices.
/// </para>
/// </summary>
internal static class ReceivablesQuery
{
    public sealed record Result(AgedBalance Closing, decimal Opening, decimal Sales, int InvoicesIssued, Dictionary<(int Year, int Month), decimal> MonthlySales);

    /// <param name="db">The context.</param>
    /// <param name="invoices">The invoices in scope.</param>
    /// <param name="from">First day of the period: the opening balance is taken at the end of the day before.</param>
    /// <param name="to">Last day of the period: the closing balance (and its ageing) at the end of that day.</param>
    /// <param name="firstMonth">The first month whose sales the count-back walk may need.</param>
    /// <param name="cancellationToken">Cancels the queries.</param>
    public static async Task<Result> RunAsync(OrderToCashDbContext db, IQueryable<Invoice> invoices, DateOnly from, DateOnly to, DateOnly firstMonth, CancellationToken cancellationToken)
    {
        var closing = await OpenItemsAsync(db, invoices, to, cancellationToken).ConfigureAwait(false);
        var opening = await OpenItemsAsync(db, invoices, from.AddDays(-1), cancellationToken).ConfigureAwait(false);
        var start = firstMonth < from ? firstMonth : from;
        // Grouped by day, not by month: the index is in day order, so no sort; the months are added up here.
        var days = await invoices
            .Where(i => i.IssueDate >= start && i.IssueDate <= to)
            .GroupBy(i => i.IssueDate)
            .Select(g => new { Day = g.Key, Cents = g.Sum(i => (long)Math.Round((double)i.GrossAmount * 100)), Count = g.Count() })
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        var inPeriod = days.Where(d => d.Day >= from).ToList();
        return new Result(
            closing,
            opening.Total,
            Euros(inPeriod.Sum(d => d.Cents)),
            inPeriod.Sum(d => d.Count),
            days.Where(d => d.Day >= firstMonth).GroupBy(d => (d.Day.Year, d.Day.Month)).ToDictionary(g => g.Key, g => Euros(g.Sum(d => d.Cents))));
    }

    /// <summary>The open items at the end of <paramref name="at"/>, by days overdue at that date.</summary>
    public static async Task<AgedBalance> OpenItemsAsync(OrderToCashDbContext db, IQueryable<Invoice> invoices, DateOnly at, CancellationToken cancellationToken)
    {
        var (d30, d60, d90) = (at.AddDays(-30), at.AddDays(-60), at.AddDays(-90));
        var unsettled = invoices.Where(i => i.IssueDate <= at && (i.SettledOn == null || i.SettledOn > at));
        var issued = await unsettled
            .GroupBy(i => i.DueDate >= at ? 0 : i.DueDate >= d30 ? 1 : i.DueDate >= d60 ? 2 : i.DueDate >= d90 ? 3 : 4)
            .Select(g => new { Bucket = g.Key, Cents = g.Sum(i => (long)Math.Round((double)i.GrossAmount * 100)) })
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        var paid = await (
                from i in unsettled
                where (double)i.PaidAmount > 0
                join a in db.Set<PaymentAllocation>() on i.Id equals a.InvoiceId
                where a.AppliedOn <= at
                group a.Amount by i.DueDate >= at ? 0 : i.DueDate >= d30 ? 1 : i.DueDate >= d60 ? 2 : i.DueDate >= d90 ? 3 : 4 into g
                select new { Bucket = g.Key, Cents = g.Sum(amount => (long)Math.Round((double)amount * 100)) })
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        var credited = await (
                from i in unsettled
                where (double)i.CreditedAmount > 0
                join c in db.Set<CreditNote>() on i.Id equals c.InvoiceId
                where c.IssueDate <= at
                group c.Amount by i.DueDate >= at ? 0 : i.DueDate >= d30 ? 1 : i.DueDate >= d60 ? 2 : i.DueDate >= d90 ? 3 : 4 into g
                select new { Bucket = g.Key, Cents = g.Sum(amount => (long)Math.Round((double)amount * 100)) })
            .ToListAsync(cancellationToken).ConfigureAwait(false);

        var buckets = new long[5];
        foreach (var row in issued)
        {
            buckets[row.Bucket] += row.Cents;
        }

        foreach (var row in paid.Concat(credited))
        {
            buckets[row.Bucket] -= row.Cents;
        }

        return new AgedBalance(Euros(buckets[0]), Euros(buckets[1]), Euros(buckets[2]), Euros(buckets[3]), Euros(buckets[4]));
    }

    private static decimal Euros(long cents) => cents / 100m;
}
