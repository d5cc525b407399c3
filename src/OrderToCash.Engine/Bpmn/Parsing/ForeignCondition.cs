using System.Globalization;

namespace OrderToCash.Engine.Bpmn.Parsing;

/// <summary>
/// Conditions written for Camunda: JUEL <c>${approved}</c> (Camunda 7) and FEEL <c>=amount &gt; 10000</c>
/// (Camunda 8), translated into our expression language for their common subset: variables, comparisons,
/// <c>and</c>/<c>or</c>/<c>not</c>, parentheses and literals (numbers, strings, true, false, null). Anything else
/// (function calls, method calls, arithmetic, ranges) is refused with the token that is outside the subset.
/// The variables a condition reads get a type from how it uses them (compared with a number: decimal, with a
/// string: string, alone or with and/or/not: bool), so a model without our declarations can still be checked.
/// </summary>
public static class ForeignCondition
{
    public enum Dialect
    {
        None,
        Juel,
        Feel,
    }

    /// <summary>The dialect a condition text is written in: <c>${…}</c>/<c>#{…}</c> is JUEL, <c>=…</c> is FEEL.</summary>
    public static Dialect DialectOf(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var trimmed = text.Trim();
        if ((trimmed.StartsWith("${", StringComparison.Ordinal) || trimmed.StartsWith("#{", StringComparison.Ordinal)) && trimmed.EndsWith('}'))
        {
            return Dialect.Juel;
        }

        return trimmed.StartsWith('=') ? Dialect.Feel : Dialect.None;
    }

    /// <summary>Translates a JUEL or FEEL condition; on failure <paramref name="error"/> says which token is not supported.</summary>
    public static bool TryTranslate(string text, out Translation translation, out string error)
    {
        ArgumentNullException.ThrowIfNull(text);
        var dialect = DialectOf(text);
        var trimmed = text.Trim();
        var body = dialect switch
        {
            Dialect.Juel => trimmed[2..^1],
            Dialect.Feel => trimmed[1..],
            _ => trimmed,
        };
        translation = new Translation(trimmed, new Dictionary<string, string>(StringComparer.Ordinal));
        if (dialect == Dialect.None)
        {
            error = string.Empty;
            return true;
        }

        var name = dialect == Dialect.Juel ? "JUEL" : "FEEL";
        if (!TryTokenize(body, dialect, out var tokens, out var problem))
        {
            error = $"The {name} condition '{trimmed}' is outside the supported subset (variables, comparisons, and/or/not, literals): {problem}.";
            return false;
        }

        if (tokens.Count == 0)
        {
            error = $"The {name} condition '{trimmed}' is empty.";
            return false;
        }

        translation = new Translation(string.Join(' ', tokens.Select(t => t.Text)), InferTypes(tokens));
        error = string.Empty;
        return true;
    }

    private static bool TryTokenize(string body, Dialect dialect, out List<Token> tokens, out string problem)
    {
        tokens = [];
        problem = string.Empty;
        var i = 0;
        while (i < body.Length)
        {
            var c = body[i];
            if (char.IsWhiteSpace(c))
            {
                i++;
                continue;
            }

            if (c == '"' || (c == '\'' && dialect == Dialect.Juel))
            {
                var end = body.IndexOf(c, i + 1);
                if (end < 0)
                {
                    problem = $"the string starting at position {i + 1} is not closed";
                    return false;
                }

                var value = body[(i + 1)..end];
                tokens.Add(new Token(TokenKind.String, "\"" + value.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal) + "\""));
                i = end + 1;
                continue;
            }

            if (char.IsDigit(c))
            {
                var start = i;
                while (i < body.Length && (char.IsDigit(body[i]) || body[i] == '.'))
                {
                    i++;
                }

                var number = body[start..i];
                if (!decimal.TryParse(number, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out _))
                {
                    problem = $"'{number}' is not a number";
                    return false;
                }

                tokens.Add(new Token(TokenKind.Number, number));
                continue;
            }

            if (char.IsLetter(c) || c == '_')
            {
                var start = i;
                while (i < body.Length && (char.IsLetterOrDigit(body[i]) || body[i] == '_'))
                {
                    i++;
                }

                var word = body[start..i];
                if (i < body.Length && body[i] is '.' or '[' || (NextNonSpace(body, i) == '(' && word != "not"))
                {
                    problem = $"'{word}{body[i..].TrimStart()[..1]}' (property access, method or function call) is not supported; use a variable";
                    return false;
                }

                var keyword = Keyword(word, dialect);
                if (keyword is null)
                {
                    problem = $"'{word}' is not supported";
                    return false;
                }

                tokens.Add(keyword);
                continue;
            }

            var op = Operator(body, i, dialect);
            if (op is null)
            {
                problem = $"'{c}' at position {i + 1} is not supported";
                return false;
            }

            tokens.Add(op.Value.Token);
            i += op.Value.Length;
        }

        return true;
    }

    private static char? NextNonSpace(string body, int i)
    {
        while (i < body.Length && char.IsWhiteSpace(body[i]))
        {
            i++;
        }

        return i < body.Length ? body[i] : null;
    }

    private static Token? Keyword(string word, Dialect dialect) => word switch
    {
        "and" => new Token(TokenKind.Logical, "&&"),
        "or" => new Token(TokenKind.Logical, "||"),
        "not" => new Token(TokenKind.Not, "!"),
        "true" or "false" => new Token(TokenKind.Bool, word),
        "null" => new Token(TokenKind.Null, "null"),
        "eq" when dialect == Dialect.Juel => new Token(TokenKind.Equality, "=="),
        "ne" when dialect == Dialect.Juel => new Token(TokenKind.Equality, "!="),
        "lt" when dialect == Dialect.Juel => new Token(TokenKind.Ordering, "<"),
        "gt" when dialect == Dialect.Juel => new Token(TokenKind.Ordering, ">"),
        "le" when dialect == Dialect.Juel => new Token(TokenKind.Ordering, "<="),
        "ge" when dialect == Dialect.Juel => new Token(TokenKind.Ordering, ">="),
        "empty" or "div" or "mod" or "instanceof" or "in" or "between" or "some" or "every" or "if" or "then" or "else" or "for" or "return" or "satisfies" => null,
        _ => new Token(TokenKind.Variable, word),
    };

    private static (Token Token, int Length)? Operator(string body, int i, Dialect dialect)
    {
        var two = i + 1 < body.Length ? body.Substring(i, 2) : string.Empty;
        switch (two)
        {
            case "&&" or "||" when dialect == Dialect.Juel:
                return (new Token(TokenKind.Logical, two), 2);
            case "==" when dialect == Dialect.Juel:
                return (new Token(TokenKind.Equality, "=="), 2);
            case "!=":
                return (new Token(TokenKind.Equality, "!="), 2);
            case "<=" or ">=":
                return (new Token(TokenKind.Ordering, two), 2);
        }

        return body[i] switch
        {
            '<' or '>' => (new Token(TokenKind.Ordering, body[i].ToString()), 1),
            '=' when dialect == Dialect.Feel => (new Token(TokenKind.Equality, "=="), 1),
            '!' when dialect == Dialect.Juel => (new Token(TokenKind.Not, "!"), 1),
            '(' => (new Token(TokenKind.Open, "("), 1),
            ')' => (new Token(TokenKind.Close, ")"), 1),
            '-' when i + 1 < body.Length && char.IsDigit(body[i + 1]) => (new Token(TokenKind.Sign, "-"), 1),
            _ => null,
        };
    }

    /// <summary>Each variable's type from its neighbours: compared with a number, a string or a boolean; else bool.</summary>
    private static Dictionary<string, string> InferTypes(List<Token> tokens)
    {
        var types = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < tokens.Count; i++)
        {
            if (tokens[i].Kind != TokenKind.Variable)
            {
                continue;
            }

            var before = i > 0 ? tokens[i - 1] : null;
            var after = i + 1 < tokens.Count ? tokens[i + 1] : null;
            var comparison = after is { Kind: TokenKind.Equality or TokenKind.Ordering } ? after : before is { Kind: TokenKind.Equality or TokenKind.Ordering } ? before : null;
            var other = comparison is null ? null : ReferenceEquals(comparison, after) ? At(tokens, i + 2) : At(tokens, i - 2);
            if (other?.Kind == TokenKind.Sign)
            {
                other = At(tokens, i + 3);
            }

            var type = comparison is null ? "bool" : other?.Kind switch
            {
                TokenKind.Number or TokenKind.Sign => "decimal",
                TokenKind.String => "string",
                TokenKind.Bool => "bool",
                _ => comparison.Kind == TokenKind.Ordering ? "decimal" : null,
            };
            if (type is not null)
            {
                types.TryAdd(tokens[i].Text, type);
            }
            else
            {
                types.TryAdd(tokens[i].Text, "string");
            }
        }

        return types;
    }

    private static Token? At(List<Token> tokens, int index) => index >= 0 && index < tokens.Count ? tokens[index] : null;

    /// <param name="Expression">The condition in our expression language.</param>
    /// <param name="VariableTypes">The variables it reads, with the type their use implies (our type names).</param>
    public sealed record Translation(string Expression, IReadOnlyDictionary<string, string> VariableTypes);

    private enum TokenKind
    {
        Variable,
        Number,
        String,
        Bool,
        Null,
        Logical,
        Not,
        Equality,
        Ordering,
        Open,
        Close,
        Sign,
    }

    private sealed record Token(TokenKind Kind, string Text);
}
