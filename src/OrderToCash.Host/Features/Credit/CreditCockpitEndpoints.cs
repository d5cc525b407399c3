using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using OrderToCash.Core.Credit;
using OrderToCash.Core.Customers;
using OrderToCash.Core.Infrastructure.Persistence;
using OrderToCash.Core.Infrastructure.Security;
using OrderToCash.Core.Invoicing;
using OrderToCash.Core.Orders;
using OrderToCash.Engine.Durable;

namespace OrderToCash.Host.Features.Credit;

/// <summary>
/// The credit manager's cockpit: the orders blocked at entry or at delivery, oldest first, each with the rules that
/// blocked it, the customer's limit, exposure by component, headroom, risk class and payment history, the four-eyes
/// state and the release task waiting for a credit manager; then the credit-limit requests to decide and the customers
/// whose review is due or whose insurer cover expires within <see cref="LookAheadDays"/> days.
/// </summary>
internal static class CreditCockpitEndpoints
{
    public const int ListLength = 100;
    public const int LookAheadDays = 30;

    public static void MapCreditCockpit(this IEndpointRouteBuilder endpoints) =>
        endpoints.MapGet("/api/credit/cockpit", CockpitAsync).WithTags("Credit")
            .RequireAuthorization(policy => policy.RequireRole(Roles.CreditManager))
            .WithSummary("Blocked orders with their failing rules, exposure, headroom, payment history, four-eyes state and release task; credit-limit requests to decide; reviews and insurer covers due")
            .Produces<CreditCockpit>();

    private static async Task<IResult> CockpitAsync(ClaimsPrincipal user, OrderToCashDbContext db, WorkflowReader reader, TimeProvider clock, CancellationToken cancellationToken)
    {
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var blockedQuery = db.Set<Order>().AsNoTracking().Where(o => o.Status == OrderStatus.CreditBlocked || o.Status == OrderStatus.DeliveryBlocked);
        var blockedTotal = await blockedQuery.CountAsync(cancellationToken).ConfigureAwait(false);
        var blocked = await blockedQuery.OrderBy(o => o.CreatedAt).Take(ListLength).ToListAsync(cancellationToken).ConfigureAwait(false);
        var customerIds = blocked.Select(o => o.CustomerId).Distinct(StringComparer.Ordinal).ToList();
        var customers = await db.Set<Customer>().AsNoTracking().Where(c => customerIds.Contains(c.Id))
            .ToDictionaryAsync(c => c.Id, StringComparer.Ordinal, cancellationToken).ConfigureAwait(false);
        var exposures = await db.Set<CreditExposure>().AsNoTracking().Where(e => customerIds.Contains(e.CustomerId))
            .ToDictionaryAsync(e => e.CustomerId, StringComparer.Ordinal, cancellationToken).ConfigureAwait(false);
        var histories = new Dictionary<string, CustomerPaymentHistory>(StringComparer.Ordinal);
        foreach (var id in customerIds)
        {
            histories[id] = await PaymentHistoryQuery.ReadAsync(db, id, today, cancellationToken).ConfigureAwait(false);
        }

        var releaseTasks = (await reader.InboxAsync(user.Identity!.Name!, [Roles.CreditManager], cancellationToken).ConfigureAwait(false))
            .Where(t => t.ProcessId == CreditRelease.ProcessId && t.BusinessKey is not null)
            .GroupBy(t => t.BusinessKey!, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.OrderBy(t => t.CreatedAt).First(), StringComparer.Ordinal);

        var orders = blocked.Select(o =>
        {
            var customer = customers[o.CustomerId];
            var exposure = exposures.GetValueOrDefault(o.CustomerId);
            var total = exposure is null ? 0m : exposure.Total.Amount;
            var limit = customer.CreditLimit.Amount;
            var history = histories[o.CustomerId];
            var task = releaseTasks.GetValueOrDefault(o.Number);
            return new CockpitBlockedOrder(
                o.Number, o.Status.ToString(), o.CustomerId, customer.LegalName, customer.RiskClass, o.GrossTotal, o.Currency, o.CreatedAt,
                [.. o.CreditBlockReasons.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)],
                limit, exposure?.OpenOrders ?? 0m, exposure?.DeliveredNotInvoiced ?? 0m, exposure?.OpenReceivables ?? 0m, total, limit - total,
                history.OverdueAmount, history.OldestOverdueDays, history.PaidInvoiceCount + customer.PaidInvoicesCarriedOver,
                o.ReleaseNeedsSecondApprover, o.FirstApprover, o.FirstApprovalComment,
                task is null ? null : new CockpitTask(task.Id, task.ElementId, task.Name, task.Status.ToString(), task.Assignee));
        }).ToList();

        var requests = await db.Set<CreditLimitChangeRequest>().AsNoTracking().Where(r => r.Status == CreditLimitRequestStatus.Pending)
            .OrderBy(r => r.RequestedAt).Take(ListLength).ToListAsync(cancellationToken).ConfigureAwait(false);
        var requestCustomers = requests.Select(r => r.CustomerId).Distinct(StringComparer.Ordinal).ToList();
        var requestNames = await db.Set<Customer>().AsNoTracking().Where(c => requestCustomers.Contains(c.Id))
            .ToDictionaryAsync(c => c.Id, c => c.LegalName, StringComparer.Ordinal, cancellationToken).ConfigureAwait(false);

        var horizon = today.AddDays(LookAheadDays);
        var reviews = await db.Set<Customer>().AsNoTracking()
            .Where(c => (c.NextReviewOn != null && c.NextReviewOn <= horizon) || (c.InsurerCoverExpiresOn != null && c.InsurerCoverExpiresOn <= horizon && c.InsurerCover > 0m))
            .OrderBy(c => c.Id).Take(ListLength)
            .Select(c => new CockpitReview(c.Id, c.LegalName, c.RiskClass, c.Currency, c.InternalCreditLimit, c.InsurerCover, c.NextReviewOn, c.InsurerCoverExpiresOn))
            .ToListAsync(cancellationToken).ConfigureAwait(false);

        return Results.Ok(new CreditCockpit(
            today,
            blockedTotal,
            orders,
            [.. requests.Select(r => new CockpitLimitRequest(r.Id, r.CustomerId, requestNames.GetValueOrDefault(r.CustomerId) ?? r.CustomerId, r.Currency, r.CurrentLimit, r.RequestedLimit, r.Reason, r.RequestedBy, r.RequestedAt))],
            [.. reviews.OrderBy(r => Earliest(r)).ThenBy(r => r.CustomerId, StringComparer.Ordinal)]));
    }

    private static DateOnly Earliest(CockpitReview review) =>
        new[] { review.NextReviewOn, review.InsurerCoverExpiresOn }.Where(d => d is not null).Min() ?? DateOnly.MaxValue;
}

/// <summary>The credit manager's task on a blocked order (credit-release): to release or reject, or the second approval.</summary>
internal sealed record CockpitTask(string Id, string ElementId, string? Name, string Status, string? Assignee);

/// <summary>
/// An order blocked at entry (<c>CreditBlocked</c>) or at delivery (<c>DeliveryBlocked</c>): the failing rules ("Rule:
/// message"), the customer's limit and exposure by component with the headroom, its overdue amount and oldest overdue
/// days, invoices it has paid, the four-eyes state and the waiting task.
/// </summary>
internal sealed record CockpitBlockedOrder(
    string Number, string Status, string CustomerId, string LegalName, string RiskClass, decimal GrossTotal, string Currency, DateTimeOffset EnteredAt,
    IReadOnlyList<string> Reasons, decimal CreditLimit, decimal OpenOrders, decimal DeliveredNotInvoiced, decimal OpenReceivables, decimal Exposure, decimal Headroom,
    decimal OverdueAmount, int OldestOverdueDays, int PaidInvoices, bool NeedsSecondApprover, string? FirstApprover, string? FirstApprovalComment, CockpitTask? Task);

internal sealed record CockpitLimitRequest(Guid Id, string CustomerId, string LegalName, string Currency, decimal CurrentLimit, decimal RequestedLimit, string Reason, string RequestedBy, DateTimeOffset RequestedAt);

/// <summary>A customer whose credit review is due, or whose insurer cover expires, within the look-ahead.</summary>
internal sealed record CockpitReview(string CustomerId, string LegalName, string RiskClass, string Currency, decimal InternalCreditLimit, decimal InsurerCover, DateOnly? NextReviewOn, DateOnly? InsurerCoverExpiresOn);

internal sealed record CreditCockpit(DateOnly Today, int BlockedTotal, List<CockpitBlockedOrder> BlockedOrders, List<CockpitLimitRequest> LimitRequests, List<CockpitReview> Reviews);
