using Microsoft.Extensions.DependencyInjection;
using OrderToCash.Engine.Handlers;

namespace OrderToCash.Core.Disputes;

public static class DisputeServiceCollectionExtensions
{
    /// <summary>
    /// Disputes: raising one and recording e-invoicing statuses (the use cases), the dispute workflow's starter (in the
    /// dispute's transaction) and handlers (route, escalate, resolve). Register after the reason taxonomy
    /// (<c>AddOrderToCashReasons</c>): routing reads the reasons.
    /// </summary>
    public static IServiceCollection AddOrderToCashDisputes(this IServiceCollection services)
    {
        services.AddSingleton<DisputeWorkflowStarter>();
        services.AddSingleton<DisputeRaising>();
        services.AddSingleton<LifecycleStatusRecording>();
        services.AddSingleton<CorrectedInvoiceIssuer>();
        services.AddSingleton<Processes.ITaskCompletionCheck, DisputeResolutionCheck>();
        services.AddWorkflowHandler<DisputeRouteHandler>();
        services.AddWorkflowHandler<DisputeEscalateHandler>();
        services.AddWorkflowHandler<DisputeResolveHandler>();
        return services;
    }
}
