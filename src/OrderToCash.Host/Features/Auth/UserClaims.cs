using System.Security.Claims;
using OrderToCash.Core.Infrastructure.Security;

namespace OrderToCash.Host.Features.Auth;

/// <summary>How a built-in user becomes a claims principal, for every authentication scheme alike.</summary>
internal static class UserClaims
{
    public const string CustomerId = "customer_id";

    /// <summary>
    /// A digest of what the user's access rests on (password hash, roles, customer): a session whose stamp no longer
    /// matches the configured user (password changed, role removed, user deleted) is refused and ended.
    /// </summary>
    public const string SecurityStamp = "o2c_stamp";

    public static ClaimsPrincipal Principal(BuiltInUser user, string scheme)
    {
        var claims = new List<Claim> { new(ClaimTypes.Name, user.UserName) };
        if (user.DisplayName is not null)
        {
            claims.Add(new Claim(ClaimTypes.GivenName, user.DisplayName));
        }

        claims.AddRange(user.Roles.Select(role => new Claim(ClaimTypes.Role, role)));
        if (user.CustomerId is not null)
        {
            claims.Add(new Claim(CustomerId, user.CustomerId));
        }

        claims.Add(new Claim(SecurityStamp, Stamp(user)));
        return new ClaimsPrincipal(new ClaimsIdentity(claims, scheme));
    }

    public static string Stamp(BuiltInUser user)
    {
        ArgumentNullException.ThrowIfNull(user);
        var basis = string.Join('\n', [user.UserName, user.PasswordHash, user.CustomerId ?? string.Empty, .. user.Roles.Order(StringComparer.Ordinal)]);
        return Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(basis)), 0, 16);
    }
}
