using System.Net;
using OrderToCash.Core.Infrastructure.Security;

namespace OrderToCash.Host.Features.Auth;

/// <summary>
/// Every password sign-in (cookie and HTTP Basic) and API key goes through here: refused while its user name or
/// address is locked out (before any password is checked, so the right one does not help), counted when it fails,
/// and each failure logged with the user name, the address and the method. A password verified a moment ago is
/// recognised without the slow hash (<see cref="VerifiedCredentialCache"/>), but only after the lockout check.
/// </summary>
internal sealed partial class SignInGuard(VerifiedCredentialCache passwords, ApiKeyStore keys, SignInThrottle throttle, ILogger<SignInGuard> logger)
{
    public SignInOutcome<BuiltInUser> Authenticate(string userName, string password, IPAddress? address, string method)
    {
        if (throttle.RetryAfter(userName, address) is { } wait)
        {
            LogRefused(logger, method, userName, Describe(address), wait);
            return new(null, wait);
        }

        var user = passwords.Authenticate(userName, password);
        if (user is null)
        {
            Failed(userName, address, method);
            return new(null, null);
        }

        throttle.Succeeded(userName);
        return new(user, null);
    }

    public SignInOutcome<ApiKey> AuthenticateKey(string presented, IPAddress? address)
    {
        if (throttle.RetryAfter(null, address) is { } wait)
        {
            LogRefused(logger, ApiKeyAuthenticationHandler.SchemeName, "(API key)", Describe(address), wait);
            return new(null, wait);
        }

        var key = keys.Authenticate(presented);
        if (key is null)
        {
            Failed(null, address, ApiKeyAuthenticationHandler.SchemeName);
        }

        return new(key, null);
    }

    private void Failed(string? userName, IPAddress? address, string method)
    {
        var locked = throttle.Failed(userName, address);
        LogFailed(logger, method, userName ?? "(API key)", Describe(address));
        if (locked != Lockout.None)
        {
            LogLockedOut(logger, locked, userName ?? "(API key)", Describe(address));
        }
    }

    private static string Describe(IPAddress? address) => address?.ToString() ?? "unknown";

    [LoggerMessage(Level = LogLevel.Warning, Message = "Failed sign-in ({Method}) for user '{UserName}' from {Address}")]
    private static partial void LogFailed(ILogger logger, string method, string userName, string address);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Sign-in locked out ({Locked}) after repeated failures: user '{UserName}', address {Address}")]
    private static partial void LogLockedOut(ILogger logger, Lockout locked, string userName, string address);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Sign-in ({Method}) refused during a lockout for user '{UserName}' from {Address}; retry in {RetryAfter}")]
    private static partial void LogRefused(ILogger logger, string method, string userName, string address, TimeSpan retryAfter);
}

/// <summary>Who signed in (null when refused), and how long to wait when refused because of a lockout.</summary>
internal sealed record SignInOutcome<T>(T? Who, TimeSpan? RetryAfter)
    where T : class;
