using OrderToCash.Core.Infrastructure.Security;

namespace OrderToCash.Core.RootCauses;

/// <summary>
/// Which owning departments (the dispute-routing rules' and the taxonomy's names) each role answers for: a task appears
/// in the list of the roles of its department. Quality and the process owner run the loop and see every department.
/// </summary>
public static class DepartmentRoles
{
    private static readonly Dictionary<string, string[]> Departments = new(StringComparer.Ordinal)
    {
        [Roles.SalesAdministration] = ["ADV", "MasterData", "Billing"],
        [Roles.Salesperson] = ["Sales"],
        [Roles.CreditManager] = ["CreditManagement", "Credit"],
        [Roles.Collector] = ["Collections", "CashApplication", "Accounting", "Treasury"],
    };

    public static readonly string[] LoopOwners = [Roles.Quality, Roles.ProcessOwner];

    public static readonly string[] TaskReaders = [Roles.Quality, Roles.ProcessOwner, .. Departments.Keys];

    /// <summary>The departments whose tasks a user with <paramref name="roles"/> sees; null when every department.</summary>
    public static IReadOnlySet<string>? For(IEnumerable<string> roles)
    {
        ArgumentNullException.ThrowIfNull(roles);
        var list = roles.ToList();
        if (list.Any(LoopOwners.Contains))
        {
            return null;
        }

        return list.SelectMany(r => Departments.GetValueOrDefault(r) ?? []).ToHashSet(StringComparer.Ordinal);
    }
}
