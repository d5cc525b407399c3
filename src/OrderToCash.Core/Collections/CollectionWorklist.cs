using Microsoft.EntityFrameworkCore;
using OrderToCash.Core.Customers;
using OrderToCash.Core.Disputes;
using OrderToCash.Core.Dunning;
using OrderToCash.Core.Infrastructure.Persistence;
using OrderToCash.Core.Invoicing;

namespace OrderToCash.Core.Collections;

/// <summary>What the worklist is sorted by.</summary>
public enum WorklistSort
{
    /// <summary>The risk score: overdue amount × days late × risk class.</summary>
    Risk,
    Overdue,
    DaysLate,
    Customer,
}

/// <param name="Page">1-based.</param>
/// <param name="PageSize">1 to 100.</param>
/// <param name="Sort">The sort key.</param>
/// <param name="Descending">Largest first.</param>
/// <param name="Search">Part of the customer's number or name.</param>
/// <param name="OverdueOnly">Only accounts with an overdue amount to chase.</param>
public sealed record WorklistQuery(int Page, int PageSize, WorklistSort Sort, bool Descending, string? Search, bool OverdueOnly);

/// <param name="Step">The escalation rules' step (e.g. FormalReminder).</param>
/// <param name="Level">Its level on the ladder.</param>
/// <param name="On">The day it becomes due.</param>
/// <param name="InvoiceNumber">The invoice it is for.</param>
public sealed record NextLadderStep(string Step, int Level, DateOnly On, string InvoiceNumber);

/// <summary>One account of the collector's worklist (amounts in the customer's currency).</summary>
public sealed record WorklistAccount(
    string CustomerId,
    string LegalName,
    string Segment,
    string RiskClass,
    string Salesperson,
    string Currency,
    decimal OpenAmount,
    decimal OverdueAmount,
    decimal DisputedAmount,
    int OldestDaysLate,
    decimal RiskScore,
    NextLadderStep? NextStep,
    int PromisesPending,
    int PromisesDueToday,
    int PromisesBroken,
    int OpenDisputes,
    ContactLogEntry? LastContact);

public sealed record WorklistPage(int Page, int PageSize, int Total, IReadOnlyList<WorklistAccount> Accounts);

/// <summary>
/// The collector's worklist: every account with open receivables, ranked by risk = Σ over its overdue items of (the
/// dunnable amount × days late) × the risk class's weight (A 1 … E 5), i.e. overdue amount × amount-weighted days late
/// × risk class. Sorted and paged here on the server: the open items are read once as whole cents (as the aged balance
/// is), scored, sorted, and only the page's accounts get their promises, disputes, last contact and next ladder step.
/// </summary>
public sealed class CollectionWorklist(Func<OrderToCashDbContext> createContext, ReminderLadder ladder, TimeProvider clock)
{
    /// <summary>How far ahead the next ladder step is looked for.</summary>
    public const int ForecastDays = 45;

    /// <summary>A broken promise stays on the worklist this many days after it was judged.</summary>
    public const int BrokenPromiseDays = 30;

    public static decimal RiskWeight(string riskClass) => riskClass switch
    {
        "A" => 1m,
        "B" => 2m,
        "C" => 3m,
        "D" => 4m,
        "E" => 5m,
        _ => 3m,
    };

    /// <param name="customers">The customers the caller may see (the host applies the scope).</param>
    /// <param name="query">Paging, sorting and filters.</param>
    /// <param name="cancellationToken">Cancels the queries.</param>
    public async Task<WorklistPage> ReadAsync(Func<OrderToCashDbContext, IQueryable<Customer>> customers, WorklistQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(customers);
        ArgumentNullException.ThrowIfNull(query);
        await using var db = createContext();
        var now = clock.GetUtcNow();
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        var scope = customers(db);
        if (!string.IsNullOrWhiteSpace(query.Search))
        {
            var search = query.Search.Trim();
            scope = scope.Where(c => c.Id.Contains(search) || c.LegalName.Contains(search));
        }

        var people = await scope.Select(c => new { c.Id, c.LegalName, c.Segment, c.RiskClass, c.Salesperson, c.Currency })
            .ToDictionaryAsync(c => c.Id, StringComparer.Ordinal, cancellationToken).ConfigureAwait(false);
        var ids = scope.Select(c => c.Id);
        var items = await db.Set<Invoice>().AsNoTracking()
            .Where(i => i.SettledOn == null && ids.Contains(i.CustomerId))
            .Select(i => new
            {
                i.CustomerId,
                i.DueDate,
                Open = (long)Math.Round((double)(i.GrossAmount - i.PaidAmount - i.CreditedAmount - i.WrittenOffAmount) * 100),
                Disputed = (long)Math.Round((double)i.DisputedAmount * 100),
            })
            .ToListAsync(cancellationToken).ConfigureAwait(false);

        var scored = items.GroupBy(i => i.CustomerId, StringComparer.Ordinal).Select(g =>
        {
            var person = people[g.Key];
            var overdue = g.Where(i => i.DueDate < today).Select(i => (Cents: Math.Max(0, i.Open - i.Disputed), Days: today.DayNumber - i.DueDate.DayNumber)).ToList();
            var euroDays = overdue.Sum(i => (decimal)i.Cents * i.Days) / 100m;
            return new Scored(
                g.Key, person.LegalName, person.Segment, person.RiskClass, person.Salesperson, person.Currency,
                g.Sum(i => i.Open) / 100m,
                overdue.Sum(i => i.Cents) / 100m,
                g.Sum(i => i.Disputed) / 100m,
                overdue.Where(i => i.Cents > 0).Select(i => i.Days).DefaultIfEmpty(0).Max(),
                Math.Round(euroDays * RiskWeight(person.RiskClass), 2, MidpointRounding.AwayFromZero));
        });
        if (query.OverdueOnly)
        {
            scored = scored.Where(s => s.OverdueAmount > 0m);
        }

        var all = scored.ToList();
        var sorted = query.Sort switch
        {
            WorklistSort.Overdue => Order(all, s => s.OverdueAmount, query.Descending),
            WorklistSort.DaysLate => Order(all, s => s.OldestDaysLate, query.Descending),
            WorklistSort.Customer => query.Descending
                ? all.OrderByDescending(s => s.LegalName, StringComparer.CurrentCulture).ThenBy(s => s.CustomerId, StringComparer.Ordinal)
                : all.OrderBy(s => s.LegalName, StringComparer.CurrentCulture).ThenBy(s => s.CustomerId, StringComparer.Ordinal),
            _ => Order(all, s => s.RiskScore, query.Descending),
        };
        var page = sorted.Skip((query.Page - 1) * query.PageSize).Take(query.PageSize).ToList();
        var accounts = new List<WorklistAccount>(page.Count);
        foreach (var account in page)
        {
            accounts.Add(await DetailAsync(db, account, today, now, cancellationToken).ConfigureAwait(false));
        }

        return new WorklistPage(query.Page, query.PageSize, all.Count, accounts);
    }

    private static IOrderedEnumerable<Scored> Order<TKey>(List<Scored> all, Func<Scored, TKey> key, bool descending) =>
        (descending ? all.OrderByDescending(key) : all.OrderBy(key)).ThenBy(s => s.CustomerId, StringComparer.Ordinal);

    /// <summary>The account's promises, disputes, last contact and the first ladder step coming on its open invoices.</summary>
    private async Task<WorklistAccount> DetailAsync(OrderToCashDbContext db, Scored s, DateOnly today, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var brokenSince = today.AddDays(-BrokenPromiseDays);
        var promises = await db.Set<PromiseToPay>().AsNoTracking()
            .Where(p => p.CustomerId == s.CustomerId && (p.Status == PromiseStatus.Pending || (p.Status == PromiseStatus.Broken && p.CheckedOn >= brokenSince)))
            .Select(p => new { p.Status, p.PromisedFor, p.InvoiceId })
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        var disputes = await db.Set<Dispute>().AsNoTracking()
            .CountAsync(d => d.CustomerId == s.CustomerId && d.Status == DisputeStatus.Open, cancellationToken).ConfigureAwait(false);
        var lastContact = await db.Set<ContactLogEntry>().AsNoTracking()
            .Where(e => e.CustomerId == s.CustomerId).OrderByDescending(e => e.RecordedAt).FirstOrDefaultAsync(cancellationToken).ConfigureAwait(false);
        NextLadderStep? next = null;
        foreach (var invoice in await db.Set<Invoice>().AsNoTracking().Where(i => i.CustomerId == s.CustomerId && i.SettledOn == null).ToListAsync(cancellationToken).ConfigureAwait(false))
        {
            var step = await NextStepAsync(db, invoice, promises.Any(p => p.InvoiceId == invoice.Id && p.Status == PromiseStatus.Pending), today, now, cancellationToken).ConfigureAwait(false);
            if (step is not null && (next is null || step.On < next.On))
            {
                next = step;
            }
        }

        return new WorklistAccount(
            s.CustomerId, s.LegalName, s.Segment, s.RiskClass, s.Salesperson, s.Currency, s.OpenAmount, s.OverdueAmount, s.DisputedAmount, s.OldestDaysLate, s.RiskScore,
            next,
            promises.Count(p => p.Status == PromiseStatus.Pending),
            promises.Count(p => p.Status == PromiseStatus.Pending && p.PromisedFor == today),
            promises.Count(p => p.Status == PromiseStatus.Broken),
            disputes,
            lastContact);
    }

    /// <summary>The invoice's next step on the reminder ladder and its date, as the dunning workflow will reach it.</summary>
    public async Task<NextLadderStep?> NextStepAsync(OrderToCashDbContext db, Invoice invoice, bool promisePending, DateOnly today, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(invoice);
        var situation = await DunningSituation.ReadAsync(db, invoice, today, promisePending, cancellationToken).ConfigureAwait(false);
        var step = await ladder.NextStepAsync(day => situation with { AsOf = day.ToDateTime(TimeOnly.MinValue) }, today, ForecastDays, invoice.ReminderLevel, now, cancellationToken).ConfigureAwait(false);
        return step is { } s ? new NextLadderStep(s.Step, s.Level, s.On, invoice.Number) : null;
    }

    private sealed record Scored(
        string CustomerId, string LegalName, string Segment, string RiskClass, string Salesperson, string Currency,
        decimal OpenAmount, decimal OverdueAmount, decimal DisputedAmount, int OldestDaysLate, decimal RiskScore);
}
