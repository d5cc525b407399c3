using Microsoft.EntityFrameworkCore;
using OrderToCash.Core.Disputes;
using OrderToCash.Core.Dunning;
using OrderToCash.Core.Infrastructure.Persistence;
using OrderToCash.Core.Invoicing;
using OrderToCash.Core.Orders;
using OrderToCash.Core.Payments;
using OrderToCash.Engine.Durable;

namespace OrderToCash.Core.Demo;

/// <summary>
/// What happened, read from the database rather than counted along the way: each amount comes from its own table
/// (invoices, payment allocations, credit notes), so the balance identity is a real cross-check of the ledger.
/// Amounts are summed here, not in SQL: SQLite keeps decimals as text.
/// </summary>
public sealed record SimulationReport(
    int Customers,
    int Days,
    int Seed,
    DateOnly From,
    DateOnly To,
    int Orders,
    int CreditBlocked,
    int Released,
    int Rejected,
    int Delivered,
    int Invoices,
    decimal InvoicedAmount,
    decimal PaidAmount,
    decimal CreditedAmount,
    decimal WrittenOffAmount,
    decimal OpenAmount,
    bool Balanced,
    int SettledInvoices,
    int OverdueInvoices,
    decimal UnappliedCash,
    decimal LateInterestCharged,
    decimal IndemnitiesCharged,
    int Incidents,
    IReadOnlyDictionary<string, int> RemindersByLevel,
    IReadOnlyDictionary<string, int> DisputesByReason,
    IReadOnlyDictionary<string, int> CustomersByBehaviour,
    int PromisesJudged,
    int PromisesKept)
{
    /// <summary>The KPI's credit-block rate: orders the credit check blocked ÷ orders checked × 100, to 0.1 %.</summary>
    public decimal? CreditBlockRate => Orders == 0 ? null : Math.Round(CreditBlocked * 100m / Orders, 1, MidpointRounding.AwayFromZero);

    /// <summary>The KPI's promise-to-pay kept rate: promises judged kept ÷ promises judged × 100, to 0.1 %.</summary>
    public decimal? PromiseKeptRate => PromisesJudged == 0 ? null : Math.Round(PromisesKept * 100m / PromisesJudged, 1, MidpointRounding.AwayFromZero);

    public static async Task<SimulationReport> ReadAsync(Func<OrderToCashDbContext> createContext, SimulationSettings settings, IReadOnlyDictionary<string, int> behaviours, DateOnly today, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(createContext);
        ArgumentNullException.ThrowIfNull(settings);
        // The simulation only runs on an empty database: everything in it is the simulation's.
        await using var db = createContext();
        var orders = await db.Set<Order>().AsNoTracking()
            .Select(o => new { o.Status, o.CreditBlockReasons, o.DecidedBy }).ToListAsync(cancellationToken).ConfigureAwait(false);
        var invoices = await db.Set<Invoice>().AsNoTracking().ToListAsync(cancellationToken).ConfigureAwait(false);
        var paid = await db.Set<PaymentAllocation>().AsNoTracking()
            .Join(db.Set<Invoice>(), a => a.InvoiceId, i => i.Id, (a, _) => a.Amount)
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        var credited = await db.Set<CreditNote>().AsNoTracking().Select(n => n.Amount).ToListAsync(cancellationToken).ConfigureAwait(false);
        var unapplied = await db.Set<Payment>().AsNoTracking().Select(p => p.UnappliedAmount).ToListAsync(cancellationToken).ConfigureAwait(false);
        var reminders = await db.Set<Reminder>().AsNoTracking()
            .GroupBy(r => r.Level).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(cancellationToken).ConfigureAwait(false);
        var disputes = await db.Set<Dispute>().AsNoTracking()
            .GroupBy(d => d.ReasonCode).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(cancellationToken).ConfigureAwait(false);
        var promises = await db.Set<PromiseToPay>().AsNoTracking().Where(p => p.Status != PromiseStatus.Pending)
            .GroupBy(p => p.Status).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(cancellationToken).ConfigureAwait(false);
        var incidents = await WorkflowQueries.Instances(db).CountAsync(i => i.IncidentMessage != null, cancellationToken).ConfigureAwait(false);

        var invoiced = invoices.Sum(i => i.GrossAmount);
        var paidAmount = paid.Sum();
        var creditedAmount = credited.Sum();
        var writtenOff = invoices.Sum(i => i.WrittenOffAmount);
        var open = invoices.Sum(i => i.OpenAmount);
        var blocked = orders.Where(o => o.CreditBlockReasons.Length > 0).ToList();
        return new SimulationReport(
            behaviours.Values.Sum(),
            settings.Days,
            settings.Seed,
            settings.Start,
            settings.Start.AddDays(settings.Days - 1),
            orders.Count,
            blocked.Count,
            blocked.Count(o => o.DecidedBy is not null && o.Status != OrderStatus.Rejected),
            orders.Count(o => o.Status == OrderStatus.Rejected),
            orders.Count(o => o.Status is OrderStatus.Delivered or OrderStatus.Invoiced),
            invoices.Count,
            invoiced,
            paidAmount,
            creditedAmount,
            writtenOff,
            open,
            invoiced == paidAmount + creditedAmount + writtenOff + open,
            invoices.Count(i => i.IsSettled),
            invoices.Count(i => !i.IsSettled && i.DueDate < today),
            unapplied.Sum(),
            invoices.Sum(i => i.LateInterest),
            invoices.Sum(i => i.IndemnityCharged),
            incidents,
            reminders.OrderBy(r => r.Key).ToDictionary(r => r.Key.ToString(System.Globalization.CultureInfo.InvariantCulture), r => r.Count),
            disputes.OrderBy(d => d.Key, StringComparer.Ordinal).ToDictionary(d => d.Key, d => d.Count),
            behaviours,
            promises.Sum(p => p.Count),
            promises.Where(p => p.Key == PromiseStatus.Kept).Sum(p => p.Count));
    }
}
