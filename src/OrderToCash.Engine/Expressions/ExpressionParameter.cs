namespace OrderToCash.Engine.Expressions;

/// <summary>A named, typed input an expression may reference (a workflow variable, a handler output, a rule input).</summary>
public sealed record ExpressionParameter(string Name, Type Type);
