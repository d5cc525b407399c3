using OrderToCash.Engine.Bpmn.Model;
using OrderToCash.Engine.Runtime.Plan;

namespace OrderToCash.Engine.Runtime;

/// <summary>
/// Published plans kept in memory, grouped by deployment (the plans published together). The durable runtime
/// replaces it with a database-backed registry; tests and the benchmark use it as is.
/// </summary>
public sealed class InMemoryPlanRegistry : IProcessPlanResolver
{
    private readonly List<(ExecutionPlan Plan, int Deployment)> _plans = [];
    private readonly Lock _gate = new();
    private int _deployments;

    /// <summary>Publishes plans together as one deployment.</summary>
    public void Publish(params ExecutionPlan[] plans)
    {
        ArgumentNullException.ThrowIfNull(plans);
        lock (_gate)
        {
            var deployment = ++_deployments;
            foreach (var plan in plans)
            {
                if (_plans.Exists(p => p.Plan.ProcessId == plan.ProcessId && p.Plan.Version == plan.Version))
                {
                    throw new WorkflowRuntimeException($"The process '{plan.ProcessId}' version {plan.Version} is already published.");
                }

                _plans.Add((plan, deployment));
            }
        }
    }

    public ExecutionPlan? Resolve(string processId, VersionBinding binding, int? version, ExecutionPlan caller)
    {
        lock (_gate)
        {
            var candidates = _plans.Where(p => p.Plan.ProcessId == processId);
            return binding switch
            {
                VersionBinding.Version => candidates.FirstOrDefault(p => p.Plan.Version == version).Plan,
                VersionBinding.Deployment => candidates.FirstOrDefault(p => p.Deployment == DeploymentOf(caller)).Plan,
                _ => candidates.OrderByDescending(p => p.Plan.Version).FirstOrDefault().Plan,
            };
        }
    }

    public ExecutionPlan? Find(string processId, int version)
    {
        lock (_gate)
        {
            return _plans.FirstOrDefault(p => p.Plan.ProcessId == processId && p.Plan.Version == version).Plan;
        }
    }

    private int DeploymentOf(ExecutionPlan plan) => _plans.FirstOrDefault(p => ReferenceEquals(p.Plan, plan)).Deployment;
}
