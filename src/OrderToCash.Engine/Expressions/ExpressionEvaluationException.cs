namespace OrderToCash.Engine.Expressions;

/// <summary>An accepted expression failed while evaluating (a variable is not set, has the wrong shape, divides by zero...).</summary>
public sealed class ExpressionEvaluationException : Exception
{
    public ExpressionEvaluationException()
    {
    }

    public ExpressionEvaluationException(string message)
        : base(message)
    {
    }

    public ExpressionEvaluationException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
