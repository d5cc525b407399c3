using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using OrderToCash.Core.Security;

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
    }

    private static async Task<IResult> LoginAsync(LoginRequest request, BuiltInUserStore store, HttpContext context)
    {
        if (string.IsNullOrWhiteSpace(request.UserName) || string.IsNullOrEmpty(request.Password))
        {
            return Results.ValidationProblem(new Dictionary<string, string[]>
            {
                ["userName"] = string.IsNullOrWhiteSpace(request.UserName) ? ["The user name is required."] : [],
                ["password"] = string.IsNullOrEmpty(request.Password) ? ["The password is required."] : [],
            }.Where(e => e.Value.Length > 0).ToDictionary());
        }

        var user = store.Authenticate(request.UserName, request.Password);
        if (user is null)
        {
            return Results.Problem(title: "Invalid user name or password.", statusCode: StatusCodes.Status401Unauthorized);
        }

        var principal = UserClaims.Principal(user, CookieAuthenticationDefaults.AuthenticationScheme);
        await context.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme, principal).ConfigureAwait(false);
        return Results.Ok(Describe(principal));
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
