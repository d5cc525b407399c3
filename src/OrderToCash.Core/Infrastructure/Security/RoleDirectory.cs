using Microsoft.EntityFrameworkCore;
using OrderToCash.Core.Infrastructure.Persistence;

namespace OrderToCash.Core.Infrastructure.Security;

/// <summary>
/// The roles as data (ADR 0132): the built-in roles, which guard the API and live in code (<see cref="Roles.BuiltIn"/>),
/// and the business roles process owners create (<c>business_roles</c>); which users have a business role
/// (<c>role_grants</c>, given by an administrator). A user's roles are their configured ones and their grants.
/// </summary>
public static class RoleDirectory
{
    /// <summary>Every role, built-in first, then business roles by name.</summary>
    public static async Task<IReadOnlyList<RoleInfo>> ListAsync(OrderToCashDbContext db, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var business = await db.Set<BusinessRole>().AsNoTracking().ToListAsync(cancellationToken).ConfigureAwait(false);
        return [.. Roles.BuiltIn.Select(r => new RoleInfo(r, r, BuiltIn: true, null, null)),
            .. business.OrderBy(r => r.Name, StringComparer.Ordinal).Select(r => new RoleInfo(r.Name, r.Label, BuiltIn: false, r.CreatedBy, r.CreatedAt))];
    }

    /// <summary>The names of every role, for the validator (synchronous: the validator is).</summary>
    public static IReadOnlyCollection<string> Names(OrderToCashDbContext db)
    {
        ArgumentNullException.ThrowIfNull(db);
        return [.. Roles.BuiltIn, .. db.Set<BusinessRole>().AsNoTracking().Select(r => r.Name).ToList()];
    }

    /// <summary>Creates a business role; a refusal says why (<see cref="RoleChange.Conflict"/> when the name is taken) and writes nothing.</summary>
    public static async Task<RoleChange> CreateAsync(OrderToCashDbContext db, string? name, string? label, string author, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        if ((RoleName.Problem(name) ?? RoleName.LabelProblem(label)) is { } problem)
        {
            return RoleChange.Refused(problem);
        }

        var normalized = name!.ToUpperInvariant();
        if (Roles.BuiltIn.FirstOrDefault(r => string.Equals(r, name, StringComparison.OrdinalIgnoreCase)) is { } builtIn)
        {
            return RoleChange.Taken($"'{name}' is the built-in role '{builtIn}'; a business role needs another name.");
        }

        if (await TakenAsync(db, normalized, cancellationToken).ConfigureAwait(false) is { } existing)
        {
            return RoleChange.Taken(existing == name ? $"The role '{name}' exists already." : $"The role '{existing}' exists already; role names differ by more than case.");
        }

        var role = new BusinessRole { Name = name, NormalizedName = normalized, Label = label?.Trim() ?? name, CreatedBy = author, CreatedAt = now };
        db.Add(role);
        try
        {
            await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (DbUpdateException)
        {
            // Created by someone else between the check and the insert (the unique index decided)?
            db.Entry(role).State = EntityState.Detached;
            if (await TakenAsync(db, normalized, cancellationToken).ConfigureAwait(false) is { } raced)
            {
                return RoleChange.Taken($"The role '{raced}' exists already.");
            }

            throw;
        }

        return new RoleChange(new RoleInfo(role.Name, role.Label, false, role.CreatedBy, role.CreatedAt), null, false);
    }

    /// <summary>The business roles given to <paramref name="userName"/>.</summary>
    public static async Task<IReadOnlyList<string>> GrantedAsync(OrderToCashDbContext db, string userName, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        return await db.Set<RoleGrant>().AsNoTracking().Where(g => g.UserName == userName).Select(g => g.Role).ToListAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The user's roles: <paramref name="configured"/> (from their claims) and the business roles given to them.</summary>
    public static async Task<IReadOnlyList<string>> RolesOfAsync(OrderToCashDbContext db, string userName, IEnumerable<string> configured, CancellationToken cancellationToken) =>
        [.. configured.Union(await GrantedAsync(db, userName, cancellationToken).ConfigureAwait(false), StringComparer.Ordinal)];

    /// <summary>The labels of the business roles among <paramref name="roles"/> (built-in roles have none here).</summary>
    public static async Task<IReadOnlyDictionary<string, string>> LabelsAsync(OrderToCashDbContext db, IReadOnlyCollection<string> roles, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        return await db.Set<BusinessRole>().AsNoTracking().Where(r => roles.Contains(r.Name))
            .ToDictionaryAsync(r => r.Name, r => r.Label, StringComparer.Ordinal, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Gives a configured user a business role (nothing when they have it); a refusal says why.</summary>
    public static async Task<string?> GrantAsync(OrderToCashDbContext db, string userName, string role, string grantedBy, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        if (Roles.BuiltIn.Contains(role, StringComparer.Ordinal))
        {
            return $"'{role}' is a built-in role: built-in roles open parts of the API and are given in the configuration (Auth:Users:N:Roles), reviewed with the deployment.";
        }

        if (!await db.Set<BusinessRole>().AnyAsync(r => r.Name == role, cancellationToken).ConfigureAwait(false))
        {
            return $"There is no role '{role}'; a process owner creates it first (POST /api/roles).";
        }

        if (await db.Set<RoleGrant>().AnyAsync(g => g.UserName == userName && g.Role == role, cancellationToken).ConfigureAwait(false))
        {
            return null;
        }

        db.Add(new RoleGrant { UserName = userName, Role = role, GrantedBy = grantedBy, GrantedAt = now });
        try
        {
            await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (DbUpdateException)
        {
            // Given at the same time by another administrator: the same outcome.
            if (!await db.Set<RoleGrant>().AsNoTracking().AnyAsync(g => g.UserName == userName && g.Role == role, cancellationToken).ConfigureAwait(false))
            {
                throw;
            }
        }

        return null;
    }

    /// <summary>Takes a business role from a user; false when they did not have it.</summary>
    public static async Task<bool> RevokeAsync(OrderToCashDbContext db, string userName, string role, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        return await db.Set<RoleGrant>().Where(g => g.UserName == userName && g.Role == role).ExecuteDeleteAsync(cancellationToken).ConfigureAwait(false) > 0;
    }

    /// <summary>The users given <paramref name="role"/> through the API.</summary>
    public static IReadOnlyList<string> UsersGranted(OrderToCashDbContext db, string role)
    {
        ArgumentNullException.ThrowIfNull(db);
        return db.Set<RoleGrant>().AsNoTracking().Where(g => g.Role == role).Select(g => g.UserName).ToList();
    }

    private static async Task<string?> TakenAsync(OrderToCashDbContext db, string normalized, CancellationToken cancellationToken) =>
        await db.Set<BusinessRole>().AsNoTracking().Where(r => r.NormalizedName == normalized).Select(r => r.Name).FirstOrDefaultAsync(cancellationToken).ConfigureAwait(false);
}

/// <summary>A role as the API shows it.</summary>
public sealed record RoleInfo(string Name, string Label, bool BuiltIn, string? CreatedBy, DateTimeOffset? CreatedAt);

/// <summary>The outcome of creating a role: the role, or the problem (<see cref="Conflict"/>: the name is taken).</summary>
public sealed record RoleChange(RoleInfo? Role, string? Problem, bool Conflict)
{
    public static RoleChange Refused(string problem) => new(null, problem, false);

    public static RoleChange Taken(string problem) => new(null, problem, true);
}
