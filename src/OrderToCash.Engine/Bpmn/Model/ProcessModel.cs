using OrderToCash.Engine.Diagnostics;

namespace OrderToCash.Engine.Bpmn.Model;

/// <summary>One <c>process</c> of a BPMN file: the immutable definition, independent of how it runs.</summary>
public sealed record ProcessModel(string Id, string? Name, bool IsExecutable, FlowScope Content, SourceLocation Location)
{
    public IReadOnlyList<VariableDeclaration> Variables { get; init; } = [];
}

/// <summary>A parsed BPMN file (<see cref="SourceName"/> is what diagnostics refer to): its processes plus the problems found while reading it.</summary>
public sealed record BpmnDocument(string SourceName, IReadOnlyList<ProcessModel> Processes, IReadOnlyList<Diagnostic> Diagnostics)
{
    public bool HasErrors => Diagnostics.Any(d => d.Severity == DiagnosticSeverity.Error);
}
