using System.Text.Json;
using System.Text.RegularExpressions;

namespace OrderToCash.Core.Reasons;

/// <summary>
/// Reads the reason taxonomy file (reasons/reason-codes.json) strictly: every problem is reported with the entry and the
/// field, and a file with any problem loads nothing (a half-loaded taxonomy would route some disputes and refuse others).
/// The same format holds each stored version of the taxonomy (<see cref="ReasonTaxonomyVersion"/>): the reasons and the
/// optional department → role map (<c>"departments": { "ADV": ["SalesAdministration"] }</c>).
/// </summary>
public static partial class ReasonCodeFile
{
    public const string DefaultRelativePath = "reasons/reason-codes.json";

    private const int MaxFileBytes = 1_000_000;

    public static ReasonCodeFileResult Parse(string json, string fileName)
    {
        ArgumentNullException.ThrowIfNull(json);
        var problems = new List<string>();
        var codes = new List<ReasonCode>();
        if (json.Length > MaxFileBytes)
        {
            return new([], [$"{fileName}: the file is larger than {MaxFileBytes} characters."], []);
        }

        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json, new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true, MaxDepth = 16 });
        }
        catch (JsonException ex)
        {
            return new([], [$"{fileName}({ex.LineNumber + 1},{ex.BytePositionInLine + 1}): not valid JSON: {ex.Message}"], []);
        }

        var departments = new List<DepartmentRole>();
        using (document)
        {
            if (document.RootElement.ValueKind != JsonValueKind.Object
                || !document.RootElement.TryGetProperty("reasons", out var reasons) || reasons.ValueKind != JsonValueKind.Array)
            {
                return new([], [$"{fileName}: expected an object with a \"reasons\" array."], []);
            }

            var index = 0;
            var seen = new HashSet<string>(StringComparer.Ordinal);
            var eInvoicingOwners = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var entry in reasons.EnumerateArray())
            {
                var where = $"{fileName}: reasons[{index++}]";
                var code = Read(entry, "code", where, problems, required: true);
                var label = Read(entry, "label", where, problems, required: true);
                var department = Read(entry, "department", where, problems, required: true);
                var kindText = Read(entry, "kind", where, problems, required: true);
                if (code is not null && !CodePattern().IsMatch(code))
                {
                    problems.Add($"{where}.code: '{code}' must be upper-case letters, digits and underscores, at most 50 characters.");
                }
                else if (code is not null && !seen.Add(code))
                {
                    problems.Add($"{where}.code: '{code}' appears twice.");
                }

                ReasonKind kind = default;
                if (kindText is not null && !Enum.TryParse(kindText, ignoreCase: false, out kind))
                {
                    problems.Add($"{where}.kind: '{kindText}' is not a kind; use {string.Join(" or ", Enum.GetNames<ReasonKind>())}.");
                }

                var eInvoicing = ReadCodes(entry, where, problems);
                foreach (var e in eInvoicing)
                {
                    if (code is not null && !eInvoicingOwners.TryAdd(e, code))
                    {
                        problems.Add($"{where}.eInvoicingCodes: '{e}' already maps to {eInvoicingOwners[e]}; an e-invoicing code must map to one reason.");
                    }
                }

                if (label is { Length: > 200 } || department is { Length: > 50 })
                {
                    problems.Add($"{where}: label is limited to 200 characters and department to 50.");
                }

                if (code is not null && label is not null && department is not null && kindText is not null)
                {
                    codes.Add(new ReasonCode { Code = code, Kind = kind, Label = label, Department = department, EInvoicingCodes = string.Join(',', eInvoicing) });
                }
            }

            if (document.RootElement.TryGetProperty("departments", out var map))
            {
                departments = ReadDepartments(map, $"{fileName}: departments", problems);
            }
        }

        return problems.Count > 0 ? new([], problems, []) : new(codes, [], departments);
    }

    /// <summary>The department → role map: each department a name, each role one a department can be given.</summary>
    private static List<DepartmentRole> ReadDepartments(JsonElement map, string where, List<string> problems)
    {
        var lines = new List<DepartmentRole>();
        if (map.ValueKind != JsonValueKind.Object)
        {
            problems.Add($"{where}: expected an object such as {{ \"ADV\": [\"SalesAdministration\"] }}.");
            return lines;
        }

        foreach (var department in map.EnumerateObject())
        {
            var at = $"{where}.{department.Name}";
            if (DepartmentProblem(department.Name) is { } badName)
            {
                problems.Add($"{at}: {badName}");
                continue;
            }

            if (department.Value.ValueKind != JsonValueKind.Array)
            {
                problems.Add($"{at}: expected an array of roles such as [\"Collector\"].");
                continue;
            }

            foreach (var role in department.Value.EnumerateArray())
            {
                var name = role.ValueKind == JsonValueKind.String ? role.GetString() : null;
                if (name is null || !DepartmentRoles.Assignable.Contains(name, StringComparer.Ordinal))
                {
                    problems.Add($"{at}: '{role}' is not a role a department can be given; use {string.Join(", ", DepartmentRoles.Assignable)}.");
                }
                else if (!lines.Exists(l => l.Department == department.Name && l.Role == name))
                {
                    lines.Add(new DepartmentRole { Department = department.Name, Role = name });
                }
            }
        }

        return lines;
    }

    /// <summary>Why <paramref name="department"/> is not a department name; null when it is one.</summary>
    public static string? DepartmentProblem(string department) =>
        DepartmentPattern().IsMatch(department) ? null : $"'{department}' is not a department name: a letter then letters and digits, at most 50.";

    private static string? Read(JsonElement entry, string name, string where, List<string> problems, bool required)
    {
        if (entry.ValueKind == JsonValueKind.Object && entry.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String
            && !string.IsNullOrWhiteSpace(value.GetString()))
        {
            return value.GetString()!.Trim();
        }

        if (required)
        {
            problems.Add($"{where}.{name}: a non-empty text is required.");
        }

        return null;
    }

    private static List<string> ReadCodes(JsonElement entry, string where, List<string> problems)
    {
        var codes = new List<string>();
        if (entry.ValueKind != JsonValueKind.Object || !entry.TryGetProperty("eInvoicingCodes", out var list))
        {
            return codes;
        }

        if (list.ValueKind != JsonValueKind.Array)
        {
            problems.Add($"{where}.eInvoicingCodes: expected an array of codes such as [\"PU_ERR\"].");
            return codes;
        }

        foreach (var item in list.EnumerateArray())
        {
            if (item.ValueKind == JsonValueKind.String && item.GetString() is { } text && CodePattern().IsMatch(text))
            {
                codes.Add(text);
            }
            else
            {
                problems.Add($"{where}.eInvoicingCodes: '{item}' is not a code (upper-case letters, digits and underscores).");
            }
        }

        return codes;
    }

    [GeneratedRegex("^[A-Z][A-Z0-9_]{0,49}$")]
    internal static partial Regex CodePattern();

    [GeneratedRegex("^[A-Za-z][A-Za-z0-9]{0,49}$")]
    private static partial Regex DepartmentPattern();
}

/// <param name="Codes">The entries, when the file has no problem.</param>
/// <param name="Problems">What is wrong, each naming the entry and the field.</param>
/// <param name="Departments">The department → role map the file gives (empty when it gives none).</param>
public sealed record ReasonCodeFileResult(IReadOnlyList<ReasonCode> Codes, IReadOnlyList<string> Problems, IReadOnlyList<DepartmentRole> Departments);
