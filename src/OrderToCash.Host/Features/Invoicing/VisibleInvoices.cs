using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using OrderToCash.Core.Customers;
using OrderToCash.Core.Infrastructure.Persistence;
using OrderToCash.Core.Infrastructure.Security;
using OrderToCash.Core.Invoicing;
using OrderToCash.Host.Features.Customers;

namespace OrderToCash.Host.Features.Invoicing;

/// <summary>The customer scope applied to invoices and what hangs off them: someone else's invoice is "not found".</summary>
internal static class VisibleInvoices
{
    public static IQueryable<string> CustomerIds(OrderToCashDbContext db, ClaimsPrincipal user) =>
        db.Set<Customer>().VisibleTo(user).Select(c => c.Id);

    /// <summary>The invoice, tracked, when <paramref name="user"/> may see it; else a 404.</summary>
    public static async Task<Invoice> FindAsync(OrderToCashDbContext db, ClaimsPrincipal user, string number, CancellationToken cancellationToken)
    {
        var customers = CustomerIds(db, user);
        return await db.Set<Invoice>().FirstOrDefaultAsync(i => i.Number == number && customers.Contains(i.CustomerId), cancellationToken).ConfigureAwait(false)
            ?? throw new KeyNotFoundException($"Invoice '{number}' was not found.");
    }

    public static bool IsCustomerOnly(ClaimsPrincipal user) =>
        user.IsInRole(Roles.Customer) && !CustomerScope.ReaderRoles.Where(r => r != Roles.Customer).Any(user.IsInRole);

    public static IResult Invalid(string what, IReadOnlyDictionary<string, string[]> problems) =>
        Results.ValidationProblem(problems.ToDictionary(), title: $"{what}: " + string.Join(" ", problems.Values.SelectMany(m => m)), statusCode: StatusCodes.Status422UnprocessableEntity);
}
