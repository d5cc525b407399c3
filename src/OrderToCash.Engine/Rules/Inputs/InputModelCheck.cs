using System.Reflection;
using OrderToCash.Engine.Rules.Compilation;

namespace OrderToCash.Engine.Rules.Inputs;

/// <summary>
/// Compares the input records the code fills (e.g. <c>CreditCheckInput</c>) with the inputs a rule file declares, so
/// that the declaration a credit manager reads in the editor is exactly what the rules receive. Used at publish (a
/// built-in rule set whose declaration drifts from its record is refused) and at start (the shipped files against
/// the records of this build).
/// </summary>
public static class InputModelCheck
{
    /// <summary>Each difference, one sentence naming the rule set, the parameter and the field.</summary>
    public static IReadOnlyList<string> Compare(string ruleSet, IReadOnlyList<RuleInputBinding> model, InputDeclaration declared)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(declared);
        var problems = new List<string>();
        foreach (var binding in model)
        {
            var parameter = declared.Find(binding.Name);
            if (parameter is null)
            {
                problems.Add($"Rule set '{ruleSet}': the input '{binding.Name}' ({binding.Type.Name}) is not declared in Inputs.");
                continue;
            }

            if (!string.Equals(parameter.Name, binding.Name, StringComparison.Ordinal))
            {
                problems.Add($"Rule set '{ruleSet}': the input is named '{binding.Name}' in the code, declared as '{parameter.Name}'.");
            }

            CompareObject(ruleSet, binding.Name, binding.Type, parameter.Type, problems);
        }

        foreach (var extra in declared.Parameters.Where(p => model.All(b => !string.Equals(b.Name, p.Name, StringComparison.OrdinalIgnoreCase))))
        {
            problems.Add($"Rule set '{ruleSet}': the declared input '{extra.Name}' is not one the code fills (it fills {string.Join(", ", model.Select(b => b.Name))}).");
        }

        return problems;
    }

    /// <summary>
    /// Every rule set the catalog knows must be declared by its file among <paramref name="shipped"/>, exactly as the
    /// code fills it. Throws, listing each difference, so a host whose records drifted from the shipped files does not start.
    /// </summary>
    public static void CheckCatalog(RuleSetCatalog catalog, IReadOnlyList<Definitions.RuleSetDefinition> shipped)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        ArgumentNullException.ThrowIfNull(shipped);
        var problems = new List<string>();
        foreach (var name in catalog.Names)
        {
            catalog.TryGetInputs(name, out var model);
            var file = shipped.FirstOrDefault(d => d.Name == name);
            if (file?.Inputs is null)
            {
                problems.Add($"Rule set '{name}': its shipped file {(file is null ? "is missing" : $"{file.Source} declares no Inputs")}.");
                continue;
            }

            problems.AddRange(Compare(name, model, file.Inputs));
        }

        if (problems.Count > 0)
        {
            throw new InvalidOperationException(
                $"The input records the code fills do not match the Inputs the shipped rule files declare:{Environment.NewLine}{string.Join(Environment.NewLine, problems)}");
        }
    }

    /// <summary>The declaration of a record's public properties, or null when one of them has no declarable type.</summary>
    public static InputType? Describe(Type type)
    {
        ArgumentNullException.ThrowIfNull(type);
        return Describe(type, 0);
    }

    /// <summary>The declaration of the code's input records (for a built-in rule set whose file declares none).</summary>
    public static InputDeclaration? Describe(IReadOnlyList<RuleInputBinding> model)
    {
        ArgumentNullException.ThrowIfNull(model);
        var parameters = model.Select(b => Describe(b.Type) is { Kind: InputKind.Object } t ? new InputField(b.Name, t) : null).ToList();
        return parameters.Contains(null) ? null : new InputDeclaration(parameters!);
    }

    private static void CompareObject(string ruleSet, string path, Type type, InputType declared, List<string> problems)
    {
        var properties = Properties(type);
        foreach (var field in declared.Fields ?? [])
        {
            var property = properties.FirstOrDefault(p => string.Equals(p.Name, field.Name, StringComparison.OrdinalIgnoreCase));
            if (property is null)
            {
                problems.Add($"Rule set '{ruleSet}', input '{path}': the declared field '{field.Name}' ({field.Type.Text}) is not in {type.Name}.");
                continue;
            }

            var actual = Describe(property.PropertyType, 1);
            if (actual is null)
            {
                problems.Add($"Rule set '{ruleSet}', input '{path}': field '{field.Name}' is a {property.PropertyType.Name} in {type.Name}, which no input type declares.");
            }
            else if (actual.Kind == InputKind.Object && field.Type.Kind == InputKind.Object)
            {
                CompareObject(ruleSet, $"{path}.{field.Name}", property.PropertyType, field.Type, problems);
            }
            else if (!actual.SameAs(field.Type))
            {
                problems.Add($"Rule set '{ruleSet}', input '{path}': field '{field.Name}' is declared '{field.Type.Text}' but {type.Name}.{property.Name} is '{actual.Text}'.");
            }
        }

        foreach (var property in properties.Where(p => (declared.Fields ?? []).All(f => !string.Equals(f.Name, p.Name, StringComparison.OrdinalIgnoreCase))))
        {
            problems.Add($"Rule set '{ruleSet}', input '{path}': {type.Name}.{property.Name} is not declared (declare it, e.g. \"{property.Name}\": \"{Describe(property.PropertyType, 1)?.Text ?? "?"}\").");
        }
    }

    private static InputType? Describe(Type type, int depth)
    {
        var underlying = Nullable.GetUnderlyingType(type);
        var nullable = underlying is not null;
        var core = underlying ?? type;
        if (Scalar(core) is { } kind)
        {
            return new InputType(kind, nullable);
        }

        if (core.IsArray)
        {
            return Describe(core.GetElementType()!, depth + 1) is { } element ? new InputType(InputKind.Array, Element: element) : null;
        }

        if (core.IsGenericType && core.GetInterfaces().Append(core).FirstOrDefault(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IEnumerable<>)) is { } sequence)
        {
            return Describe(sequence.GetGenericArguments()[0], depth + 1) is { } element ? new InputType(InputKind.Array, Element: element) : null;
        }

        if (!core.IsClass || core.IsAbstract || depth > InputDeclarationReader.MaxDepth)
        {
            return null;
        }

        var fields = Properties(core).Select(p => Describe(p.PropertyType, depth + 1) is { } t ? new InputField(p.Name, t) : null).ToList();
        return fields.Count == 0 || fields.Contains(null) ? null : new InputType(InputKind.Object, Fields: fields!);
    }

    private static InputKind? Scalar(Type type) =>
        type == typeof(string) ? InputKind.String
        : type == typeof(decimal) ? InputKind.Decimal
        : type == typeof(int) ? InputKind.Int
        : type == typeof(double) ? InputKind.Double
        : type == typeof(bool) ? InputKind.Bool
        : type == typeof(DateOnly) ? InputKind.Date
        : type == typeof(DateTime) || type == typeof(DateTimeOffset) ? InputKind.DateTime
        : null;

    // The properties expressions can read: public instance getters, without the indexer and the compiler's EqualityContract.
    private static List<PropertyInfo> Properties(Type type) =>
        type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.GetIndexParameters().Length == 0 && p.GetMethod is { IsPublic: true })
            .ToList();
}
