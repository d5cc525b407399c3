using System.Collections.Concurrent;

namespace OrderToCash.Engine.Rules.Compilation;

/// <summary>
/// Which rule sets the application knows and the typed inputs each one is evaluated with. Expressions are compiled
/// against these types, so a rule set that names an unknown field is refused at publish, not at the first decision;
/// and the types are the only input models the sandbox lets expressions reach.
/// </summary>
public sealed class RuleSetCatalog
{
    private readonly ConcurrentDictionary<string, IReadOnlyList<RuleInputBinding>> _inputs = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<Type, bool> _extraModelTypes = new();

    public RuleSetCatalog Register(string ruleSetName, params RuleInputBinding[] inputs)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(ruleSetName);
        ArgumentNullException.ThrowIfNull(inputs);
        if (inputs.Length == 0 || inputs.Select(i => i.Name).Distinct(StringComparer.Ordinal).Count() != inputs.Length)
        {
            throw new ArgumentException($"Rule set '{ruleSetName}' needs at least one input and distinct input names.", nameof(inputs));
        }

        _inputs[ruleSetName] = inputs;
        return this;
    }

    /// <summary>
    /// Further types expressions may use beyond the input models and their own property types (e.g. a framework type
    /// an input exposes). Each one widens the sandbox: add only plain data types.
    /// </summary>
    public RuleSetCatalog AllowModelTypes(params Type[] types)
    {
        ArgumentNullException.ThrowIfNull(types);
        foreach (var type in types)
        {
            _extraModelTypes[type] = true;
        }

        return this;
    }

    public IReadOnlyCollection<Type> ExtraModelTypes => _extraModelTypes.Keys.ToList();

    public bool TryGetInputs(string ruleSetName, out IReadOnlyList<RuleInputBinding> inputs) =>
        _inputs.TryGetValue(ruleSetName, out inputs!);

    public IReadOnlyCollection<string> Names => _inputs.Keys.Order(StringComparer.Ordinal).ToList();
}
