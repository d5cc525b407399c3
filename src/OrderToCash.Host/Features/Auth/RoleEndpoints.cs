using System.Security.Claims;
using OrderToCash.Core.Infrastructure.Persistence;
using OrderToCash.Core.Infrastructure.Security;

namespace OrderToCash.Host.Features.Auth;

/// <summary>
/// Roles as data (ADR 0132): the built-in roles and the business roles process owners create; administrators give
/// configured users business roles. Effective at once on every host, with no restart.
/// </summary>
internal static class RoleEndpoints
{
    public static void MapRoles(this IEndpointRouteBuilder endpoints)
    {
        var roles = endpoints.MapGroup("/api/roles").WithTags("Auth");
        roles.MapGet("/", async (OrderToCashDbContext db, CancellationToken ct) => Results.Ok(await RoleDirectory.ListAsync(db, ct).ConfigureAwait(false)))
            .RequireAuthorization(p => p.RequireRole(Roles.ProcessOwner, Roles.Administrator, Roles.CreditManager, Roles.Quality))
            .WithSummary("Every role: the built-in ones (which guard the API) and the business roles process owners created").Produces<IReadOnlyList<RoleInfo>>();
        roles.MapPost("/", CreateAsync)
            .RequireAuthorization(p => p.RequireRole(Roles.ProcessOwner, Roles.Administrator))
            .WithSummary("Create a business role (name, label) that user tasks may be for").Produces<RoleInfo>(StatusCodes.Status201Created)
            .ProducesProblem(StatusCodes.Status409Conflict).ProducesProblem(StatusCodes.Status422UnprocessableEntity);

        var users = endpoints.MapGroup("/api/users/{userName}/roles").WithTags("Auth").RequireAuthorization(Roles.Administrator);
        users.MapPut("/{role}", GrantAsync)
            .WithSummary("Give a configured user a business role; effective at their next call").Produces<UserView>()
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status422UnprocessableEntity);
        users.MapDelete("/{role}", async (string userName, string role, BuiltInUserStore store, OrderToCashDbContext db, CancellationToken ct) =>
                store.Find(userName) is null ? NoUser(userName)
                : await RoleDirectory.RevokeAsync(db, store.Find(userName)!.UserName, role, ct).ConfigureAwait(false) ? Results.NoContent()
                : Results.Problem(title: $"The user '{userName}' was not given the role '{role}' through the API.", statusCode: StatusCodes.Status404NotFound))
            .WithSummary("Take a business role back from a user").Produces(StatusCodes.Status204NoContent).ProducesProblem(StatusCodes.Status404NotFound);
    }

    /// <summary>A configured user with their configured roles and the business roles given to them.</summary>
    internal static async Task<UserView> ViewAsync(BuiltInUser user, OrderToCashDbContext db, CancellationToken ct) =>
        new(user.UserName, user.DisplayName, [.. user.Roles], [.. await RoleDirectory.GrantedAsync(db, user.UserName, ct).ConfigureAwait(false)], user.CustomerId);

    private static async Task<IResult> CreateAsync(RoleRequest? body, ClaimsPrincipal user, OrderToCashDbContext db, TimeProvider clock, CancellationToken ct)
    {
        var change = await RoleDirectory.CreateAsync(db, body?.Name, body?.Label, user.Identity!.Name!, clock.GetUtcNow(), ct).ConfigureAwait(false);
        return change switch
        {
            { Role: { } role } => Results.Created($"/api/roles/{role.Name}", role),
            { Conflict: true } => Results.Problem(title: change.Problem, statusCode: StatusCodes.Status409Conflict),
            _ => Results.Problem(title: change.Problem, statusCode: StatusCodes.Status422UnprocessableEntity),
        };
    }

    private static async Task<IResult> GrantAsync(string userName, string role, ClaimsPrincipal admin, BuiltInUserStore store, OrderToCashDbContext db, TimeProvider clock, CancellationToken ct)
    {
        if (store.Find(userName) is not { } user)
        {
            return NoUser(userName);
        }

        return await RoleDirectory.GrantAsync(db, user.UserName, role, admin.Identity!.Name!, clock.GetUtcNow(), ct).ConfigureAwait(false) is { } problem
            ? Results.Problem(title: problem, statusCode: StatusCodes.Status422UnprocessableEntity)
            : Results.Ok(await ViewAsync(user, db, ct).ConfigureAwait(false));
    }

    private static IResult NoUser(string userName) =>
        Results.Problem(title: $"There is no user '{userName}' (users are configured in Auth:Users).", statusCode: StatusCodes.Status404NotFound);

    internal sealed record RoleRequest(string? Name, string? Label);

    /// <summary>A user as an administrator sees them: configured roles, and business roles given through the API.</summary>
    internal sealed record UserView(string UserName, string? DisplayName, IReadOnlyList<string> Roles, IReadOnlyList<string> GrantedRoles, string? CustomerId);
}
