using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace OrderToCash.Engine.Handlers;

public static class HandlerServiceCollectionExtensions
{
    /// <summary>Registers a service-task handler (a singleton: handlers hold no per-instance state) and the catalog.</summary>
    public static IServiceCollection AddWorkflowHandler<THandler>(this IServiceCollection services)
        where THandler : class, IWorkflowHandler
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddSingleton<IWorkflowHandler, THandler>();
        services.TryAddSingleton(sp => new HandlerCatalog(sp.GetServices<IWorkflowHandler>()));
        return services;
    }
}
