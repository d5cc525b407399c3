using Microsoft.EntityFrameworkCore;
using OrderToCash.Core.Infrastructure.Persistence;
using OrderToCash.Core.Infrastructure.Security;

namespace OrderToCash.Core.Reasons;

/// <summary>
/// The department → role map: which roles answer for each owning department (the dispute-routing rules' and the
/// taxonomy's names). It is data Quality edits (<c>department_roles</c>, versioned with the taxonomy): an improvement
/// task appears in the lists of the roles of its department. Quality and the process owner run the loop and see every
/// department.
/// </summary>
public static class DepartmentRoles
{
    public static readonly string[] LoopOwners = [Roles.Quality, Roles.ProcessOwner];

    /// <summary>The roles a department can be given: the back-office roles that are not loop owners.</summary>
    public static readonly string[] Assignable = [Roles.SalesAdministration, Roles.Salesperson, Roles.CreditManager, Roles.Collector];

    public static readonly string[] TaskReaders = [.. LoopOwners, .. Assignable];

    /// <summary>The departments whose tasks a user with <paramref name="roles"/> sees; null when every department.</summary>
    public static async Task<IReadOnlySet<string>?> ForAsync(OrderToCashDbContext db, IEnumerable<string> roles, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(roles);
        var list = roles.ToList();
        if (list.Any(LoopOwners.Contains))
        {
            return null;
        }

        var departments = await db.Set<DepartmentRole>().AsNoTracking().Where(d => list.Contains(d.Role)).Select(d => d.Department)
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        return departments.ToHashSet(StringComparer.Ordinal);
    }
}

/// <summary>One line of the department → role map: <see cref="Role"/> answers for <see cref="Department"/>.</summary>
public sealed class DepartmentRole
{
    public required string Department { get; init; }

    public required string Role { get; init; }
}
