using System.Security.Claims;
using OrderToCash.Core.Security;

namespace OrderToCash.Host.Features.Auth;

/// <summary>How a built-in user becomes a claims principal, for every authentication scheme alike.</summary>
internal static class UserClaims
{
    public const string CustomerId = "customer_id";

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

        return new ClaimsPrincipal(new ClaimsIdentity(claims, scheme));
    }
}
