using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using OrderToCash.Core.Customers;
using OrderToCash.Core.Disputes;
using OrderToCash.Core.Infrastructure.Persistence;
using OrderToCash.Core.Infrastructure.Security;
using OrderToCash.Core.Invoicing;
using OrderToCash.Core.Orders;
using OrderToCash.Engine.Durable;

namespace OrderToCash.Host.Features.Workflows;

/// <summary>
/// A task is offered by role, but a salesperson acts only for their own customers: a salesperson sees, claims and
/// answers only the tasks whose business key is an order, an invoice or a dispute of one of their customers (any other
/// task is not about their accounts), and the tasks a process gave them by name (<c>o2c:assignee</c>). The back office sees every task of its roles.
/// </summary>
internal static class TaskScope
{
    private static readonly string[] SeeAllRoles =
        [Roles.CreditManager, Roles.SalesAdministration, Roles.Collector, Roles.Quality, Roles.ProcessOwner, Roles.Administrator];

    public static async Task<IReadOnlyList<UserTask>> VisibleAsync(IReadOnlyList<UserTask> tasks, ClaimsPrincipal user, OrderToCashDbContext db, CancellationToken cancellationToken)
    {
        if (SeeAllRoles.Any(user.IsInRole) || !user.IsInRole(Roles.Salesperson))
        {
            return tasks;
        }

        var keys = tasks.Select(t => t.BusinessKey).OfType<string>().Distinct(StringComparer.Ordinal).ToList();
        var customerOf = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var row in await db.Set<Order>().AsNoTracking().Where(o => keys.Contains(o.Number)).Select(o => new { o.Number, o.CustomerId }).ToListAsync(cancellationToken).ConfigureAwait(false))
        {
            customerOf[row.Number] = row.CustomerId;
        }

        foreach (var row in await db.Set<Invoice>().AsNoTracking().Where(i => keys.Contains(i.Number)).Select(i => new { i.Number, i.CustomerId }).ToListAsync(cancellationToken).ConfigureAwait(false))
        {
            customerOf[row.Number] = row.CustomerId;
        }

        foreach (var row in await db.Set<Dispute>().AsNoTracking().Where(d => keys.Contains(d.Number)).Select(d => new { d.Number, d.CustomerId }).ToListAsync(cancellationToken).ConfigureAwait(false))
        {
            customerOf[row.Number] = row.CustomerId;
        }

        var customerIds = customerOf.Values.Distinct(StringComparer.Ordinal).ToList();
        var name = user.Identity?.Name;
        var own = (await db.Set<Customer>().AsNoTracking().Where(c => customerIds.Contains(c.Id) && c.Salesperson == name).Select(c => c.Id).ToListAsync(cancellationToken).ConfigureAwait(false))
            .ToHashSet(StringComparer.Ordinal);
        // A task the process gave to this person by name (o2c:assignee) is theirs whatever it is about.
        return [.. tasks.Where(t => (t.CandidateRole is null && t.Assignee == name)
            || (t.BusinessKey is { } key && customerOf.TryGetValue(key, out var customer) && own.Contains(customer)))];
    }
}
