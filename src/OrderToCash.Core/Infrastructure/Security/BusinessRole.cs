namespace OrderToCash.Core.Infrastructure.Security;

/// <summary>
/// A role a process owner created (e.g. <c>Finance</c>): user tasks may be for it and users may be given it, with no
/// code and no restart (ADR 0132). It opens no API by itself: endpoints are guarded by the built-in roles
/// (<see cref="Roles.BuiltIn"/>). Never deleted, since published versions and tasks name it.
/// </summary>
public sealed class BusinessRole
{
    public required string Name { get; init; }

    /// <summary>The name in upper case: two roles never differ by case only (a unique index).</summary>
    public required string NormalizedName { get; init; }

    /// <summary>What people read (e.g. "Direction financière").</summary>
    public required string Label { get; init; }

    public required string CreatedBy { get; init; }

    public required DateTimeOffset CreatedAt { get; init; }
}

/// <summary>A business role given to a configured user by an administrator; effective on every host at the next call.</summary>
public sealed class RoleGrant
{
    public required string UserName { get; init; }

    public required string Role { get; init; }

    public required string GrantedBy { get; init; }

    public required DateTimeOffset GrantedAt { get; init; }
}
