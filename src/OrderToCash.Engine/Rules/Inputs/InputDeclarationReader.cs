using System.Text.Json;
using System.Text.RegularExpressions;

namespace OrderToCash.Engine.Rules.Inputs;

/// <summary>
/// Reads the <c>"Inputs"</c> of a rule file: <c>{ "order": { "Amount": "decimal", "Lines": [ { "Qty": "int" } ] } }</c>.
/// Each problem is reported with the path of the field (<c>order.Lines.Qty</c>) and what is wrong; nothing is guessed.
/// </summary>
public static partial class InputDeclarationReader
{
    /// <summary>Deeper nesting is refused: an input is a business document, not a recursive structure.</summary>
    public const int MaxDepth = 6;

    /// <summary>More fields than this in one rule set are refused (the editor's form shows them all).</summary>
    public const int MaxFields = 200;

    private static readonly HashSet<string> Reserved = new(StringComparer.OrdinalIgnoreCase)
    {
        "true", "false", "null", "new", "it", "parent", "root", "iif", "np", "as", "is", "in", "and", "or", "not",
    };

    /// <summary>The declaration, or null with the problems reported (each one sentence, starting with where).</summary>
    public static InputDeclaration? Read(JsonElement inputs, Action<string> report)
    {
        ArgumentNullException.ThrowIfNull(report);
        if (inputs.ValueKind != JsonValueKind.Object)
        {
            report("Inputs must be an object { \"<parameter>\": { \"<field>\": \"<type>\" } }.");
            return null;
        }

        var problems = 0;
        var count = 0;
        void Report(string message)
        {
            problems++;
            report(message);
        }

        var parameters = new List<InputField>();
        foreach (var parameter in inputs.EnumerateObject())
        {
            if (!CheckName(parameter.Name, $"Inputs: the parameter name '{parameter.Name}'", Report))
            {
                continue;
            }

            if (parameters.Any(p => string.Equals(p.Name, parameter.Name, StringComparison.OrdinalIgnoreCase)))
            {
                Report($"Inputs: the parameter '{parameter.Name}' is declared twice (names are compared ignoring case, as expressions read them).");
                continue;
            }

            if (parameter.Value.ValueKind != JsonValueKind.Object)
            {
                Report($"Inputs.{parameter.Name} must be an object of fields, e.g. {{ \"Amount\": \"decimal\" }}.");
                continue;
            }

            if (ReadObject(parameter.Value, parameter.Name, 1, Report, ref count) is { } type)
            {
                parameters.Add(new InputField(parameter.Name, type));
            }
        }

        if (parameters.Count == 0 && problems == 0)
        {
            Report("Inputs declares no parameter: remove it, or declare at least one parameter with its fields.");
        }

        return problems == 0 ? new InputDeclaration(parameters) : null;
    }

    /// <summary>Parses one type as written in a file: <c>decimal</c>, <c>date?</c>, <c>string[]</c>.</summary>
    public static InputType? ParseScalar(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (text.EndsWith("[]", StringComparison.Ordinal))
        {
            return ParseScalar(text[..^2]) is { } element ? new InputType(InputKind.Array, Element: element) : null;
        }

        var nullable = text.EndsWith('?');
        var name = nullable ? text[..^1] : text;
        return InputType.ScalarNames.TryGetValue(name, out var kind) ? new InputType(kind, nullable) : null;
    }

    private static InputType? ReadType(JsonElement value, string path, int depth, Action<string> report, ref int count)
    {
        switch (value.ValueKind)
        {
            case JsonValueKind.String:
                var text = value.GetString()!;
                if (ParseScalar(text) is { } scalar)
                {
                    return scalar;
                }

                report($"Inputs.{path}: unknown type '{text}'; the types are {string.Join(", ", InputType.ScalarNames.Keys)} (add ? when the value may be absent, [] for a list), or an object {{ … }}.");
                return null;
            case JsonValueKind.Object:
                return ReadObject(value, path, depth + 1, report, ref count);
            case JsonValueKind.Array when value.GetArrayLength() == 1 && value[0].ValueKind == JsonValueKind.Object:
                return ReadObject(value[0], path, depth + 1, report, ref count) is { } element ? new InputType(InputKind.Array, Element: element) : null;
            default:
                report($"Inputs.{path} must be a type name such as \"decimal\", an object {{ … }}, or a list of objects [ {{ … }} ].");
                return null;
        }
    }

    private static InputType? ReadObject(JsonElement value, string path, int depth, Action<string> report, ref int count)
    {
        if (depth > MaxDepth)
        {
            report($"Inputs.{path} is nested more than {MaxDepth} levels deep.");
            return null;
        }

        var fields = new List<InputField>();
        var ok = true;
        foreach (var property in value.EnumerateObject())
        {
            var fieldPath = $"{path}.{property.Name}";
            if (++count > MaxFields)
            {
                report($"Inputs declares more than {MaxFields} fields.");
                return null;
            }

            if (!CheckName(property.Name, $"Inputs.{fieldPath}: the field name", report))
            {
                ok = false;
                continue;
            }

            if (fields.Any(f => string.Equals(f.Name, property.Name, StringComparison.OrdinalIgnoreCase)))
            {
                report($"Inputs.{fieldPath} is declared twice (names are compared ignoring case, as expressions read them).");
                ok = false;
                continue;
            }

            if (ReadType(property.Value, fieldPath, depth, report, ref count) is { } type)
            {
                fields.Add(new InputField(property.Name, type));
            }
            else
            {
                ok = false;
            }
        }

        if (fields.Count == 0 && ok)
        {
            report($"Inputs.{path} declares no field.");
            return null;
        }

        return ok ? new InputType(InputKind.Object, Fields: fields) : null;
    }

    private static bool CheckName(string name, string what, Action<string> report)
    {
        if (!Identifier().IsMatch(name))
        {
            report($"{what} must be a name of letters, digits and _ that does not start with a digit.");
            return false;
        }

        if (Reserved.Contains(name))
        {
            report($"{what} '{name}' is a word of the expression language.");
            return false;
        }

        return true;
    }

    [GeneratedRegex("^[A-Za-z_][A-Za-z0-9_]{0,63}$")]
    private static partial Regex Identifier();
}
