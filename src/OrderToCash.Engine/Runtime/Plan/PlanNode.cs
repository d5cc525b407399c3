using OrderToCash.Engine.Bpmn.Model;
using OrderToCash.Engine.Expressions;
using OrderToCash.Engine.Handlers;

namespace OrderToCash.Engine.Runtime.Plan;

/// <summary>
/// A flow node compiled for execution: resolved flows, boundary events, handler and compiled expressions. Built once
/// per published version and shared by every instance; never mutated after compilation.
/// </summary>
public sealed class PlanNode
{
    internal PlanNode(FlowNode model, PlanScope scope)
    {
        Model = model;
        Scope = scope;
    }

    public FlowNode Model { get; }

    public string Id => Model.Id;

    public FlowNodeKind Kind => Model.Kind;

    /// <summary>The scope (process or embedded sub-process) the node belongs to.</summary>
    public PlanScope Scope { get; }

    /// <summary>Embedded sub-process: its content.</summary>
    public PlanScope? Content { get; internal set; }

    public IReadOnlyList<PlanFlow> Outgoing { get; internal set; } = [];

    public IReadOnlyList<PlanFlow> Incoming { get; internal set; } = [];

    public PlanFlow? DefaultFlow { get; internal set; }

    public IReadOnlyList<PlanNode> Boundaries { get; internal set; } = [];

    public PlanNode? AttachedTo { get; internal set; }

    public IWorkflowHandler? Handler { get; internal set; }

    public IReadOnlyList<PlanMapping> Inputs { get; internal set; } = [];

    public IReadOnlyList<PlanMapping> Outputs { get; internal set; } = [];

    public PlanTimer? Timer { get; internal set; }

    public PlanTimer? DueDate { get; internal set; }

    public CompiledExpression<object?>? CorrelationKey { get; internal set; }

    /// <summary>User task: the expression naming the person it is for.</summary>
    public CompiledExpression<object?>? Assignee { get; internal set; }

    public CompiledExpression<object?>? Collection { get; internal set; }

    /// <summary>Multi-instance: each item's result, collected into <c>o2c:outputCollection</c>.</summary>
    public CompiledExpression<object?>? OutputElement { get; internal set; }

    /// <summary>Inclusive join: for each incoming flow (same order as <see cref="Incoming"/>), the nodes from which a token could still reach it.</summary>
    public IReadOnlyList<IReadOnlySet<string>> UpstreamOfIncoming { get; internal set; } = [];

    public bool IsJoin => Kind is FlowNodeKind.ParallelGateway or FlowNodeKind.InclusiveGateway && Incoming.Count > 1;

    public override string ToString() => Model.Describe();
}

/// <summary>A compiled sequence flow; <see cref="Condition"/> is null when unconditional.</summary>
public sealed record PlanFlow(string Id, PlanNode Source, PlanNode Target, CompiledExpression<bool>? Condition);

/// <summary>A compiled input or output mapping.</summary>
public sealed record PlanMapping(string Name, CompiledExpression<object?> Expression);

/// <summary>A scope of nodes (the process or an embedded sub-process) and its none start event.</summary>
public sealed class PlanScope
{
    internal PlanScope(PlanNode? owner) => Owner = owner;

    /// <summary>The embedded sub-process owning the scope; null for the process itself.</summary>
    public PlanNode? Owner { get; }

    public IReadOnlyList<PlanNode> Nodes { get; internal set; } = [];

    public PlanNode? NoneStart { get; internal set; }
}
