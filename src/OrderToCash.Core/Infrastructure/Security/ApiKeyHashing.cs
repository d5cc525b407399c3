using System.Security.Cryptography;
using System.Text;

namespace OrderToCash.Core.Infrastructure.Security;

public static class ApiKeyHashing
{
    public const string Prefix = "sha256:";

    /// <summary>A new key: 32 random bytes, base64url, prefixed so it is recognisable in a leaked file or log.</summary>
    public static string NewKey() => "o2c_" + Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    public static string Hash(string key) => Prefix + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)));

    /// <summary>Compares in constant time, so response times do not reveal how much of a hash matched.</summary>
    public static bool Matches(string key, string keyHash) =>
        CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(Hash(key)), Encoding.ASCII.GetBytes(keyHash.ToLowerInvariant()));
}
