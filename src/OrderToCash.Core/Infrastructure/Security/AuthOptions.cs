namespace OrderToCash.Core.Infrastructure.Security;

/// <summary>The <c>Auth</c> configuration section.</summary>
public sealed class AuthOptions
{
    public const string SectionName = "Auth";

    public IList<BuiltInUser> Users { get; } = [];

    /// <summary>Keys for integrations, sent in the <c>X-Api-Key</c> header; stored as hashes only.</summary>
    public IList<ApiKey> ApiKeys { get; } = [];

    /// <summary>
    /// Create one demo user per role with random passwords when no user is configured (on by default in Development).
    /// The passwords are logged once and kept hashed in a file beside the embedded database.
    /// </summary>
    public bool? DemoUsers { get; set; }

    /// <summary>Lockout after failed sign-ins (cookie, Basic and API keys alike).</summary>
    public SignInLockoutOptions Lockout { get; } = new();
}
