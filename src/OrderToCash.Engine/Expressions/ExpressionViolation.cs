namespace OrderToCash.Engine.Expressions;

/// <summary>One reason an expression is refused, e.g. "calls System.IO.File.ReadAllText, which is not an allowed type".</summary>
public sealed record ExpressionViolation(string Reason)
{
    public override string ToString() => Reason;
}
