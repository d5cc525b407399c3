using System.Net.Http.Headers;
using System.Text;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;
using OrderToCash.Core.Security;

namespace OrderToCash.Host.Features.Auth;

/// <summary>
/// HTTP Basic for scripts and integrations (over HTTPS in production); browsers use the cookie. A verified name and
/// password are remembered briefly (<see cref="VerifiedCredentialCache"/>), so the slow hash is paid once, not per call.
/// </summary>
internal sealed class BasicAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    VerifiedCredentialCache credentials)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "Basic";

    protected override Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (!AuthenticationHeaderValue.TryParse(Request.Headers.Authorization, out var header)
            || !SchemeName.Equals(header.Scheme, StringComparison.OrdinalIgnoreCase))
        {
            return Task.FromResult(AuthenticateResult.NoResult());
        }

        string text;
        try
        {
            text = Encoding.UTF8.GetString(Convert.FromBase64String(header.Parameter ?? string.Empty));
        }
        catch (FormatException)
        {
            return Task.FromResult(AuthenticateResult.Fail("The Basic credentials are not valid base64."));
        }

        var separator = text.IndexOf(':', StringComparison.Ordinal);
        var user = separator <= 0 ? null : credentials.Authenticate(text[..separator], text[(separator + 1)..]);
        return Task.FromResult(user is null
            ? AuthenticateResult.Fail("Invalid user name or password.")
            : AuthenticateResult.Success(new AuthenticationTicket(UserClaims.Principal(user, SchemeName), SchemeName)));
    }

    protected override Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        Response.StatusCode = StatusCodes.Status401Unauthorized;
        Response.Headers.WWWAuthenticate = "Basic realm=\"OrderToCash\", charset=\"UTF-8\"";
        return Task.CompletedTask;
    }
}
