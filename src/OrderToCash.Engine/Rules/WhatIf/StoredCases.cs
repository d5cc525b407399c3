using System.Text.Json;
using System.Text.Json.Nodes;
using OrderToCash.Engine.Diagnostics;

namespace OrderToCash.Engine.Rules.WhatIf;

/// <summary>
/// The what-if cases a rule-set version stores (<see cref="Store.RuleSetVersion.Cases"/>): a JSON array of cases in the
/// what-if file format, read by the same strict reader.
/// </summary>
public static class StoredCases
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>The cases of a version, as a suite named after it (e.g. "credit-limit v3 cases").</summary>
    public static WhatIfSuite Read(string ruleSetName, int version, string? cases)
    {
        var source = $"{ruleSetName} v{version} cases";
        if (string.IsNullOrEmpty(cases))
        {
            return new WhatIfSuite(source, ruleSetName, []);
        }

        var (suite, problems) = WhatIfReader.Read(source, Wrap(ruleSetName, cases));
        return suite ?? throw new InvalidOperationException($"The stored cases of {source} cannot be read: {string.Join("; ", problems.Select(p => p.Message))}");
    }

    /// <summary>Reads cases sent by a person (the editor's JSON array) strictly, naming each problem.</summary>
    public static (WhatIfSuite? Suite, IReadOnlyList<Diagnostic> Problems) Parse(string ruleSetName, JsonElement cases)
    {
        if (cases.ValueKind != JsonValueKind.Array)
        {
            return (null, [new Diagnostic("cases", ruleSetName, null, null, Definitions.RuleDiagnosticCodes.InvalidWhatIfFile, "cases must be an array of { name, inputs, expect, outcome? }.")]);
        }

        var (suite, problems) = WhatIfReader.Read("cases", Wrap(ruleSetName, cases.GetRawText()));
        var duplicate = suite?.Cases.GroupBy(c => c.Name, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            return (null, [new Diagnostic("cases", $"{ruleSetName}/{duplicate.Key}", null, null, Definitions.RuleDiagnosticCodes.InvalidWhatIfFile, $"Two cases are named '{duplicate.Key}'; each case needs its own name.")]);
        }

        return (suite, problems);
    }

    /// <summary>The JSON stored for a set of cases (null when there are none).</summary>
    public static string? Write(IReadOnlyList<WhatIfCase> cases)
    {
        ArgumentNullException.ThrowIfNull(cases);
        if (cases.Count == 0)
        {
            return null;
        }

        var array = new JsonArray();
        foreach (var c in cases)
        {
            var item = new JsonObject
            {
                ["name"] = c.Name,
                ["inputs"] = JsonNode.Parse(JsonSerializer.Serialize(c.Inputs, Json)),
                ["expect"] = JsonNode.Parse(JsonSerializer.Serialize(c.Expect, Json)),
            };
            if (c.Outcome is { } outcome)
            {
                item["outcome"] = JsonNode.Parse(JsonSerializer.Serialize(outcome, Json));
            }

            array.Add(item);
        }

        return array.ToJsonString();
    }

    /// <summary>True when both lists hold the same cases (name, inputs, expectations) in the same order.</summary>
    public static bool Same(IReadOnlyList<WhatIfCase> a, IReadOnlyList<WhatIfCase> b) =>
        string.Equals(Write(a), Write(b), StringComparison.Ordinal);

    private static string Wrap(string ruleSetName, string casesArray) =>
        $"{{\"ruleSet\":{JsonSerializer.Serialize(ruleSetName)},\"cases\":{casesArray}}}";
}
