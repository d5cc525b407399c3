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
        auth.MapPost("/login", LoginAsync).AllowAnonymous();
        auth.MapPost("/logout", async (HttpContext context) =>
        {
            await context.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme).ConfigureAwait(false);
            return Results.NoContent();
        });
        auth.MapGet("/me", (ClaimsPrincipal user) => Results.Ok(Describe(user)));

        endpoints.MapGet("/api/users", (BuiltInUserStore store) => Results.Ok(store.Users
                .OrderBy(u => u.UserName, StringComparer.Ordinal)
                .Select(u => new { u.UserName, u.DisplayName, u.Roles, u.CustomerId })))
            .WithTags("Auth")
            .RequireAuthorization(Roles.Administrator);

        // Ends every cookie session of a user at once (a lost laptop, a person leaving); Basic and API keys carry no session.
        endpoints.MapDelete("/api/users/{userName}/sessions", async (string userName, BuiltInUserStore store, DatabaseSessionStore sessions) =>
                store.Find(userName) is { } user
                    ? Results.Ok(new { userName = user.UserName, sessionsEnded = await sessions.RevokeAsync(user.UserName).ConfigureAwait(false) })
                    : Results.Problem(title: $"There is no user '{userName}'.", statusCode: StatusCodes.Status404NotFound))
            .WithTags("Auth")
            .RequireAuthorization(Roles.Administrator);
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
        return Results.Ok(Describe(principal));
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

    private static object Describe(ClaimsPrincipal user) => new
    {
        userName = user.Identity?.Name,
        displayName = user.FindFirstValue(ClaimTypes.GivenName),
        roles = user.FindAll(ClaimTypes.Role).Select(c => c.Value).ToList(),
        customerId = user.FindFirstValue(UserClaims.CustomerId),
    };

    internal sealed record LoginRequest(string? UserName, string? Password);
}
