using System.Text.Json;
using OrderToCash.Engine.Rules.Definitions;

namespace OrderToCash.Host.Features.Rules;

/// <summary>
/// What changed between two versions of a rule set, per rule (matched by RuleName) and per global parameter (by
/// Name): added, removed, or changed with the fields that differ and their values before and after. Computed from the
/// stored canonical JSON, where property order and white space never differ, so only changes of meaning show. The
/// what-if cases stored with each version are compared the same way, by case name (inputs, expectations, outcome).
/// </summary>
internal static class RuleSetDiff
{
    public static RuleSetDiffView Compare(string ruleSetName, int fromVersion, string fromContent, int toVersion, string toContent, string? fromCases = null, string? toCases = null)
    {
        using var from = JsonDocument.Parse(fromContent);
        using var to = JsonDocument.Parse(toContent);
        var workflowFields = FieldChanges(from.RootElement, to.RootElement, ignore: ["Rules", "GlobalParams"]);
        var globals = Named(from.RootElement, to.RootElement, "GlobalParams", "Name");
        var rules = Named(from.RootElement, to.RootElement, "Rules", "RuleName");
        var cases = Named(CasesOf(fromCases), CasesOf(toCases), "cases", "name");
        return new RuleSetDiffView(ruleSetName, fromVersion, toVersion, workflowFields, globals, rules, cases);
    }

    private static JsonElement CasesOf(string? stored) =>
        Wrap("cases", string.IsNullOrEmpty(stored) ? null : JsonDocument.Parse(stored).RootElement.Clone());

    private static List<ItemChange> Named(JsonElement from, JsonElement to, string arrayName, string keyName)
    {
        var before = Items(from, arrayName, keyName);
        var after = Items(to, arrayName, keyName);
        var changes = new List<ItemChange>();
        foreach (var (name, old) in before)
        {
            if (!after.TryGetValue(name, out var current))
            {
                changes.Add(new ItemChange(name, ChangeKind.Removed, []));
                continue;
            }

            var fields = FieldChanges(old, current, ignore: []);
            changes.Add(new ItemChange(name, fields.Count == 0 ? ChangeKind.Unchanged : ChangeKind.Changed, fields));
        }

        changes.AddRange(after.Keys.Where(name => !before.ContainsKey(name)).Select(name => new ItemChange(name, ChangeKind.Added, [])));
        return changes;
    }

    /// <summary>The items of an array by their key, in file order (a rule set's rules have unique names: the reader refuses duplicates).</summary>
    private static Dictionary<string, JsonElement> Items(JsonElement root, string arrayName, string keyName)
    {
        var items = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
        if (root.TryGetProperty(arrayName, out var array) && array.ValueKind == JsonValueKind.Array)
        {
            foreach (var item in array.EnumerateArray())
            {
                if (item.ValueKind == JsonValueKind.Object && item.TryGetProperty(keyName, out var key) && key.ValueKind == JsonValueKind.String)
                {
                    items.TryAdd(key.GetString()!, item);
                }
            }
        }

        return items;
    }

    /// <summary>
    /// Top-level fields whose value differs. LocalParams and Properties are compared one entry deeper
    /// ("LocalParams.toleranceAmount", "Properties.description"), and so are a case's expectations ("expect.NewCustomerCap"):
    /// a person wants to know which parameter or expectation changed.
    /// </summary>
    private static List<FieldChange> FieldChanges(JsonElement from, JsonElement to, string[] ignore)
    {
        var changes = new List<FieldChange>();
        var names = Names(from).Union(Names(to)).Where(n => !ignore.Contains(n)).Order(StringComparer.Ordinal);
        foreach (var name in names)
        {
            var before = Property(from, name);
            var after = Property(to, name);
            if (Same(before, after))
            {
                continue;
            }

            if (name == "LocalParams" && IsArrayOrMissing(before) && IsArrayOrMissing(after))
            {
                changes.AddRange(Named(Wrap(name, before), Wrap(name, after), name, "Name")
                    .Where(c => c.Change != ChangeKind.Unchanged)
                    .Select(c => new FieldChange($"{name}.{c.Name}", Text(ParamExpression(before, c.Name)), Text(ParamExpression(after, c.Name)))));
            }
            else if (name is "Properties" or "expect" && IsObjectOrMissing(before) && IsObjectOrMissing(after))
            {
                changes.AddRange(FieldChanges(before ?? Empty, after ?? Empty, ignore: [])
                    .Select(c => c with { Field = $"{name}.{c.Field}" }));
            }
            else
            {
                changes.Add(new FieldChange(name, Text(before), Text(after)));
            }
        }

        return changes;
    }

    private static readonly JsonElement Empty = JsonDocument.Parse("{}").RootElement.Clone();

    private static IEnumerable<string> Names(JsonElement element) =>
        element.ValueKind == JsonValueKind.Object ? element.EnumerateObject().Select(p => p.Name) : [];

    private static JsonElement? Property(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) && value.ValueKind != JsonValueKind.Null ? value : null;

    private static bool Same(JsonElement? a, JsonElement? b) =>
        a is null ? b is null : b is not null && CanonicalJson.Write(a.Value) == CanonicalJson.Write(b.Value);

    private static bool IsArrayOrMissing(JsonElement? e) => e is null || e.Value.ValueKind == JsonValueKind.Array;

    private static bool IsObjectOrMissing(JsonElement? e) => e is null || e.Value.ValueKind == JsonValueKind.Object;

    private static JsonElement Wrap(string name, JsonElement? array) =>
        JsonSerializer.SerializeToElement(new Dictionary<string, JsonElement> { [name] = array ?? JsonSerializer.SerializeToElement(Array.Empty<object>()) });

    private static JsonElement? ParamExpression(JsonElement? array, string paramName) =>
        array?.EnumerateArray().Where(p => p.ValueKind == JsonValueKind.Object && p.TryGetProperty("Name", out var n) && n.GetString() == paramName)
            .Select(p => Property(p, "Expression")).FirstOrDefault();

    /// <summary>A string as itself, anything else as compact JSON; null when the field is absent.</summary>
    private static string? Text(JsonElement? value) => value switch
    {
        null => null,
        { ValueKind: JsonValueKind.String } s => s.GetString(),
        { } v => CanonicalJson.Write(v),
    };
}

internal enum ChangeKind
{
    Unchanged,
    Added,
    Removed,
    Changed,
}

internal sealed record FieldChange(string Field, string? Before, string? After);

internal sealed record ItemChange(string Name, ChangeKind Change, IReadOnlyList<FieldChange> Fields);

internal sealed record RuleSetDiffView(string RuleSet, int From, int To, IReadOnlyList<FieldChange> Fields, IReadOnlyList<ItemChange> GlobalParams, IReadOnlyList<ItemChange> Rules, IReadOnlyList<ItemChange> Cases);
