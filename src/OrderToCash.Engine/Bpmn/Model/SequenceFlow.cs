namespace OrderToCash.Engine.Bpmn.Model;

/// <summary>A sequence flow; <see cref="Condition"/> is an expression over the instance's variables, null when unconditional.</summary>
public sealed record SequenceFlow(string Id, string? Name, string SourceRef, string TargetRef, string? Condition, SourceLocation Location);
