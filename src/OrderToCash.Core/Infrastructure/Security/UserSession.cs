namespace OrderToCash.Core.Infrastructure.Security;

/// <summary>
/// One signed-in browser session, kept on the server: the cookie carries only its key, so signing out (or an
/// administrator revoking the user's sessions) ends it on every host at once.
/// </summary>
public sealed class UserSession
{
    /// <summary>Random key (256 bits, base64url) the cookie carries.</summary>
    public required string Id { get; set; }

    public required string UserName { get; set; }

    /// <summary>The authentication ticket (claims and expiry), serialized by ASP.NET Core's ticket serializer.</summary>
    public required byte[] Ticket { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset? ExpiresAt { get; set; }
}
