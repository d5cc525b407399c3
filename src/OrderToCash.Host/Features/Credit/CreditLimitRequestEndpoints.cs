using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using OrderToCash.Core.Credit;
using OrderToCash.Core.Customers;
using OrderToCash.Core.Infrastructure.Persistence;
using OrderToCash.Core.Infrastructure.Security;
using OrderToCash.Host.Features.Customers;

namespace OrderToCash.Host.Features.Credit;

/// <summary>Credit-limit changes: sales (a salesperson for their own accounts, sales administration for any) asks, the credit manager decides.</summary>
internal static class CreditLimitRequestEndpoints
{
    public static void MapCreditLimitRequests(this IEndpointRouteBuilder endpoints)
    {
        var perCustomer = endpoints.MapGroup("/api/customers/{customerId}/credit-limit-requests").WithTags("Credit")
            .RequireAuthorization(policy => policy.RequireRole(Roles.Salesperson, Roles.SalesAdministration, Roles.CreditManager));
        perCustomer.MapGet("/", ListAsync)
            .WithSummary("The credit-limit requests made for a customer, decided or pending").Produces<List<CreditLimitChangeRequest>>().ProducesProblem(StatusCodes.Status404NotFound);
        perCustomer.MapPost("/", RequestAsync)
            .WithSummary("Ask the credit manager for a new credit limit").Produces<CreditLimitChangeRequest>(StatusCodes.Status201Created).ProducesProblem(StatusCodes.Status404NotFound);

        endpoints.MapPost("/api/credit-limit-requests/{requestId:guid}/decision", DecideAsync).WithTags("Credit")
            .RequireAuthorization(Roles.CreditManager)
            .WithSummary("Approve (with the limit granted) or refuse a credit-limit request").Produces<CreditLimitChangeRequest>()
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
    }

    private static async Task<IResult> ListAsync(string customerId, ClaimsPrincipal user, OrderToCashDbContext db, CreditLimitRequests requests, CancellationToken cancellationToken)
    {
        await EnsureVisibleAsync(customerId, user, db, cancellationToken).ConfigureAwait(false);
        return Results.Ok(await requests.ForCustomerAsync(customerId, cancellationToken).ConfigureAwait(false));
    }

    private static async Task<IResult> RequestAsync(string customerId, NewRequest body, ClaimsPrincipal user, OrderToCashDbContext db, CreditLimitRequests requests, CancellationToken cancellationToken)
    {
        await EnsureVisibleAsync(customerId, user, db, cancellationToken).ConfigureAwait(false);
        if (body.RequestedLimit is not { } limit)
        {
            return Results.ValidationProblem(new Dictionary<string, string[]> { ["requestedLimit"] = ["The requested credit limit is required."] });
        }

        var request = await requests.RequestAsync(customerId, limit, body.Reason ?? string.Empty, user.Identity!.Name!, cancellationToken).ConfigureAwait(false);
        return Results.Created($"/api/customers/{customerId}/credit-limit-requests", request);
    }

    private static async Task<IResult> DecideAsync(Guid requestId, Decision body, ClaimsPrincipal user, CreditLimitRequests requests, CancellationToken cancellationToken) =>
        Results.Ok(await requests.DecideAsync(requestId, body.Approve, body.GrantedLimit, body.Comment ?? string.Empty, user.Identity!.Name!, cancellationToken).ConfigureAwait(false));

    /// <summary>A salesperson works on their own accounts only; others get the same 404 as for an unknown customer.</summary>
    private static async Task EnsureVisibleAsync(string customerId, ClaimsPrincipal user, OrderToCashDbContext db, CancellationToken cancellationToken)
    {
        if (!await db.Set<Customer>().VisibleTo(user).AnyAsync(c => c.Id == customerId, cancellationToken).ConfigureAwait(false))
        {
            throw new KeyNotFoundException($"Customer '{customerId}' was not found.");
        }
    }

    internal sealed record NewRequest(decimal? RequestedLimit, string? Reason);

    internal sealed record Decision(bool Approve, decimal? GrantedLimit, string? Comment);
}
