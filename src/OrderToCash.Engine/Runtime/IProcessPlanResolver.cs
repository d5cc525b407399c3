using OrderToCash.Engine.Bpmn.Model;
using OrderToCash.Engine.Runtime.Plan;

namespace OrderToCash.Engine.Runtime;

/// <summary>Finds published plans: the called process of a call activity, and the exact version a running scope uses.</summary>
public interface IProcessPlanResolver
{
    /// <summary>The plan a call activity binds to, or null when none is published.</summary>
    ExecutionPlan? Resolve(string processId, VersionBinding binding, int? version, ExecutionPlan caller);

    /// <summary>Exactly <paramref name="processId"/> version <paramref name="version"/>, or null.</summary>
    ExecutionPlan? Find(string processId, int version);
}
