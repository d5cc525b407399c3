using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;

namespace OrderToCash.Core.Infrastructure.Security;

/// <summary>
/// Remembers for a short while that a user name and password were verified: HTTP Basic sends them with every call, and
/// the PBKDF2 hash is slow by design (~80 ms), so a script would be throttled to a crawl (ADR 0110). Safe because:
/// an entry is keyed by an HMAC of name and password under a random key that lives only in this process (neither the
/// password nor an offline-attackable hash of it is kept); only successes are remembered, so a wrong password always
/// pays the full hash; an entry stands only while the store still has that very user with the same password hash, and
/// <see cref="Forget"/> drops a user's entries at once.
/// </summary>
public sealed class VerifiedCredentialCache(BuiltInUserStore users, TimeProvider clock, TimeSpan? lifetime = null, int capacity = 10_000)
{
    public static readonly TimeSpan DefaultLifetime = TimeSpan.FromMinutes(1);

    private readonly byte[] key = RandomNumberGenerator.GetBytes(32);
    private readonly ConcurrentDictionary<string, Entry> entries = new(StringComparer.Ordinal);
    private readonly TimeSpan lifetime = lifetime ?? DefaultLifetime;

    /// <summary>How many verified credentials are remembered now (for tests and diagnostics).</summary>
    public int Count => entries.Count;

    /// <summary>The user when the name and password match (from the cache when verified recently); null otherwise.</summary>
    public BuiltInUser? Authenticate(string userName, string password)
    {
        ArgumentNullException.ThrowIfNull(userName);
        ArgumentNullException.ThrowIfNull(password);
        var id = Key(userName, password);
        var now = clock.GetUtcNow();
        if (entries.TryGetValue(id, out var entry))
        {
            if (entry.ExpiresAt > now && ReferenceEquals(users.Find(userName), entry.User)
                && string.Equals(entry.User.PasswordHash, entry.PasswordHash, StringComparison.Ordinal))
            {
                return entry.User;
            }

            entries.TryRemove(new KeyValuePair<string, Entry>(id, entry));
        }

        var user = users.Authenticate(userName, password);
        if (user is not null)
        {
            if (entries.Count >= capacity)
            {
                Prune(now);
            }

            entries[id] = new Entry(user, user.PasswordHash, now + this.lifetime);
        }

        return user;
    }

    /// <summary>Drops every remembered credential of a user (its password, roles or sessions changed).</summary>
    public void Forget(string userName)
    {
        foreach (var (id, entry) in entries)
        {
            if (string.Equals(entry.User.UserName, userName, StringComparison.OrdinalIgnoreCase))
            {
                entries.TryRemove(new KeyValuePair<string, Entry>(id, entry));
            }
        }
    }

    /// <summary>Expired entries go; when still full (many distinct credentials), everything goes: the cache only saves time.</summary>
    private void Prune(DateTimeOffset now)
    {
        foreach (var (id, entry) in entries)
        {
            if (entry.ExpiresAt <= now)
            {
                entries.TryRemove(new KeyValuePair<string, Entry>(id, entry));
            }
        }

        if (entries.Count >= capacity)
        {
            entries.Clear();
        }
    }

    private string Key(string userName, string password)
    {
        // The length prefix keeps ("a:b", "c") and ("a", "b:c") apart.
        var text = $"{userName.Length}:{userName}:{password}";
        return Convert.ToBase64String(HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(text)));
    }

    private sealed record Entry(BuiltInUser User, string PasswordHash, DateTimeOffset ExpiresAt);
}
