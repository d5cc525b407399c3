namespace OrderToCash.Core.Infrastructure.Security;

/// <summary>A user of the built-in store: configured in <c>Auth:Users</c>, password kept only as a hash.</summary>
public sealed class BuiltInUser
{
    public string UserName { get; set; } = string.Empty;

    public string? DisplayName { get; set; }

    /// <summary>ASP.NET Core Identity's PBKDF2 hash format (<c>o2c users hash-password</c> produces one).</summary>
    public string PasswordHash { get; set; } = string.Empty;

    // Populate: the demo user file is read back into this read-only list.
    [System.Text.Json.Serialization.JsonObjectCreationHandling(System.Text.Json.Serialization.JsonObjectCreationHandling.Populate)]
    public IList<string> Roles { get; } = [];

    /// <summary>Where the workflow's e-mail steps reach this user (<c>email.send</c> to the user or their role); optional.</summary>
    public string? Email { get; set; }

    /// <summary>For a customer user: the only customer whose data this user may see.</summary>
    public string? CustomerId { get; set; }
}
