using Microsoft.AspNetCore.Identity;

namespace OrderToCash.Core.Infrastructure.Security;

/// <summary>Hashes and verifies passwords with ASP.NET Core Identity's hasher (PBKDF2, salted, versioned format).</summary>
public static class PasswordHashing
{
    private static readonly PasswordHasher<BuiltInUser> Hasher = new();

    public static string Hash(string password)
    {
        ArgumentException.ThrowIfNullOrEmpty(password);
        return Hasher.HashPassword(new BuiltInUser(), password);
    }

    public static bool Verify(BuiltInUser user, string password)
    {
        ArgumentNullException.ThrowIfNull(user);
        if (string.IsNullOrEmpty(password) || string.IsNullOrEmpty(user.PasswordHash))
        {
            return false;
        }

        try
        {
            return Hasher.VerifyHashedPassword(user, user.PasswordHash, password) != PasswordVerificationResult.Failed;
        }
        catch (FormatException)
        {
            // A malformed hash in the configuration must not sign anybody in.
            return false;
        }
    }
}
