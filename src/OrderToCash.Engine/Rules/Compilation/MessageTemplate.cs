using System.Linq.Expressions;
using System.Text.RegularExpressions;
using OrderToCash.Engine.Expressions;
using RulesEngine.ExpressionBuilders;

namespace OrderToCash.Engine.Rules.Compilation;

/// <summary>
/// RulesEngine's formatted error messages: <c>$(check.Exposure)</c> in a rule's ErrorMessage is replaced by the value
/// when the rule fails. Each placeholder is parsed like an expression over the rule's inputs and parameters and
/// screened by the sandbox; one that does not parse or is refused stays as written (RulesEngine also leaves unknown
/// placeholders), so a message can never run what a rule may not.
/// </summary>
internal static partial class MessageTemplate
{
    [GeneratedRegex(@"\$\(([^)]+)\)")]
    private static partial Regex Placeholder();

    /// <summary>A delegate building the message from the inputs, or null when the message has no usable placeholder.</summary>
    public static Func<object?[], string>? TryCompile(
        string? message, RuleExpressionParser parser, ExpressionTypePolicy policy, ParameterExpression[] inputs, IReadOnlyList<(ParameterExpression Variable, Expression Value)> scoped)
    {
        if (string.IsNullOrEmpty(message) || !message.Contains("$(", StringComparison.Ordinal))
        {
            return null;
        }

        var scope = inputs.Concat(scoped.Select(s => s.Variable)).ToArray();
        var parts = new List<Expression>();
        var last = 0;
        var resolved = false;
        foreach (Match match in Placeholder().Matches(message))
        {
            parts.Add(Expression.Constant(message[last..match.Index]));
            last = match.Index + match.Length;
            if (TryParse(parser, policy, match.Groups[1].Value.Trim(), scope) is { } value)
            {
                parts.Add(ToText(value));
                resolved = true;
            }
            else
            {
                parts.Add(Expression.Constant(match.Value));
            }
        }

        if (!resolved)
        {
            return null;
        }

        parts.Add(Expression.Constant(message[last..]));
        var args = Expression.Parameter(typeof(object[]), "inputs");
        var steps = new List<Expression>();
        for (var i = 0; i < inputs.Length; i++)
        {
            steps.Add(Expression.Assign(inputs[i], Expression.Convert(Expression.ArrayIndex(args, Expression.Constant(i)), inputs[i].Type)));
        }

        steps.AddRange(scoped.Select(s => Expression.Assign(s.Variable, s.Value)));
        steps.Add(Expression.Call(typeof(string).GetMethod(nameof(string.Concat), [typeof(string[])])!, Expression.NewArrayInit(typeof(string), parts)));
        var block = Expression.Block(typeof(string), scope, steps);
        var format = BudgetRewriter.Apply(Expression.Lambda<Func<object?[], string>>(block, args)).Compile();
        return inputValues => Format(format, inputValues, message);
    }

    [System.Diagnostics.CodeAnalysis.SuppressMessage("Design", "CA1031:Do not catch general exception types",
        Justification = "A placeholder that cannot be evaluated (a null along the path) must not hide the rule's message.")]
    private static string Format(Func<object?[], string> format, object?[] inputs, string template)
    {
        try
        {
            return format(inputs);
        }
        catch (Exception)
        {
            return template;
        }
    }

    [System.Diagnostics.CodeAnalysis.SuppressMessage("Design", "CA1031:Do not catch general exception types",
        Justification = "Dynamic.Core reports some errors as framework exceptions; an unparsable placeholder stays as written.")]
    private static Expression? TryParse(RuleExpressionParser parser, ExpressionTypePolicy policy, string path, ParameterExpression[] scope)
    {
        if (ExpressionLimits.CheckText(path) is not null)
        {
            return null;
        }

        try
        {
            var body = parser.Parse(path, scope, null);
            return ExpressionViolationFinder.Find(Expression.Lambda(body, scope), policy).Count == 0 ? body : null;
        }
        catch (Exception)
        {
            return null;
        }
    }

    /// <summary>value?.ToString() ?? "" (invariant: the build uses invariant globalization).</summary>
    private static Expression ToText(Expression value)
    {
        var boxed = Expression.Convert(value, typeof(object));
        var text = Expression.Call(boxed, typeof(object).GetMethod(nameof(ToString))!);
        return value.Type.IsValueType && Nullable.GetUnderlyingType(value.Type) is null
            ? text
            : Expression.Condition(Expression.Equal(boxed, Expression.Constant(null)), Expression.Constant(string.Empty), text);
    }
}
