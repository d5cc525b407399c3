using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using OrderToCash.Engine.Handlers;

namespace OrderToCash.Engine.Runtime;

public static class WorkflowRuntimeServiceCollectionExtensions
{
    /// <summary>
    /// Registers the in-memory runtime: the executor, the plan registry (unless a durable one is registered first),
    /// the handler catalog and the system clock (unless a TimeProvider is already registered, e.g. a fake in tests).
    /// A rule-set runner, when registered, is used for business-rule tasks.
    /// </summary>
    public static IServiceCollection AddWorkflowRuntime(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<InMemoryPlanRegistry>();
        services.TryAddSingleton<IProcessPlanResolver>(sp => sp.GetRequiredService<InMemoryPlanRegistry>());
        services.TryAddSingleton(sp => new HandlerCatalog(sp.GetServices<IWorkflowHandler>()));
        services.TryAddSingleton(sp => new WorkflowExecutor(
            sp.GetRequiredService<TimeProvider>(),
            sp.GetService<IRuleSetRunner>(),
            sp.GetRequiredService<IProcessPlanResolver>()));
        return services;
    }
}
