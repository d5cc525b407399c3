using System.Linq.Expressions;

namespace OrderToCash.Engine.Expressions;

/// <summary>
/// The outcome of <see cref="SandboxedExpressionParser.Parse"/>: either a safe lambda over the parameters the text
/// actually uses, or the reasons it was refused (a syntax error or sandbox violations).
/// </summary>
public sealed class ParsedExpression
{
    internal ParsedExpression(string text, LambdaExpression? lambda, IReadOnlyList<ExpressionParameter> usedParameters, IReadOnlyList<string> errors)
    {
        Text = text;
        Lambda = lambda;
        UsedParameters = usedParameters;
        Errors = errors;
    }

    public string Text { get; }

    /// <summary>The checked lambda, whose parameters are <see cref="UsedParameters"/>; null when refused.</summary>
    public LambdaExpression? Lambda { get; }

    /// <summary>The declared parameters the expression reads, in declaration order.</summary>
    public IReadOnlyList<ExpressionParameter> UsedParameters { get; }

    /// <summary>Why the expression was refused; empty when it is accepted.</summary>
    public IReadOnlyList<string> Errors { get; }

    public bool Succeeded => Lambda is not null;

    /// <summary>Compiles this accepted expression once; the result is converted to <typeparamref name="TResult"/>.</summary>
    public CompiledExpression<TResult> Compile<TResult>() => CompiledExpression<TResult>.From(this);

    /// <summary>The type the expression yields.</summary>
    public Type? ResultType => Lambda?.ReturnType;
}
