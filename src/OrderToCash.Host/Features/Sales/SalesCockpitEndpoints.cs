using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using OrderToCash.Core.Credit;
using OrderToCash.Core.Customers;
using OrderToCash.Core.Disputes;
using OrderToCash.Core.Infrastructure.Persistence;
using OrderToCash.Core.Infrastructure.Security;
using OrderToCash.Core.Invoicing;
using OrderToCash.Core.Orders;
using OrderToCash.Core.Processes;
using OrderToCash.Engine.Durable;
using OrderToCash.Host.Features.Collections;
using OrderToCash.Host.Features.Customers;
using OrderToCash.Host.Features.Workflows;

namespace OrderToCash.Host.Features.Sales;

/// <summary>
/// The salesperson's cockpit: their own customers only (the customer scope), each with its credit headroom and what is
/// overdue, then the overdue invoices, blocked orders, cordial calls to make and open disputes on those accounts.
/// The customer table is paged and sorted on the server; the lists show the first <see cref="ListLength"/> rows.
/// </summary>
internal static class SalesCockpitEndpoints
{
    public const int ListLength = 50;

    private static readonly string[] Sorts = ["overdue", "headroom", "customer"];

    public static void MapSalesCockpit(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/api/sales/cockpit", CockpitAsync).WithTags("Sales")
            .RequireAuthorization(policy => policy.RequireRole(Roles.Salesperson))
            .WithSummary("The salesperson's own customers (headroom, overdue, blocked orders; page, pageSize, sort=overdue|headroom|customer), their overdue invoices, blocked orders, cordial calls and open disputes")
            .Produces<SalesCockpit>().ProducesValidationProblem(StatusCodes.Status400BadRequest);
    }

    private static async Task<IResult> CockpitAsync(
        string? page, string? pageSize, string? sort, ClaimsPrincipal user, OrderToCashDbContext db, WorkflowReader reader, TimeProvider clock, CancellationToken cancellationToken)
    {
        var problems = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var number = WorklistParameters.Number(page, 1, int.MaxValue, 1, "page", problems);
        var size = WorklistParameters.Number(pageSize, 1, WorklistParameters.MaxPageSize, WorklistParameters.DefaultPageSize, "pageSize", problems);
        var key = sort?.ToLowerInvariant() ?? "overdue";
        if (!Sorts.Contains(key))
        {
            problems["sort"] = [$"Unknown sort '{sort}': one of {string.Join(", ", Sorts)}."];
        }

        if (problems.Count > 0)
        {
            return Results.ValidationProblem(problems, title: "The cockpit query is invalid: " + string.Join(" ", problems.Values.SelectMany(m => m)));
        }

        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var customers = db.Set<Customer>().AsNoTracking().VisibleTo(user);
        var ids = customers.Select(c => c.Id);
        var accounts = await (
                from c in customers
                join e in db.Set<CreditExposure>() on c.Id equals e.CustomerId into exposures
                from e in exposures.DefaultIfEmpty()
                select new
                {
                    c.Id,
                    c.LegalName,
                    c.RiskClass,
                    c.Currency,
                    Limit = (long)Math.Round((double)(c.InternalCreditLimit + c.InsurerCover) * 100),
                    Exposure = e == null ? 0L : (long)Math.Round((double)(e.OpenOrders + e.DeliveredNotInvoiced + e.OpenReceivables) * 100),
                })
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        var overdue = (await db.Set<Invoice>().AsNoTracking()
                .Where(i => i.SettledOn == null && i.DueDate < today && ids.Contains(i.CustomerId))
                .Select(i => new { i.CustomerId, Cents = (long)Math.Round((double)(i.GrossAmount - i.PaidAmount - i.CreditedAmount - i.WrittenOffAmount) * 100) })
                .ToListAsync(cancellationToken).ConfigureAwait(false))
            .GroupBy(i => i.CustomerId, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Sum(i => i.Cents) / 100m, StringComparer.Ordinal);
        var blockedCounts = await db.Set<Order>().AsNoTracking().Where(o => (o.Status == OrderStatus.CreditBlocked || o.Status == OrderStatus.DeliveryBlocked) && ids.Contains(o.CustomerId))
            .GroupBy(o => o.CustomerId).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, StringComparer.Ordinal, cancellationToken).ConfigureAwait(false);
        var rows = accounts.Select(a => new SalesAccount(
            a.Id, a.LegalName, a.RiskClass, a.Currency, a.Limit / 100m, a.Exposure / 100m, (a.Limit - a.Exposure) / 100m,
            overdue.GetValueOrDefault(a.Id), blockedCounts.GetValueOrDefault(a.Id))).ToList();
        IEnumerable<SalesAccount> sorted = key switch
        {
            "headroom" => rows.OrderBy(r => r.Headroom).ThenBy(r => r.CustomerId, StringComparer.Ordinal),
            "customer" => rows.OrderBy(r => r.LegalName, StringComparer.CurrentCulture).ThenBy(r => r.CustomerId, StringComparer.Ordinal),
            _ => rows.OrderByDescending(r => r.OverdueAmount).ThenBy(r => r.CustomerId, StringComparer.Ordinal),
        };

        var overdueItems = await db.Set<Invoice>().AsNoTracking()
            .Where(i => i.SettledOn == null && i.DueDate < today && ids.Contains(i.CustomerId))
            .OrderBy(i => i.DueDate).Take(ListLength).ToListAsync(cancellationToken).ConfigureAwait(false);
        var blocked = await db.Set<Order>().AsNoTracking().Where(o => (o.Status == OrderStatus.CreditBlocked || o.Status == OrderStatus.DeliveryBlocked) && ids.Contains(o.CustomerId))
            .OrderBy(o => o.CreatedAt).Take(ListLength)
            .Select(o => new SalesBlockedOrder(o.Number, o.CustomerId, o.GrossTotal, o.Currency, o.CreatedAt, o.CreditBlockReasons, o.FirstApprover))
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        var tasks = await TaskScope.VisibleAsync(await reader.InboxAsync(user.Identity!.Name!, [Roles.Salesperson], cancellationToken).ConfigureAwait(false), user, db, cancellationToken).ConfigureAwait(false);
        var calls = tasks.Where(t => t.ProcessId == OrderToCashCycle.DunningProcessId && t.ElementId == "call").OrderBy(t => t.CreatedAt).Take(ListLength)
            .Select(t => new SalesCall(t.Id, t.BusinessKey, t.CreatedAt, t.DueAt)).ToList();
        var callKeys = calls.Select(c => c.InvoiceNumber).OfType<string>().ToList();
        var callCustomers = await db.Set<Invoice>().AsNoTracking().Where(i => callKeys.Contains(i.Number))
            .ToDictionaryAsync(i => i.Number, i => i.CustomerId, StringComparer.Ordinal, cancellationToken).ConfigureAwait(false);
        var disputes = await db.Set<Dispute>().AsNoTracking().Where(d => d.Status == DisputeStatus.Open && ids.Contains(d.CustomerId)).OrderBy(d => d.RaisedAt).Take(ListLength)
            .Select(d => new AgendaDispute(d.Number, d.InvoiceNumber, d.CustomerId, d.Amount, d.Currency, d.ReasonCode, d.Department, d.RaisedAt, d.SlaDueAt))
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        var names = rows.ToDictionary(r => r.CustomerId, r => r.LegalName, StringComparer.Ordinal);
        return Results.Ok(new SalesCockpit(
            today,
            number,
            size,
            rows.Count,
            [.. sorted.Skip((number - 1) * size).Take(size)],
            [.. overdueItems.Select(i => new SalesOverdueItem(i.Number, i.CustomerId, i.DueDate, today.DayNumber - i.DueDate.DayNumber, i.OpenAmount, i.DisputedAmount, i.Currency, i.ReminderLevel))],
            blocked,
            [.. calls.Select(c => c with { CustomerId = c.InvoiceNumber is { } n ? callCustomers.GetValueOrDefault(n) : null })],
            disputes,
            names));
    }
}

internal sealed record SalesAccount(string CustomerId, string LegalName, string RiskClass, string Currency, decimal CreditLimit, decimal Exposure, decimal Headroom, decimal OverdueAmount, int BlockedOrders);

internal sealed record SalesOverdueItem(string Number, string CustomerId, DateOnly DueDate, int DaysLate, decimal OpenAmount, decimal DisputedAmount, string Currency, int ReminderLevel);

/// <summary>An order waiting for a credit manager; <c>Reasons</c> are the credit rules that blocked it, one per line ("Rule: message").</summary>
internal sealed record SalesBlockedOrder(string Number, string CustomerId, decimal GrossTotal, string Currency, DateTimeOffset EnteredAt, string Reasons, string? FirstApprover);

/// <summary>The dunning workflow's "call" task (answered in /tasks) about an invoice of one of the salesperson's customers.</summary>
internal sealed record SalesCall(string TaskId, string? InvoiceNumber, DateTimeOffset CreatedAt, DateTimeOffset? DueAt)
{
    public string? CustomerId { get; init; }
}

internal sealed record SalesCockpit(
    DateOnly Today, int Page, int PageSize, int Total, List<SalesAccount> Customers, List<SalesOverdueItem> OverdueItems, List<SalesBlockedOrder> BlockedOrders,
    List<SalesCall> Calls, List<AgendaDispute> Disputes, Dictionary<string, string> CustomerNames);
