using System.Text.Json;
using System.Text.Json.Serialization;
using OrderToCash.Engine.Rules.Compilation;

namespace OrderToCash.Engine.Rules.WhatIf;

/// <summary>Runs what-if cases against a compiled rule set and says, per case, what differed.</summary>
public static class WhatIfRunner
{
    /// <summary>Inputs are read strictly: a misspelt field in a case must fail the case, not silently become null.</summary>
    public static readonly JsonSerializerOptions InputOptions = new(JsonSerializerDefaults.Web)
    {
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        Converters = { new JsonStringEnumConverter() },
    };

    public static IReadOnlyList<WhatIfCaseResult> Run(CompiledRuleSet ruleSet, WhatIfSuite suite)
    {
        ArgumentNullException.ThrowIfNull(ruleSet);
        ArgumentNullException.ThrowIfNull(suite);
        return suite.Cases.Select(c => Run(ruleSet, suite, c)).ToList();
    }

    private static WhatIfCaseResult Run(CompiledRuleSet ruleSet, WhatIfSuite suite, WhatIfCase whatIf)
    {
        var failures = new List<string>();
        var inputs = new object?[ruleSet.Inputs.Count];
        for (var i = 0; i < inputs.Length; i++)
        {
            var binding = ruleSet.Inputs[i];
            if (!whatIf.Inputs.TryGetValue(binding.Name, out var json))
            {
                failures.Add($"input '{binding.Name}' is missing");
                continue;
            }

            try
            {
                inputs[i] = json.Deserialize(binding.Type, InputOptions);
            }
            catch (JsonException ex)
            {
                failures.Add($"input '{binding.Name}' does not fit {binding.Type.Name}: {ex.Message}");
            }
        }

        foreach (var unknown in whatIf.Inputs.Keys.Where(k => ruleSet.Inputs.All(b => b.Name != k)))
        {
            failures.Add($"input '{unknown}' is not an input of rule set '{ruleSet.Name}'");
        }

        var actual = new Dictionary<string, bool>(StringComparer.Ordinal);
        if (failures.Count == 0)
        {
            var outcome = ruleSet.Evaluate(inputs);
            foreach (var (rule, expected) in whatIf.Expect)
            {
                var result = outcome.Find(rule);
                if (result is null)
                {
                    failures.Add($"rule '{rule}' does not exist (or is disabled)");
                    continue;
                }

                actual[rule] = result.IsSuccess;
                if (result.IsSuccess != expected)
                {
                    var why = result.ExceptionMessage ?? result.ErrorMessage;
                    failures.Add($"rule '{rule}': expected {(expected ? "success" : "failure")}, got {(result.IsSuccess ? "success" : "failure")}{(why is null ? string.Empty : $" ({why})")}");
                }
            }

            if (whatIf.Outcome is { } expectedOutcome)
            {
                var events = outcome.Succeeded.Select(r => r.SuccessEvent).OfType<string>().ToList();
                if (!events.Order(StringComparer.Ordinal).SequenceEqual(expectedOutcome.Order(StringComparer.Ordinal), StringComparer.Ordinal))
                {
                    failures.Add($"outcome: expected [{string.Join(", ", expectedOutcome)}], got [{string.Join(", ", events)}]");
                }
            }
        }

        return new WhatIfCaseResult(suite.Source, suite.RuleSetName, whatIf.Name, failures.Count == 0, whatIf.Expect, actual, failures);
    }
}

public sealed record WhatIfCaseResult(
    string Source,
    string RuleSetName,
    string CaseName,
    bool Passed,
    IReadOnlyDictionary<string, bool> Expected,
    IReadOnlyDictionary<string, bool> Actual,
    IReadOnlyList<string> Failures);
