using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using OrderToCash.Core.Credit;
using OrderToCash.Core.Customers;
using OrderToCash.Core.Infrastructure.Persistence;
using OrderToCash.Core.Infrastructure.Security;
using OrderToCash.Core.Orders;
using OrderToCash.Engine.Rules.Decisions;
using OrderToCash.Host.Features.Customers;

namespace OrderToCash.Host.Features.Orders;

/// <summary>
/// Order entry (sales and sales administration) with its credit check; reading orders within the caller's customer
/// scope. Blocked orders are released or rejected through the credit manager's task (GET /api/tasks).
/// </summary>
internal static class OrderEndpoints
{
    public static void MapOrders(this IEndpointRouteBuilder endpoints)
    {
        var orders = endpoints.MapGroup("/api/orders").WithTags("Orders");
        orders.MapPost("/", EnterAsync).RequireAuthorization(p => p.RequireRole(Roles.Salesperson, Roles.SalesAdministration))
            .WithSummary("Enter an order (credit-checked: Accepted, or CreditBlocked with the reasons)")
            .Produces<OrderView>(StatusCodes.Status201Created)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status409Conflict);
        orders.MapGet("/", ListAsync).RequireAuthorization(p => p.RequireRole(CustomerScope.ReaderRoles))
            .WithSummary("List the orders the caller sees, newest first").Produces<IEnumerable<OrderView>>();
        orders.MapGet("/{number}", GetAsync).RequireAuthorization(p => p.RequireRole(CustomerScope.ReaderRoles))
            .WithSummary("Read an order, with the rules that blocked it (back office)").Produces<OrderView>().ProducesProblem(StatusCodes.Status404NotFound);
    }

    private static async Task<IResult> EnterAsync(NewOrder body, ClaimsPrincipal user, OrderToCashDbContext db, OrderEntry entry, CancellationToken cancellationToken)
    {
        // Someone else's customer gets the same answer as an unknown one: a salesperson learns nothing about other accounts.
        if (!string.IsNullOrWhiteSpace(body.CustomerId)
            && !await db.Set<Customer>().VisibleTo(user).AnyAsync(c => c.Id == body.CustomerId, cancellationToken).ConfigureAwait(false))
        {
            return Invalid(new Dictionary<string, string[]> { ["customerId"] = [$"Customer '{body.CustomerId}' was not found."] });
        }

        var result = await entry.EnterAsync(body, user.Identity!.Name!, cancellationToken).ConfigureAwait(false);
        return result switch
        {
            { Order: { } order } => Results.Created($"/api/orders/{order.Number}", OrderView.From(order)),
            { Problems: { } problems } => Invalid(problems),
            _ => Results.Problem(statusCode: StatusCodes.Status409Conflict, title: result.UnavailableReason),
        };
    }

    private static async Task<IResult> ListAsync(OrderStatus? status, ClaimsPrincipal user, OrderToCashDbContext db, CancellationToken cancellationToken)
    {
        var query = Visible(db, user);
        if (status is { } wanted)
        {
            query = query.Where(o => o.Status == wanted);
        }

        var orders = await query.OrderByDescending(o => o.CreatedAt).ThenByDescending(o => o.Number).Take(500).ToListAsync(cancellationToken).ConfigureAwait(false);
        var customerOnly = IsCustomerOnly(user);
        return Results.Ok(orders.Select(o => customerOnly ? OrderView.From(o) with { CreditBlockReasons = [] } : OrderView.From(o)));
    }

    private static async Task<IResult> GetAsync(string number, ClaimsPrincipal user, OrderToCashDbContext db, DecisionLog decisions, CancellationToken cancellationToken)
    {
        var order = await Visible(db, user).FirstOrDefaultAsync(o => o.Number == number, cancellationToken).ConfigureAwait(false)
            ?? throw new KeyNotFoundException($"Order '{number}' was not found.");
        // The credit decision (limits, insurer cover, risk class) is the company's internal judgement: the back office
        // and the salesperson read it, the customer's portal user does not.
        if (IsCustomerOnly(user))
        {
            return Results.Ok(OrderView.From(order) with { CreditBlockReasons = [] });
        }

        var explanations = await decisions.ExplainAsync(CreditCheck.SubjectType, order.Number, cancellationToken).ConfigureAwait(false);
        return Results.Ok(OrderView.From(order, explanations));
    }

    private static bool IsCustomerOnly(ClaimsPrincipal user) =>
        user.IsInRole(Roles.Customer) && !CustomerScope.ReaderRoles.Where(r => r != Roles.Customer).Any(user.IsInRole);

    private static IQueryable<Order> Visible(OrderToCashDbContext db, ClaimsPrincipal user)
    {
        var customers = db.Set<Customer>().VisibleTo(user).Select(c => c.Id);
        return db.Set<Order>().AsNoTracking().Where(o => customers.Contains(o.CustomerId));
    }

    private static IResult Invalid(IReadOnlyDictionary<string, string[]> problems) =>
        Results.ValidationProblem(problems.ToDictionary(), title: "The order was not entered: " + string.Join(" ", problems.Values.SelectMany(m => m)), statusCode: StatusCodes.Status422UnprocessableEntity);
}
