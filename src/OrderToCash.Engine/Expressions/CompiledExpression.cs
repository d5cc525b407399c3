using System.Linq.Expressions;
using System.Reflection;

namespace OrderToCash.Engine.Expressions;

/// <summary>
/// A checked expression compiled once into a delegate over a variable dictionary. Each used parameter is read with
/// <see cref="VariableValues.Get{T}"/>, so a run costs the delegate call and one dictionary lookup per variable.
/// </summary>
public sealed class CompiledExpression<TResult>
{
    private static readonly MethodInfo GetMethod = typeof(VariableValues).GetMethod(nameof(VariableValues.Get))!;

    private readonly Func<IReadOnlyDictionary<string, object?>, TResult> _evaluate;

    internal CompiledExpression(string text, Func<IReadOnlyDictionary<string, object?>, TResult> evaluate)
    {
        Text = text;
        _evaluate = evaluate;
    }

    public string Text { get; }

    internal static CompiledExpression<TResult> From(ParsedExpression parsed)
    {
        var lambda = parsed.Lambda ?? throw new ArgumentException($"The expression '{parsed.Text}' was refused: {string.Join("; ", parsed.Errors)}", nameof(parsed));
        var variables = Expression.Parameter(typeof(IReadOnlyDictionary<string, object?>), "variables");
        var replacements = lambda.Parameters.ToDictionary(
            p => p,
            p => (Expression)Expression.Call(GetMethod.MakeGenericMethod(p.Type), variables, Expression.Constant(p.Name)));
        Expression body = new ParameterReplacer(replacements).Visit(lambda.Body)!;
        if (body.Type != typeof(TResult))
        {
            body = Expression.Convert(body, typeof(TResult));
        }

        var compiled = BudgetRewriter.Apply(Expression.Lambda<Func<IReadOnlyDictionary<string, object?>, TResult>>(body, variables)).Compile();
        return new CompiledExpression<TResult>(parsed.Text, compiled);
    }

    /// <summary>Evaluates over <paramref name="variables"/>; evaluation errors surface as <see cref="ExpressionEvaluationException"/>.</summary>
    public TResult Evaluate(IReadOnlyDictionary<string, object?> variables)
    {
        try
        {
            return _evaluate(variables);
        }
        catch (ExpressionEvaluationException)
        {
            throw;
        }
        catch (Exception ex) when (ex is ExpressionBudgetException or ArithmeticException or NullReferenceException or InvalidOperationException or InvalidCastException or ArgumentException or IndexOutOfRangeException or KeyNotFoundException or FormatException)
        {
            throw new ExpressionEvaluationException($"The expression '{Text}' failed: {ex.Message}", ex);
        }
    }

    private sealed class ParameterReplacer(IReadOnlyDictionary<ParameterExpression, Expression> replacements) : ExpressionVisitor
    {
        protected override Expression VisitParameter(ParameterExpression node) =>
            replacements.TryGetValue(node, out var replacement) ? replacement : node;
    }
}
