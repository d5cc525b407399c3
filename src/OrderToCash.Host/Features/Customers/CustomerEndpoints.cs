using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using OrderToCash.Core.Credit;
using OrderToCash.Core.Customers;
using OrderToCash.Core.Infrastructure.Persistence;

namespace OrderToCash.Host.Features.Customers;

internal static class CustomerEndpoints
{
    public static void MapCustomers(this IEndpointRouteBuilder endpoints)
    {
        var customers = endpoints.MapGroup("/api/customers").WithTags("Customers")
            .RequireAuthorization(policy => policy.RequireRole(CustomerScope.ReaderRoles));
        customers.MapGet("/", ListAsync)
            .WithSummary("List the customers the caller sees, optionally filtered by id, name or SIREN").Produces<List<CustomerListItem>>();
        customers.MapGet("/{id}", GetAsync)
            .WithSummary("Read a customer: identity, terms, credit limit, contacts and current exposure").Produces<CustomerDetails>().ProducesProblem(StatusCodes.Status404NotFound);
    }

    /// <summary>The customers the user sees, by id; <paramref name="q"/> keeps those whose id, name or SIREN contains it.</summary>
    private static async Task<IResult> ListAsync(string? q, ClaimsPrincipal user, OrderToCashDbContext db, CancellationToken cancellationToken)
    {
        var query = db.Set<Customer>().AsNoTracking().VisibleTo(user);
        if (!string.IsNullOrWhiteSpace(q))
        {
            var term = q.Trim();
            query = query.Where(c => c.Id.Contains(term) || c.LegalName.Contains(term) || c.Siren.Contains(term));
        }

        var list = await query
            .OrderBy(c => c.Id)
            .Select(c => new CustomerListItem(c.Id, c.LegalName, c.Siren, c.Segment, c.Salesperson, c.RiskClass, c.Currency, c.NextReviewOn, c.InsurerCoverExpiresOn))
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        return Results.Ok(list);
    }

    private static async Task<IResult> GetAsync(string id, ClaimsPrincipal user, OrderToCashDbContext db, CancellationToken cancellationToken)
    {
        var customer = await db.Set<Customer>().AsNoTracking().VisibleTo(user).FirstOrDefaultAsync(c => c.Id == id, cancellationToken).ConfigureAwait(false);
        if (customer is null)
        {
            // The same answer for "does not exist" and "not yours": a customer learns nothing about others.
            return Results.Problem(title: $"Customer '{id}' was not found.", statusCode: StatusCodes.Status404NotFound);
        }

        var exposure = await db.Set<CreditExposure>().AsNoTracking().FirstOrDefaultAsync(e => e.CustomerId == id, cancellationToken).ConfigureAwait(false);
        return Results.Ok(CustomerDetails.From(customer, exposure));
    }
}
