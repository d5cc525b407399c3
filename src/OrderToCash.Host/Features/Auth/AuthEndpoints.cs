using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using OrderToCash.Core.Infrastructure.Security;

namespace OrderToCash.Host.Features.Auth;

internal static class AuthEndpoints
{
    public static void MapAuth(this IEndpointRouteBuilder endpoints)
    {
        var auth = endpoints.MapGroup("/api/auth").WithTags("Auth");
        auth.MapPost("/login", LoginAsync).AllowAnonymous()
            .WithSummary("Sign in with a user name and password; sets the session cookie")
            .Produces<SignedInUser>().ProducesProblem(StatusCodes.Status401Unauthorized).ProducesProblem(StatusCodes.Status429TooManyRequests);
        auth.MapPost("/logout", async (HttpContext context) =>
        {
            await context.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme).ConfigureAwait(false);
            return Results.NoContent();
        }).WithSummary("Sign out: the session ends on the server too").Produces(StatusCodes.Status204NoContent);
        auth.MapGet("/me", async (ClaimsPrincipal user, Core.Infrastructure.Persistence.OrderToCashDbContext db, CancellationToken ct) =>
                Results.Ok(await DescribeAsync(user, db, ct).ConfigureAwait(false)))
            .WithSummary("Who the caller is: user name, display name, roles (with the business roles given to them) and customer").Produces<SignedInUser>();

        endpoints.MapGet("/api/users", async (BuiltInUserStore store, Core.Infrastructure.Persistence.OrderToCashDbContext db, CancellationToken ct) =>
            {
                var users = new List<RoleEndpoints.UserView>();
                foreach (var user in store.Users.OrderBy(u => u.UserName, StringComparer.Ordinal))
                {
                    users.Add(await RoleEndpoints.ViewAsync(user, db, ct).ConfigureAwait(false));
                }

                return Results.Ok(users);
            })
            .WithTags("Auth")
            .RequireAuthorization(Roles.Administrator)
            .WithSummary("List the configured users, their roles and the business roles given to them").Produces<IEnumerable<RoleEndpoints.UserView>>();

        // Ends every cookie session of a user at once (a lost laptop, a person leaving); Basic and API keys carry no session.
        endpoints.MapDelete("/api/users/{userName}/sessions", async (string userName, BuiltInUserStore store, DatabaseSessionStore sessions) =>
                store.Find(userName) is { } user
                    ? Results.Ok(new EndedSessions(user.UserName, await sessions.RevokeAsync(user.UserName).ConfigureAwait(false)))
                    : Results.Problem(title: $"There is no user '{userName}'.", statusCode: StatusCodes.Status404NotFound))
            .WithTags("Auth")
            .RequireAuthorization(Roles.Administrator)
            .WithSummary("End every cookie session of a user at once").Produces<EndedSessions>().ProducesProblem(StatusCodes.Status404NotFound);
    }

    private static async Task<IResult> LoginAsync(LoginRequest request, SignInGuard guard, HttpContext context)
    {
        if (string.IsNullOrWhiteSpace(request.UserName) || string.IsNullOrEmpty(request.Password))
        {
            return Results.ValidationProblem(new Dictionary<string, string[]>
            {
                ["userName"] = string.IsNullOrWhiteSpace(request.UserName) ? ["The user name is required."] : [],
                ["password"] = string.IsNullOrEmpty(request.Password) ? ["The password is required."] : [],
            }.Where(e => e.Value.Length > 0).ToDictionary());
        }

        var (user, retryAfter) = guard.Authenticate(request.UserName, request.Password, context.Connection.RemoteIpAddress, "cookie");
        if (retryAfter is { } wait)
        {
            return LockedOut(context, wait);
        }

        if (user is null)
        {
            return Results.Problem(title: "Invalid user name or password.", statusCode: StatusCodes.Status401Unauthorized);
        }

        var principal = UserClaims.Principal(user, CookieAuthenticationDefaults.AuthenticationScheme);
        await context.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme, principal).ConfigureAwait(false);
        var db = context.RequestServices.GetRequiredService<Core.Infrastructure.Persistence.OrderToCashDbContext>();
        return Results.Ok(await DescribeAsync(principal, db, context.RequestAborted).ConfigureAwait(false));
    }

    /// <summary>429 with Retry-After: too many failed sign-ins for this user name or from this address.</summary>
    internal static IResult LockedOut(HttpContext context, TimeSpan wait)
    {
        var seconds = (int)Math.Ceiling(wait.TotalSeconds);
        context.Response.Headers.RetryAfter = seconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return Results.Problem(
            title: "Too many failed sign-ins.",
            detail: $"Sign-in is locked for this user name or address after repeated failures; try again in {Math.Max(1, (seconds + 59) / 60)} minute(s).",
            statusCode: StatusCodes.Status429TooManyRequests);
    }

    /// <summary>The user with all their roles (the business roles given to them too) and the business roles' labels.</summary>
    private static async Task<SignedInUser> DescribeAsync(ClaimsPrincipal user, Core.Infrastructure.Persistence.OrderToCashDbContext db, CancellationToken ct)
    {
        var roles = await RoleDirectory.RolesOfAsync(db, user.Identity!.Name!, RolesOf(user), ct).ConfigureAwait(false);
        return new SignedInUser(
            user.Identity?.Name,
            user.FindFirstValue(ClaimTypes.GivenName),
            roles,
            user.FindFirstValue(UserClaims.CustomerId),
            await RoleDirectory.LabelsAsync(db, roles, ct).ConfigureAwait(false));
    }

    /// <summary>The roles the user's claims carry: built-in and business roles from the configuration.</summary>
    internal static string[] RolesOf(ClaimsPrincipal user) => [.. user.FindAll(ClaimTypes.Role).Select(c => c.Value)];

    /// <summary>
    /// A user as the API shows it; <c>CustomerId</c> is set for a customer's portal user; <c>RoleLabels</c> gives what
    /// people read for each of the user's business roles (e.g. "Finance": "Direction financière").
    /// </summary>
    internal sealed record SignedInUser(string? UserName, string? DisplayName, IReadOnlyList<string> Roles, string? CustomerId, IReadOnlyDictionary<string, string> RoleLabels);

    internal sealed record EndedSessions(string UserName, int SessionsEnded);

    internal sealed record LoginRequest(string? UserName, string? Password);
}
