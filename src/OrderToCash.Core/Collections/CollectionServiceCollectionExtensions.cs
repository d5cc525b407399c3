using Microsoft.Extensions.DependencyInjection;

namespace OrderToCash.Core.Collections;

public static class CollectionServiceCollectionExtensions
{
    /// <summary>The collector's worklist (the contact log is a static use case on the caller's context).</summary>
    public static IServiceCollection AddOrderToCashCollections(this IServiceCollection services)
    {
        services.AddScoped<CollectionWorklist>();
        return services;
    }
}
