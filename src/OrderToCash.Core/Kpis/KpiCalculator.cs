using Microsoft.EntityFrameworkCore;
using OrderToCash.Core.Credit;
using OrderToCash.Core.Customers;
using OrderToCash.Core.Disputes;
using OrderToCash.Core.Dunning;
using OrderToCash.Core.Infrastructure.Persistence;
using OrderToCash.Core.Invoicing;
using OrderToCash.Core.Orders;
using OrderToCash.Core.Reasons;

namespace OrderToCash.Core.Kpis;

/// <summary>
/// The order-to-cash KPIs for a period [from, to] (both days included, days = to − from + 1) and a scope. One
/// definition each (docs/root-cause.md has worked examples); AR = open receivables incl. VAT (see <see cref="ReceivablesQuery"/>),
/// credit sales = gross of the invoices issued in the period.
/// <list type="bullet">
/// <item>DSO (standard) = closing AR ÷ credit sales × days.</item>
/// <item>Count-back DSO (par épuisement): from closing AR, walk back month by month from the month of <c>to</c> (its
/// days counted up to <c>to</c>); while AR ≥ the month's sales, subtract them and add the month's days; the last month
/// adds (remaining AR ÷ its sales) × its days. At most 24 months; a month without sales adds its days and nothing else.</item>
/// <item>Best possible DSO = closing not-yet-due AR ÷ credit sales × days. ADD (average days delinquent) = DSO − best possible DSO.</item>
/// <item>CEI = (opening AR + credit sales − closing AR) ÷ (opening AR + credit sales − closing not-yet-due AR) × 100.</item>
/// <item>% disputed invoices = invoices issued in the period with at least one dispute ÷ invoices issued × 100.</item>
/// <item>Mean dispute resolution time by department (the routed one, else the taxonomy's) = mean (resolved − raised) in days of the disputes resolved in the period.</item>
/// <item>Promise-to-pay kept rate = promises judged Kept ÷ promises judged (kept, partially kept, broken) in the period × 100.</item>
/// <item>Credit-block rate = orders entered in the period that the credit check blocked ÷ orders entered × 100; mean
/// release time = mean (release decision − entry) in hours of those of them released.</item>
/// <item>Exposure vs limit: Σ exposure and Σ (internal limit + insurer cover) of the customers in scope, now.</item>
/// </list>
/// Figures are rounded to 2 decimals at the end only.
/// </summary>
public sealed class KpiCalculator(Func<OrderToCashDbContext> createContext)
{
    public const int CountBackMonths = 24;

    public async Task<KpiReport> CalculateAsync(DateOnly from, DateOnly to, KpiScope scope, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(scope);
        if (to < from)
        {
            throw new ArgumentOutOfRangeException(nameof(to), to, $"The period ends ({to:yyyy-MM-dd}) before it starts ({from:yyyy-MM-dd}).");
        }

        await using var db = createContext();
        var invoices = Invoices(db, scope);
        var days = to.DayNumber - from.DayNumber + 1;
        var firstMonth = new DateOnly(to.Year, to.Month, 1).AddMonths(-(CountBackMonths - 1));
        var receivables = await ReceivablesQuery.RunAsync(db, invoices, from, to, firstMonth, cancellationToken).ConfigureAwait(false);
        var closing = receivables.Closing.Total;
        var sales = receivables.Sales;

        decimal? dso = sales == 0m ? null : closing / sales * days;
        decimal? best = sales == 0m ? null : receivables.Closing.NotDue / sales * days;
        var ceiDenominator = receivables.Opening + sales - receivables.Closing.NotDue;
        decimal? cei = ceiDenominator == 0m ? null : (receivables.Opening + sales - closing) / ceiDenominator * 100m;

        // From the disputes (a tenth of the invoices, or fewer) to their invoices, not the other way round.
        var issuedInPeriod = invoices.Where(i => i.IssueDate >= from && i.IssueDate <= to);
        var disputed = await db.Set<Dispute>()
            .Where(d => issuedInPeriod.Any(i => i.Id == d.InvoiceId))
            .Select(d => d.InvoiceId)
            .Distinct().CountAsync(cancellationToken).ConfigureAwait(false);
        var (promisesJudged, promisesKept) = await PromisesAsync(db, invoices, from, to, cancellationToken).ConfigureAwait(false);
        var (ordersChecked, ordersBlocked, meanRelease) = await OrdersAsync(db, scope, from, to, cancellationToken).ConfigureAwait(false);

        return new KpiReport(
            from,
            to,
            scope.ToString(),
            days,
            receivables.Opening,
            closing,
            receivables.Closing.NotDue,
            sales,
            Round(dso),
            Round(CountBack(closing, receivables.MonthlySales, to)),
            Round(best),
            Round(dso - best),
            Round(cei),
            receivables.Closing,
            receivables.InvoicesIssued,
            disputed,
            Percent(disputed, receivables.InvoicesIssued),
            await ResolutionAsync(db, scope, invoices, from, to, cancellationToken).ConfigureAwait(false),
            promisesJudged,
            promisesKept,
            Percent(promisesKept, promisesJudged),
            ordersChecked,
            ordersBlocked,
            Percent(ordersBlocked, ordersChecked),
            Round(meanRelease),
            await ExposureAsync(db, scope, cancellationToken).ConfigureAwait(false));
    }

    /// <summary>
    /// The distinct values of a breakdown among the invoices issued up to <paramref name="to"/> (segment, salesperson or
    /// customer), within <paramref name="scope"/>: a salesperson's breakdown never names another salesperson's accounts.
    /// </summary>
    public async Task<IReadOnlyList<string>> ValuesAsync(KpiBreakdown by, DateOnly to, KpiScope scope, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(scope);
        await using var db = createContext();
        var invoices = db.Set<Invoice>().Where(i => i.IssueDate <= to);
        if (scope.Salesperson is { } salesperson)
        {
            invoices = invoices.Where(i => i.Salesperson == salesperson);
        }

        if (scope.CustomerId is { } customerId)
        {
            invoices = invoices.Where(i => i.CustomerId == customerId);
        }

        if (scope.Segment is { } segment)
        {
            invoices = invoices.Where(i => i.Segment == segment);
        }

        var values = by switch
        {
            KpiBreakdown.Segment => invoices.Select(i => i.Segment),
            KpiBreakdown.Salesperson => invoices.Select(i => i.Salesperson),
            _ => invoices.Select(i => i.CustomerId),
        };
        return await values.Distinct().OrderBy(v => v).ToListAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The count-back walk (see the class summary), on closing AR and the monthly sales up to <paramref name="to"/>.</summary>
    public static decimal? CountBack(decimal closingReceivables, IReadOnlyDictionary<(int Year, int Month), decimal> monthlySales, DateOnly to)
    {
        ArgumentNullException.ThrowIfNull(monthlySales);
        if (closingReceivables <= 0m)
        {
            return closingReceivables == 0m ? 0m : null;
        }

        var remaining = closingReceivables;
        var dso = 0m;
        var month = new DateOnly(to.Year, to.Month, 1);
        for (var i = 0; i < CountBackMonths; i++, month = month.AddMonths(-1))
        {
            var monthDays = i == 0 ? to.Day : DateTime.DaysInMonth(month.Year, month.Month);
            var sales = monthlySales.GetValueOrDefault((month.Year, month.Month));
            if (remaining >= sales)
            {
                remaining -= sales;
                dso += monthDays;
                if (remaining == 0m)
                {
                    return dso;
                }

                continue;
            }

            return dso + (remaining / sales * monthDays);
        }

        // AR older than the walk: the months walked are all it can tell.
        return dso;
    }

    private static IQueryable<Invoice> Invoices(OrderToCashDbContext db, KpiScope scope)
    {
        var invoices = db.Set<Invoice>().AsNoTracking();
        if (scope.CustomerId is { } customer)
        {
            invoices = invoices.Where(i => i.CustomerId == customer);
        }

        if (scope.Segment is { } segment)
        {
            invoices = invoices.Where(i => i.Segment == segment);
        }

        if (scope.Salesperson is { } salesperson)
        {
            invoices = invoices.Where(i => i.Salesperson == salesperson);
        }

        return invoices;
    }

    private static IQueryable<Customer> Customers(OrderToCashDbContext db, KpiScope scope)
    {
        var customers = db.Set<Customer>().AsNoTracking();
        if (scope.CustomerId is { } id)
        {
            customers = customers.Where(c => c.Id == id);
        }

        if (scope.Segment is { } segment)
        {
            customers = customers.Where(c => c.Segment == segment);
        }

        if (scope.Salesperson is { } salesperson)
        {
            customers = customers.Where(c => c.Salesperson == salesperson);
        }

        return customers;
    }

    private static async Task<IReadOnlyList<DepartmentResolution>> ResolutionAsync(OrderToCashDbContext db, KpiScope scope, IQueryable<Invoice> invoices, DateOnly from, DateOnly to, CancellationToken cancellationToken)
    {
        var (start, end) = (Midnight(from), Midnight(to.AddDays(1)));
        // Instants are subtracted here, not in SQL: SQLite keeps them as ticks, the others as timestamps. Only the
        // disputes resolved in the period come back, three columns each.
        var disputes = db.Set<Dispute>().Where(d => d.ResolvedAt >= start && d.ResolvedAt < end);
        if (!scope.IsCompany)
        {
            disputes = disputes.Where(d => invoices.Any(i => i.Id == d.InvoiceId));
        }

        // The owning department as the root-cause groups name it: the routed one, else the taxonomy's.
        var resolved = await (
                from d in disputes
                join r in db.Set<ReasonCode>() on d.ReasonCode equals r.Code into reasons
                from r in reasons.DefaultIfEmpty()
                select new { Department = d.Department ?? r.Department, d.RaisedAt, ResolvedAt = d.ResolvedAt!.Value })
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        return [.. resolved
            .GroupBy(d => d.Department ?? RootCauses.RootCauseGrouping.Unassigned, StringComparer.Ordinal)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => new DepartmentResolution(g.Key, g.Count(), Math.Round((decimal)g.Average(d => (d.ResolvedAt - d.RaisedAt).TotalDays), 2, MidpointRounding.AwayFromZero)))];
    }

    private static async Task<(int Judged, int Kept)> PromisesAsync(OrderToCashDbContext db, IQueryable<Invoice> invoices, DateOnly first, DateOnly last, CancellationToken cancellationToken)
    {
        var rows = await (
                from p in db.Set<PromiseToPay>()
                where p.CheckedOn >= first && p.CheckedOn <= last && p.Status != PromiseStatus.Pending
                join i in invoices on p.InvoiceId equals i.Id
                group p by p.Status into g
                select new { Status = g.Key, Count = g.Count() })
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        return (rows.Sum(r => r.Count), rows.Where(r => r.Status == PromiseStatus.Kept).Sum(r => r.Count));
    }

    private static async Task<(int Checked, int Blocked, decimal? MeanReleaseHours)> OrdersAsync(OrderToCashDbContext db, KpiScope scope, DateOnly from, DateOnly to, CancellationToken cancellationToken)
    {
        var (start, end) = (Midnight(from), Midnight(to.AddDays(1)));
        var orders = from o in db.Set<Order>().AsNoTracking()
                     where o.CreatedAt >= start && o.CreatedAt < end
                     join c in Customers(db, scope) on o.CustomerId equals c.Id
                     select o;
        var total = await orders.CountAsync(cancellationToken).ConfigureAwait(false);
        // A blocked order keeps its block reasons after its release or rejection: that is what makes it "blocked at entry".
        var blocked = orders.Where(o => o.CreditBlockReasons != string.Empty);
        var blockedCount = await blocked.CountAsync(cancellationToken).ConfigureAwait(false);
        var released = await blocked.Where(o => o.DecidedAt != null && o.Status != OrderStatus.Rejected)
            .Select(o => new { o.CreatedAt, DecidedAt = o.DecidedAt!.Value })
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        decimal? mean = released.Count == 0 ? null : (decimal)released.Average(o => (o.DecidedAt - o.CreatedAt).TotalHours);
        return (total, blockedCount, mean);
    }

    private static async Task<ExposureVsLimit> ExposureAsync(OrderToCashDbContext db, KpiScope scope, CancellationToken cancellationToken)
    {
        var rows = await (
                from c in Customers(db, scope)
                join e in db.Set<CreditExposure>() on c.Id equals e.CustomerId into exposures
                from e in exposures.DefaultIfEmpty()
                select new
                {
                    Limit = c.InternalCreditLimit + c.InsurerCover,
                    Exposure = e == null ? 0m : e.OpenOrders + e.DeliveredNotInvoiced + e.OpenReceivables,
                })
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        var exposure = rows.Sum(r => r.Exposure);
        var limit = rows.Sum(r => r.Limit);
        return new ExposureVsLimit(exposure, limit, Percent(exposure, limit), rows.Count(r => r.Exposure > r.Limit));
    }

    private static DateTimeOffset Midnight(DateOnly day) => new(day.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);

    private static decimal? Percent(decimal part, decimal whole) => whole == 0m ? null : Round(part / whole * 100m);

    private static decimal? Round(decimal? value) => value is null ? null : Math.Round(value.Value, 2, MidpointRounding.AwayFromZero);
}

public enum KpiBreakdown
{
    Segment,
    Salesperson,
    Customer,
}
