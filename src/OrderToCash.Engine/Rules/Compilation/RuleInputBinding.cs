namespace OrderToCash.Engine.Rules.Compilation;

/// <summary>One named input of a rule set: the name expressions use (e.g. <c>check</c>) and the model type behind it.</summary>
public sealed record RuleInputBinding(string Name, Type Type);
