using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;
using OrderToCash.Core.Infrastructure.Security;

namespace OrderToCash.Host.Features.Auth;

/// <summary>Integrations authenticate with a key in the <c>X-Api-Key</c> header (over HTTPS in production).</summary>
internal sealed class ApiKeyAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    SignInGuard guard)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "ApiKey";
    public const string HeaderName = "X-Api-Key";

    protected override Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var presented = Request.Headers[HeaderName].ToString();
        if (presented.Length == 0)
        {
            return Task.FromResult(AuthenticateResult.NoResult());
        }

        var (key, retryAfter) = guard.AuthenticateKey(presented, Context.Connection.RemoteIpAddress);
        if (retryAfter is { } wait)
        {
            Context.Items[BasicAuthenticationHandler.RetryAfterItem] = wait;
        }

        if (key is null)
        {
            return Task.FromResult(AuthenticateResult.Fail("Unknown API key."));
        }

        var user = new BuiltInUser { UserName = key.Name, CustomerId = key.CustomerId };
        foreach (var role in key.Roles)
        {
            user.Roles.Add(role);
        }

        return Task.FromResult(AuthenticateResult.Success(new AuthenticationTicket(UserClaims.Principal(user, SchemeName), SchemeName)));
    }

    protected override async Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        if (Context.Items[BasicAuthenticationHandler.RetryAfterItem] is TimeSpan wait)
        {
            await AuthEndpoints.LockedOut(Context, wait).ExecuteAsync(Context).ConfigureAwait(false);
            return;
        }

        Response.StatusCode = StatusCodes.Status401Unauthorized;
    }
}
