using System.Text.Json;
using OrderToCash.Engine.Rules.Compilation;
using OrderToCash.Engine.Rules.WhatIf;

namespace OrderToCash.Host.Features.Rules;

/// <summary>
/// An ad-hoc what-if ("customer X, order of 25,000 EUR"): inputs typed by a person, read as strictly as the what-if
/// files (a misspelt field is an error, never a silent null), evaluated without any expectation; the answer is each
/// rule's result and the outcome (the success events of the rules that succeeded).
/// </summary>
internal static class AdHocCase
{
    public static (AdHocResult? Result, IReadOnlyList<string> Problems) Run(CompiledRuleSet ruleSet, JsonElement inputs)
    {
        var problems = new List<string>();
        if (inputs.ValueKind != JsonValueKind.Object)
        {
            return (null, [$"The ad-hoc case's inputs must be an object with one entry per input ({string.Join(", ", ruleSet.Inputs.Select(i => i.Name))})."]);
        }

        var values = new object?[ruleSet.Inputs.Count];
        for (var i = 0; i < values.Length; i++)
        {
            var binding = ruleSet.Inputs[i];
            if (!inputs.TryGetProperty(binding.Name, out var json) || json.ValueKind != JsonValueKind.Object)
            {
                problems.Add($"inputs.{binding.Name} is missing: an object with the fields of {binding.Type.Name} is required.");
                continue;
            }

            try
            {
                values[i] = json.Deserialize(binding.Type, WhatIfRunner.InputOptions);
            }
            catch (JsonException ex)
            {
                problems.Add($"inputs.{binding.Name} does not fit {binding.Type.Name}: {ex.Message}");
            }
        }

        problems.AddRange(inputs.EnumerateObject()
            .Where(p => ruleSet.Inputs.All(b => b.Name != p.Name))
            .Select(p => $"inputs.{p.Name} is not an input of rule set '{ruleSet.Name}' (its inputs: {string.Join(", ", ruleSet.Inputs.Select(b => b.Name))})."));
        if (problems.Count > 0)
        {
            return (null, problems);
        }

        var outcome = ruleSet.Evaluate(values);
        var rules = outcome.Rules
            .Select(r => new AdHocRuleResult(r.RuleName, r.IsSuccess, r.IsSuccess ? r.SuccessEvent : null, r.IsSuccess ? null : r.ExceptionMessage ?? r.ErrorMessage))
            .ToList();
        return (new AdHocResult(rules, [.. outcome.Succeeded.Select(r => r.SuccessEvent).OfType<string>()]), []);
    }
}

internal sealed record AdHocRuleResult(string Name, bool Success, string? SuccessEvent, string? Message);

/// <param name="Rules">Each enabled top-level rule, in order, with its event (success) or its message (failure).</param>
/// <param name="Outcome">The success events of the rules that succeeded: what a caller of the rule set acts on.</param>
internal sealed record AdHocResult(IReadOnlyList<AdHocRuleResult> Rules, IReadOnlyList<string> Outcome);
