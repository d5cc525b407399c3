using OrderToCash.Engine.Rules.Definitions;
using OrderToCash.Engine.Rules.Inputs;

namespace OrderToCash.Engine.Rules.Compilation;

/// <summary>
/// A rule set compiled to delegates. Immutable and shared: one instance per content hash serves every evaluation
/// on a host (see docs/adr/0021). Inputs are passed positionally, in the order of <see cref="Inputs"/>.
/// </summary>
public sealed class CompiledRuleSet(RuleSetDefinition definition, IReadOnlyList<RuleInputBinding> inputs, IReadOnlyList<CompiledRule> rules, InputDeclaration? declaration = null)
{
    public RuleSetDefinition Definition { get; } = definition;

    public string Name => Definition.Name;

    public string ContentHash => Definition.ContentHash;

    public IReadOnlyList<RuleInputBinding> Inputs { get; } = inputs;

    /// <summary>
    /// What the rule set reads, field by field: its file's <c>Inputs</c>, or the code's input records described the
    /// same way; null for a rule set that reads nothing. An editor builds its case form from it.
    /// </summary>
    public InputDeclaration? Declaration { get; } = declaration;

    /// <summary>The enabled top-level rules, in file order.</summary>
    public IReadOnlyList<CompiledRule> Rules { get; } = rules;

    public RuleSetOutcome Evaluate(params object?[] inputValues)
    {
        ArgumentNullException.ThrowIfNull(inputValues);
        if (inputValues.Length != Inputs.Count)
        {
            throw new ArgumentException($"Rule set '{Name}' takes {Inputs.Count} input(s) ({string.Join(", ", Inputs.Select(i => i.Name))}), got {inputValues.Length}.", nameof(inputValues));
        }

        for (var i = 0; i < inputValues.Length; i++)
        {
            if (inputValues[i] is { } value && !Inputs[i].Type.IsInstanceOfType(value))
            {
                throw new ArgumentException($"Input '{Inputs[i].Name}' of rule set '{Name}' must be a {Inputs[i].Type.Name}, got {value.GetType().Name}.", nameof(inputValues));
            }
        }

        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        var outcomes = new RuleOutcome[Rules.Count];
        for (var i = 0; i < outcomes.Length; i++)
        {
            outcomes[i] = Rules[i].Evaluate(inputValues);
        }

        var ruleSet = new KeyValuePair<string, object?>(Telemetry.EngineTelemetry.RuleSetTag, Name);
        Telemetry.EngineTelemetry.RuleEvaluations.Add(1, ruleSet);
        Telemetry.EngineTelemetry.RuleEvaluationDuration.Record(Telemetry.EngineTelemetry.SecondsSince(started), ruleSet);
        return new RuleSetOutcome(Name, ContentHash, outcomes);
    }

    /// <summary>A rule by name, nested ones included.</summary>
    public CompiledRule? FindRule(string name) => Find(Rules, name);

    private static CompiledRule? Find(IReadOnlyList<CompiledRule> rules, string name)
    {
        foreach (var rule in rules)
        {
            if (rule.Name == name)
            {
                return rule;
            }

            if (Find(rule.Children, name) is { } child)
            {
                return child;
            }
        }

        return null;
    }
}
