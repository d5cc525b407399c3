using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using OrderToCash.Core.Persistence;
using OrderToCash.Core.Scheduling;

namespace OrderToCash.Core.Hosting;

public static class RuntimeServiceCollectionExtensions
{
    /// <summary>Everything a running host needs: clock, database (migrated at start), scheduler.</summary>
    public static IServiceCollection AddOrderToCashRuntime(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddSingleton(TimeProvider.System);
        services.AddOrderToCashDatabase(configuration);
        // Registered before the scheduler so the schema exists before any job can run.
        services.AddHostedService<DatabaseStartup>();
        var database = PersistenceServiceCollectionExtensions.ReadOptions(configuration);
        var scheduler = configuration.GetSection(SchedulerOptions.SectionName).Get<SchedulerOptions>() ?? new SchedulerOptions();
        services.AddOrderToCashScheduler(database, scheduler);
        return services;
    }
}
