namespace OrderToCash.Core.Reasons;

/// <summary>
/// One difference between two versions of the taxonomy: a reason's field, or the roles of a department.
/// <paramref name="Subject"/> is the reason code or the department; <paramref name="Field"/> is <c>kind</c>,
/// <c>label</c>, <c>department</c>, <c>eInvoicingCodes</c> (a reason; <c>added</c> for a new one) or <c>roles</c> (a department).
/// </summary>
public sealed record ReasonTaxonomyDifference(string Subject, string Field, string? Before, string? After);

/// <summary>What a version of the taxonomy changed from the version before it.</summary>
public static class ReasonTaxonomyDiff
{
    public static IReadOnlyList<ReasonTaxonomyDifference> Between(string? before, string after)
    {
        ArgumentNullException.ThrowIfNull(after);
        var old = before is null ? null : ReasonCodeFile.Parse(before, "before");
        var now = ReasonCodeFile.Parse(after, "after");
        var differences = new List<ReasonTaxonomyDifference>();
        foreach (var reason in now.Codes)
        {
            var was = old?.Codes.FirstOrDefault(r => r.Code == reason.Code);
            if (was is null)
            {
                differences.Add(new(reason.Code, "added", null, $"{reason.Label} ({reason.Kind}, {reason.Department})"));
                continue;
            }

            Compare(differences, reason.Code, "kind", was.Kind.ToString(), reason.Kind.ToString());
            Compare(differences, reason.Code, "label", was.Label, reason.Label);
            Compare(differences, reason.Code, "department", was.Department, reason.Department);
            Compare(differences, reason.Code, "eInvoicingCodes", was.EInvoicingCodes, reason.EInvoicingCodes);
        }

        var departments = now.Departments.Select(d => d.Department).Concat(old?.Departments.Select(d => d.Department) ?? []).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal);
        foreach (var department in departments)
        {
            Compare(differences, department, "roles", Roles(old?.Departments, department), Roles(now.Departments, department));
        }

        return differences;
    }

    private static string? Roles(IReadOnlyList<DepartmentRole>? map, string department) =>
        map is null ? null : string.Join(',', map.Where(d => d.Department == department).Select(d => d.Role).Order(StringComparer.Ordinal));

    private static void Compare(List<ReasonTaxonomyDifference> differences, string subject, string field, string? before, string? after)
    {
        if (!string.Equals(before ?? string.Empty, after ?? string.Empty, StringComparison.Ordinal))
        {
            differences.Add(new(subject, field, before, after));
        }
    }
}
