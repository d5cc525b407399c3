using OrderToCash.Engine.Expressions;

namespace OrderToCash.Engine.Runtime.Plan;

/// <summary>
/// One published version of a process, compiled: the immutable, shared part of execution (as NRules' network is to
/// its rule model). Instance state refers to it only by process id, version and element ids.
/// </summary>
public sealed class ExecutionPlan
{
    internal ExecutionPlan(string processId, int version, string sourceName, PlanScope root, IReadOnlyDictionary<string, PlanNode> nodes, IReadOnlyList<ExpressionParameter> variables)
    {
        ProcessId = processId;
        Version = version;
        SourceName = sourceName;
        Root = root;
        Nodes = nodes;
        Variables = variables;
    }

    public string ProcessId { get; }

    public int Version { get; }

    /// <summary>The file the plan was compiled from.</summary>
    public string SourceName { get; }

    public PlanScope Root { get; }

    /// <summary>Every node of the process, embedded sub-processes included (ids are unique per file).</summary>
    public IReadOnlyDictionary<string, PlanNode> Nodes { get; }

    /// <summary>The typed variables expressions may read.</summary>
    public IReadOnlyList<ExpressionParameter> Variables { get; }

    /// <summary>
    /// The string variables that take only listed values (<c>o2c:variable values="..."</c>), with those values in the
    /// order a form offers them; a step writing any other value raises an incident and a task answer is refused.
    /// </summary>
    public IReadOnlyDictionary<string, IReadOnlyList<string>> Choices { get; internal init; } = new Dictionary<string, IReadOnlyList<string>>();

    /// <summary>Start events of the process itself: none, message and timer.</summary>
    public IEnumerable<PlanNode> StartEvents => Root.Nodes.Where(n => n.Kind == Bpmn.Model.FlowNodeKind.StartEvent);

    public PlanNode Node(string elementId) =>
        Nodes.TryGetValue(elementId, out var node) ? node : throw new WorkflowRuntimeException($"The process '{ProcessId}' version {Version} has no element '{elementId}'.");
}
