using System.Text.Json;
using OrderToCash.Engine.Diagnostics;
using OrderToCash.Engine.Rules.Definitions;

namespace OrderToCash.Engine.Rules.WhatIf;

/// <summary>
/// Reads a what-if file: <c>{ "ruleSet": "...", "cases": [ { "name", "inputs": { input: {...} }, "expect": { rule: bool } } ] }</c>.
/// </summary>
public static class WhatIfReader
{
    /// <summary>A what-if file is told apart from a rule file by its top-level "cases" array (rule files have "WorkflowName").</summary>
    public static bool LooksLikeWhatIfFile(string json)
    {
        try
        {
            using var document = JsonDocument.Parse(json);
            return document.RootElement.ValueKind == JsonValueKind.Object
                && document.RootElement.TryGetProperty("cases", out _)
                && !document.RootElement.TryGetProperty("WorkflowName", out _);
        }
        catch (JsonException)
        {
            return false;
        }
    }

    public static (WhatIfSuite? Suite, IReadOnlyList<Diagnostic> Diagnostics) Read(string source, string json)
    {
        var diagnostics = new List<Diagnostic>();
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json);
        }
        catch (JsonException ex)
        {
            diagnostics.Add(Problem(source, null, $"The file is not valid JSON: {ex.Message}"));
            return (null, diagnostics);
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object
                || !root.TryGetProperty("ruleSet", out var ruleSet) || ruleSet.ValueKind != JsonValueKind.String
                || !root.TryGetProperty("cases", out var cases) || cases.ValueKind != JsonValueKind.Array)
            {
                diagnostics.Add(Problem(source, null, "A what-if file is an object with \"ruleSet\" (a name) and \"cases\" (an array)."));
                return (null, diagnostics);
            }

            foreach (var property in root.EnumerateObject().Where(p => p.Name is not ("ruleSet" or "cases" or "description")))
            {
                diagnostics.Add(Problem(source, null, $"Unknown field '{property.Name}'; a what-if file has ruleSet, description and cases."));
            }

            var name = ruleSet.GetString()!;
            var list = new List<WhatIfCase>();
            var index = 0;
            foreach (var item in cases.EnumerateArray())
            {
                index++;
                var caseName = item.ValueKind == JsonValueKind.Object && item.TryGetProperty("name", out var n) && n.ValueKind == JsonValueKind.String ? n.GetString()! : $"case #{index}";
                var element = $"{name}/{caseName}";
                var hasOutcome = item.ValueKind == JsonValueKind.Object && item.TryGetProperty("outcome", out var outcomeElement) && outcomeElement.ValueKind == JsonValueKind.Array
                    && outcomeElement.EnumerateArray().All(e => e.ValueKind == JsonValueKind.String);
                var expect = default(JsonElement);
                if (item.ValueKind != JsonValueKind.Object
                    || !item.TryGetProperty("name", out var named) || named.ValueKind != JsonValueKind.String || string.IsNullOrWhiteSpace(named.GetString())
                    || !item.TryGetProperty("inputs", out var inputs) || inputs.ValueKind != JsonValueKind.Object
                    || (item.TryGetProperty("expect", out expect) ? expect.ValueKind != JsonValueKind.Object : !hasOutcome)
                    || (item.TryGetProperty("outcome", out _) && !hasOutcome))
                {
                    diagnostics.Add(Problem(source, element, "A case needs \"name\", \"inputs\" (an object per input) and \"expect\" (rule name: true/false) and/or \"outcome\" (the success events expected, an array of strings)."));
                    continue;
                }

                foreach (var field in item.EnumerateObject().Where(p => p.Name is not ("name" or "inputs" or "expect" or "outcome" or "description")))
                {
                    diagnostics.Add(Problem(source, element, $"Unknown field '{field.Name}' in a case; a case has name, inputs, expect and outcome."));
                }

                var expected = new Dictionary<string, bool>(StringComparer.Ordinal);
                foreach (var rule in expect.ValueKind == JsonValueKind.Object ? expect.EnumerateObject().ToList() : [])
                {
                    if (rule.Value.ValueKind is JsonValueKind.True or JsonValueKind.False)
                    {
                        expected[rule.Name] = rule.Value.GetBoolean();
                    }
                    else
                    {
                        diagnostics.Add(Problem(source, element, $"expect.{rule.Name} must be true or false."));
                    }
                }

                IReadOnlyList<string>? outcome = hasOutcome ? [.. item.GetProperty("outcome").EnumerateArray().Select(e => e.GetString()!)] : null;
                list.Add(new WhatIfCase(caseName, inputs.EnumerateObject().ToDictionary(p => p.Name, p => p.Value.Clone(), StringComparer.Ordinal), expected, outcome));
            }

            return diagnostics.Count > 0 ? (null, diagnostics) : (new WhatIfSuite(source, name, list), diagnostics);
        }
    }

    private static Diagnostic Problem(string source, string? element, string message) =>
        new(source, element, null, null, RuleDiagnosticCodes.InvalidWhatIfFile, message);
}
