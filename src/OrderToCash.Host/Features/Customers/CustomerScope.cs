using System.Security.Claims;
using OrderToCash.Core.Customers;
using OrderToCash.Core.Infrastructure.Security;
using OrderToCash.Host.Features.Auth;

namespace OrderToCash.Host.Features.Customers;

/// <summary>
/// Which customers a user may see: all of them for the back office, their own accounts for a salesperson,
/// their own company only for a customer. Applied in the query, so nothing else ever leaves the database.
/// </summary>
internal static class CustomerScope
{
    public static readonly string[] ReaderRoles =
        [Roles.CreditManager, Roles.SalesAdministration, Roles.Collector, Roles.Quality, Roles.Salesperson, Roles.Customer];

    public static IQueryable<Customer> VisibleTo(this IQueryable<Customer> customers, ClaimsPrincipal user)
    {
        if (user.IsInRole(Roles.CreditManager) || user.IsInRole(Roles.SalesAdministration) || user.IsInRole(Roles.Collector) || user.IsInRole(Roles.Quality))
        {
            return customers;
        }

        if (user.IsInRole(Roles.Salesperson))
        {
            var userName = user.Identity?.Name;
            return customers.Where(c => c.Salesperson == userName);
        }

        var customerId = user.FindFirstValue(UserClaims.CustomerId);
        return user.IsInRole(Roles.Customer) && customerId is not null
            ? customers.Where(c => c.Id == customerId)
            : customers.Where(_ => false);
    }
}
