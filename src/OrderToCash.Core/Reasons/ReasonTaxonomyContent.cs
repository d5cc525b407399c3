using System.Text.Json;

namespace OrderToCash.Core.Reasons;

/// <summary>
/// The whole taxonomy written in the file's format, in a canonical order (reasons by code, departments by name, roles by
/// name), so that two equal taxonomies give the same text and a version is recorded only when something changed.
/// </summary>
public static class ReasonTaxonomyContent
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    public static string Write(IEnumerable<ReasonCode> reasons, IEnumerable<DepartmentRole> departments)
    {
        ArgumentNullException.ThrowIfNull(reasons);
        ArgumentNullException.ThrowIfNull(departments);
        var content = new
        {
            reasons = reasons.OrderBy(r => r.Code, StringComparer.Ordinal).Select(r => new
            {
                code = r.Code,
                kind = r.Kind.ToString(),
                label = r.Label,
                department = r.Department,
                eInvoicingCodes = r.EInvoicingCodeList.ToArray(),
            }),
            departments = departments.GroupBy(d => d.Department, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal)
                .ToDictionary(g => g.Key, g => g.Select(d => d.Role).Order(StringComparer.Ordinal).ToArray(), StringComparer.Ordinal),
        };
        return JsonSerializer.Serialize(content, Indented);
    }
}
