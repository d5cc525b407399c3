using System.Net.Http.Headers;
using System.Text;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;
using OrderToCash.Core.Infrastructure.Security;

namespace OrderToCash.Host.Features.Auth;

/// <summary>HTTP Basic for scripts and integrations (over HTTPS in production); browsers use the cookie.</summary>
internal sealed class BasicAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    SignInGuard guard)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "Basic";

    /// <summary>Set when the credentials were refused because of a lockout: the challenge answers 429, not 401.</summary>
    internal const string RetryAfterItem = "o2c.sign-in.retry-after";

    protected override Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (!AuthenticationHeaderValue.TryParse(Request.Headers.Authorization, out var header)
            || !SchemeName.Equals(header.Scheme, StringComparison.OrdinalIgnoreCase))
        {
            return Task.FromResult(AuthenticateResult.NoResult());
        }

        string credentials;
        try
        {
            credentials = Encoding.UTF8.GetString(Convert.FromBase64String(header.Parameter ?? string.Empty));
        }
        catch (FormatException)
        {
            return Task.FromResult(AuthenticateResult.Fail("The Basic credentials are not valid base64."));
        }

        var separator = credentials.IndexOf(':', StringComparison.Ordinal);
        if (separator <= 0)
        {
            return Task.FromResult(AuthenticateResult.Fail("The Basic credentials have no user name."));
        }

        var (user, retryAfter) = guard.Authenticate(credentials[..separator], credentials[(separator + 1)..], Context.Connection.RemoteIpAddress, SchemeName);
        if (retryAfter is { } wait)
        {
            Context.Items[RetryAfterItem] = wait;
        }

        return Task.FromResult(user is null
            ? AuthenticateResult.Fail("Invalid user name or password.")
            : AuthenticateResult.Success(new AuthenticationTicket(UserClaims.Principal(user, SchemeName), SchemeName)));
    }

    protected override async Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        if (Context.Items[RetryAfterItem] is TimeSpan wait)
        {
            await AuthEndpoints.LockedOut(Context, wait).ExecuteAsync(Context).ConfigureAwait(false);
            return;
        }

        Response.StatusCode = StatusCodes.Status401Unauthorized;
        Response.Headers.WWWAuthenticate = "Basic realm=\"OrderToCash\", charset=\"UTF-8\"";
    }
}
