using System.Text.RegularExpressions;

namespace OrderToCash.Core.Dunning;

/// <summary>
/// The names a reminder template reads, checked against the statement model before it is saved: every variable in an
/// output (<c>{{ … }}</c>) or a tag (<c>{% … %}</c>), with its line, must be one the statement has (a field of
/// <c>customer</c>, <c>seller</c> or an invoice of <c>invoices</c>, or a name the template assigns or loops with).
/// Liquid itself renders an unknown name as nothing, which would send a statement with a hole in it.
/// </summary>
public static partial class TemplateVariables
{
    private static readonly HashSet<string> Words = new(StringComparer.Ordinal)
    {
        "if", "elsif", "else", "endif", "unless", "endunless", "case", "when", "endcase", "for", "in", "endfor", "assign",
        "capture", "endcapture", "and", "or", "not", "contains", "true", "false", "nil", "null", "empty", "blank", "limit",
        "offset", "reversed", "comment", "endcomment", "raw", "endraw", "break", "continue", "cycle", "increment",
        "decrement", "with", "size", "first", "last", "forloop", "by",
    };

    private static readonly Dictionary<string, IReadOnlyList<string>> Fields = new(StringComparer.Ordinal)
    {
        ["customer"] = ["id", "name", "siren", "address"],
        ["seller"] = ["name", "iban", "email"],
    };

    /// <summary>One problem per unknown name ("line 3: 'customer.nme' …"); empty when every name is known.</summary>
    public static List<string> Problems(string source)
    {
        ArgumentNullException.ThrowIfNull(source);
        var problems = new List<string>();
        var invoiceLoops = new HashSet<string>(StringComparer.Ordinal);
        var locals = new HashSet<string>(StringComparer.Ordinal);
        foreach (Match block in Block().Matches(source))
        {
            var line = source.AsSpan(0, block.Index).Count('\n') + 1;
            var code = Quoted().Replace(block.Groups["code"].Value, " ");
            if (For().Match(code) is { Success: true } loop)
            {
                (loop.Groups["source"].Value == "invoices" ? invoiceLoops : locals).Add(loop.Groups["item"].Value);
            }

            if (Assign().Match(code) is { Success: true } assigned)
            {
                locals.Add(assigned.Groups["name"].Value);
            }

            // Filters and their named arguments are not variables: keep what is before the first '|' of each part.
            foreach (var part in code.Split('|').Take(1).Concat(code.Split('|').Skip(1).Select(p => FilterName().Replace(p, " "))))
            {
                foreach (Match path in Path().Matches(part))
                {
                    if (Problem(path.Value, invoiceLoops, locals) is { } problem)
                    {
                        problems.Add($"line {line}: {problem}");
                    }
                }
            }
        }

        return [.. problems.Distinct(StringComparer.Ordinal)];
    }

    private static string? Problem(string path, HashSet<string> invoiceLoops, HashSet<string> locals)
    {
        var parts = path.Split('.');
        var root = parts[0];
        if (Words.Contains(root) || locals.Contains(root) || char.IsDigit(root[0]))
        {
            return null;
        }

        if (invoiceLoops.Contains(root))
        {
            return parts.Length < 2 || StatementModel.InvoiceFields.Contains(parts[1]) || Words.Contains(parts[1])
                ? null
                : $"'{parts[1]}' is not a field of an invoice ({path}); an invoice has {string.Join(", ", StatementModel.InvoiceFields)}.";
        }

        if (!StatementModel.Variables.Contains(root))
        {
            return $"'{root}' is not a variable of a statement; a statement has {string.Join(", ", StatementModel.Variables)}.";
        }

        return parts.Length >= 2 && Fields.TryGetValue(root, out var fields) && !fields.Contains(parts[1]) && !Words.Contains(parts[1])
            ? $"'{parts[1]}' is not a field of {root} ({path}); {root} has {string.Join(", ", fields)}."
            : null;
    }

    [GeneratedRegex(@"\{\{-?(?<code>.*?)-?\}\}|\{%-?(?<code>.*?)-?%\}", RegexOptions.Singleline)]
    private static partial Regex Block();

    [GeneratedRegex("\"[^\"]*\"|'[^']*'")]
    private static partial Regex Quoted();

    [GeneratedRegex(@"^\s*for\s+(?<item>\w+)\s+in\s+(?<source>[\w.]+)")]
    private static partial Regex For();

    [GeneratedRegex(@"^\s*(assign|capture)\s+(?<name>\w+)")]
    private static partial Regex Assign();

    [GeneratedRegex(@"^\s*\w+\s*:?|\b\w+\s*:")]
    private static partial Regex FilterName();

    [GeneratedRegex(@"(?<![\w.\[])[A-Za-z_]\w*(?:\.[A-Za-z_]\w*)*")]
    private static partial Regex Path();
}
