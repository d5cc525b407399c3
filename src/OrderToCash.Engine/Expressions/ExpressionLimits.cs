using System.Globalization;

namespace OrderToCash.Engine.Expressions;

/// <summary>
/// The budgets every expression lives within (ADR 0090), wherever it comes from (rules, the editor's checks, what-if,
/// BPMN conditions, mappings, timers, global parameters, <c>o2c validate</c>): its text is checked before it is parsed,
/// and its evaluation is bounded in text length, collection size and time (<see cref="ExpressionBudget"/>).
/// </summary>
public static class ExpressionLimits
{
    /// <summary>The longest expression text: the longest shipped rule is under 200 characters.</summary>
    public const int MaxLength = 4000;

    /// <summary>
    /// The deepest nesting of brackets. The parser descends about fifteen frames per level (~5 KB of stack), so 1,995
    /// levels overflowed a thread's stack and took the process down; 64 levels use a few hundred KB at most.
    /// </summary>
    public const int MaxNestingDepth = 64;

    /// <summary>The longest text an expression may build (PadLeft, concatenation, Replace, Join, formats).</summary>
    public const int MaxTextLength = 100_000;

    /// <summary>The most items one enumeration of a computed sequence may yield (SelectMany, materialised lists).</summary>
    public const int MaxItems = 100_000;

    /// <summary>How long one evaluation may run before it is stopped.</summary>
    public static readonly TimeSpan TimeBudget = TimeSpan.FromSeconds(1);

    /// <summary>Why <paramref name="text"/> may not even be parsed (too long, nested too deep); null when it may.</summary>
    public static string? CheckText(string? text)
    {
        if (text is null)
        {
            return null;
        }

        if (text.Length > MaxLength)
        {
            return string.Create(CultureInfo.InvariantCulture, $"the expression is {text.Length:N0} characters long; at most {MaxLength:N0} are allowed");
        }

        var depth = 0;
        char? quote = null;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (quote is { } open)
            {
                if (c == '\\')
                {
                    i++;
                }
                else if (c == open)
                {
                    quote = null;
                }

                continue;
            }

            switch (c)
            {
                case '"' or '\'':
                    quote = c;
                    break;
                case '(' or '[' or '{':
                    if (++depth > MaxNestingDepth)
                    {
                        return string.Create(CultureInfo.InvariantCulture,
                            $"the expression nests brackets more than {MaxNestingDepth} levels deep (at character {i + 1}); split it into parameters");
                    }

                    break;
                case ')' or ']' or '}':
                    depth = Math.Max(0, depth - 1);
                    break;
            }
        }

        return null;
    }
}
