using System.Collections.Concurrent;
using System.Net;
using OrderToCash.Core.Infrastructure.Security;

namespace OrderToCash.Host.Features.Auth;

/// <summary>
/// Counts failed sign-ins per user name and per client address (cookie sign-in, HTTP Basic, API keys) and refuses
/// further attempts for a while once a limit is reached, the right password included: 40 guesses are no longer
/// possible. Unknown user names are counted like known ones, so a lockout does not reveal which names exist.
/// In memory, per host: several hosts each apply the limits (documented in ADR 0094). Bounded: expired counters are
/// dropped when the table grows.
/// </summary>
internal sealed class SignInThrottle(SignInLockoutOptions options, TimeProvider clock)
{
    private const int MaxTracked = 100_000;
    private const int MaxUserNameLength = 200;

    private readonly ConcurrentDictionary<string, Counter> counters = new(StringComparer.Ordinal);

    /// <summary>How long this user name or address is still refused; null when it may try.</summary>
    public TimeSpan? RetryAfter(string? userName, IPAddress? address)
    {
        var now = clock.GetUtcNow();
        var longest = TimeSpan.Zero;
        foreach (var key in Keys(userName, address))
        {
            if (counters.TryGetValue(key, out var counter) && counter.LockedUntil is { } until && until > now && until - now > longest)
            {
                longest = until - now;
            }
        }

        return longest > TimeSpan.Zero ? longest : null;
    }

    /// <summary>Records a failure; returns what it locked now (user name, address or both), for the log.</summary>
    public Lockout Failed(string? userName, IPAddress? address)
    {
        var now = clock.GetUtcNow();
        Sweep(now);
        var locked = Lockout.None;
        if (UserKey(userName) is { } user && Count(user, options.MaxFailuresPerUser, now))
        {
            locked |= Lockout.UserName;
        }

        if (Count(AddressKey(address), options.MaxFailuresPerAddress, now))
        {
            locked |= Lockout.Address;
        }

        return locked;
    }

    /// <summary>A successful sign-in forgets the user name's failures (the address keeps its count).</summary>
    public void Succeeded(string userName)
    {
        if (UserKey(userName) is { } key)
        {
            counters.TryRemove(key, out _);
        }
    }

    private bool Count(string key, int limit, DateTimeOffset now)
    {
        var counter = counters.AddOrUpdate(
            key,
            _ => new Counter(1, now, limit <= 1 ? now + options.LockoutDuration : null),
            (_, old) =>
            {
                var fresh = old.WindowStart + options.Window <= now && (old.LockedUntil is null || old.LockedUntil <= now);
                var failures = fresh ? 1 : old.Failures + 1;
                var lockedUntil = failures >= limit ? now + options.LockoutDuration : fresh ? null : old.LockedUntil;
                return new Counter(failures, fresh ? now : old.WindowStart, lockedUntil);
            });
        return counter.Failures == limit;
    }

    private void Sweep(DateTimeOffset now)
    {
        if (counters.Count < MaxTracked)
        {
            return;
        }

        foreach (var (key, counter) in counters)
        {
            if (counter.WindowStart + options.Window <= now && (counter.LockedUntil is null || counter.LockedUntil <= now))
            {
                counters.TryRemove(key, out _);
            }
        }
    }

    private static IEnumerable<string> Keys(string? userName, IPAddress? address)
    {
        if (UserKey(userName) is { } user)
        {
            yield return user;
        }

        yield return AddressKey(address);
    }

    private static string? UserKey(string? userName) =>
        string.IsNullOrWhiteSpace(userName) ? null : "user:" + (userName.Length > MaxUserNameLength ? userName[..MaxUserNameLength] : userName).ToUpperInvariant();

    private static string AddressKey(IPAddress? address) => "address:" + (address?.ToString() ?? "unknown");

    private sealed record Counter(int Failures, DateTimeOffset WindowStart, DateTimeOffset? LockedUntil);
}

[Flags]
internal enum Lockout
{
    None = 0,
    UserName = 1,
    Address = 2,
}
