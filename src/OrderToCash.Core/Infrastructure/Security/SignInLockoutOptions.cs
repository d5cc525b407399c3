namespace OrderToCash.Core.Infrastructure.Security;

/// <summary>Temporary lockout after failed sign-ins (section <c>Auth:Lockout</c>), per user name and per client address.</summary>
public sealed class SignInLockoutOptions
{
    /// <summary>Failed sign-ins for one user name within <see cref="Window"/> before it is locked out.</summary>
    public int MaxFailuresPerUser { get; set; } = 5;

    /// <summary>Failed sign-ins (any user name, any scheme) from one address within <see cref="Window"/> before it is blocked.</summary>
    public int MaxFailuresPerAddress { get; set; } = 20;

    /// <summary>How long failures are remembered.</summary>
    public TimeSpan Window { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>How long a locked-out user name or blocked address is refused, even with the right password.</summary>
    public TimeSpan LockoutDuration { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>Problems with the values, empty when valid.</summary>
    public IEnumerable<string> Problems()
    {
        if (MaxFailuresPerUser < 1)
        {
            yield return $"Auth:Lockout:MaxFailuresPerUser must be at least 1 (it is {MaxFailuresPerUser}).";
        }

        if (MaxFailuresPerAddress < 1)
        {
            yield return $"Auth:Lockout:MaxFailuresPerAddress must be at least 1 (it is {MaxFailuresPerAddress}).";
        }

        if (Window <= TimeSpan.Zero || LockoutDuration <= TimeSpan.Zero)
        {
            yield return "Auth:Lockout:Window and Auth:Lockout:LockoutDuration must be positive durations (e.g. 00:15:00).";
        }
    }
}
