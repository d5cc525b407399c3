using System.Reflection;
using System.Text.RegularExpressions;
using OrderToCash.Engine.Rules.Compilation;

namespace OrderToCash.Engine.Rules;

/// <summary>
/// Plain words for the two slips people make most when an expression does not compile: a field the input does not
/// have, and a name that is neither an input nor a parameter. The expression parser reports both in its own terms
/// ("Type 'Exposur+check' not found" for <c>check.Exposur + ...</c>); this names the field, where it is, and the
/// closest correct name. Only consulted after the compiler refused the expression, so it never accepts anything.
/// </summary>
public static partial class ExpressionHints
{
    private static readonly HashSet<string> Words = new(StringComparer.OrdinalIgnoreCase)
    {
        "true", "false", "null", "and", "or", "not", "it", "new", "iif", "as", "is", "in", "np",
    };

    public static (string Message, int Position)? Explain(string expression, IReadOnlyList<RuleInputBinding> inputs, IReadOnlyList<string> scope)
    {
        var text = StringLiteral().Replace(expression, m => new string(' ', m.Length));
        foreach (Match member in Member().Matches(text))
        {
            var owner = member.Groups["owner"].Value;
            var binding = inputs.FirstOrDefault(i => string.Equals(i.Name, owner, StringComparison.OrdinalIgnoreCase));
            if (binding is null)
            {
                continue;
            }

            var field = member.Groups["field"].Value;
            var fields = binding.Type.GetProperties(BindingFlags.Public | BindingFlags.Instance).Select(p => p.Name).ToList();
            if (!fields.Contains(field, StringComparer.OrdinalIgnoreCase))
            {
                return ($"{binding.Name} has no field '{field}'{Suggest(field, fields)}. The fields of {binding.Name} are: {string.Join(", ", fields)}.",
                    member.Groups["field"].Index + 1);
            }
        }

        // Lambda parameters (x => x.Amount > 0) are names in scope too.
        var lambdas = LambdaParameter().Matches(text).Select(m => m.Groups[1].Value).ToHashSet(StringComparer.OrdinalIgnoreCase);
        foreach (Match name in Name().Matches(text))
        {
            var identifier = name.Value;
            if (!Words.Contains(identifier) && !lambdas.Contains(identifier) && !scope.Contains(identifier, StringComparer.OrdinalIgnoreCase))
            {
                return ($"'{identifier}' is neither an input nor a parameter of this rule{Suggest(identifier, scope)}. Names you can use here: {string.Join(", ", scope)}.",
                    name.Index + 1);
            }
        }

        return null;
    }

    private static string Suggest(string wrong, IEnumerable<string> candidates)
    {
        var best = candidates
            .Select(c => (Name: c, Distance: Distance(wrong.ToUpperInvariant(), c.ToUpperInvariant())))
            .Where(c => c.Distance <= Math.Max(2, wrong.Length / 3))
            .OrderBy(c => c.Distance)
            .FirstOrDefault();
        return best.Name is null ? string.Empty : $" (did you mean '{best.Name}'?)";
    }

    /// <summary>Levenshtein distance: how many letters to add, remove or change.</summary>
    private static int Distance(string a, string b)
    {
        var previous = Enumerable.Range(0, b.Length + 1).ToArray();
        for (var i = 1; i <= a.Length; i++)
        {
            var current = new int[b.Length + 1];
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1));
            }

            previous = current;
        }

        return previous[b.Length];
    }

    [GeneratedRegex("\"(?:[^\"\\\\]|\\\\.)*\"|'(?:[^'\\\\]|\\\\.)*'")]
    private static partial Regex StringLiteral();

    /// <summary><c>owner.field</c> where owner is not itself after a dot (so <c>a.b.c</c> is checked at <c>a.b</c> only).</summary>
    [GeneratedRegex(@"(?<![\w.])(?<owner>[A-Za-z_]\w*)\s*\.\s*(?<field>[A-Za-z_]\w*)")]
    private static partial Regex Member();

    [GeneratedRegex(@"([A-Za-z_]\w*)\s*=>")]
    private static partial Regex LambdaParameter();

    /// <summary>A bare name: not after a dot, not followed by a dot or a call (Math.Max, a method), not a number.</summary>
    [GeneratedRegex(@"(?<![\w.])[A-Za-z_]\w*(?!\w|\s*[.(])")]
    private static partial Regex Name();
}
