using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using OrderToCash.Core.Infrastructure.Composition;
using OrderToCash.Core.Infrastructure.Persistence;
using OrderToCash.Core.Infrastructure.Scheduling;

namespace OrderToCash.Core.Infrastructure.Hosting;

public static class RuntimeServiceCollectionExtensions
{
    /// <summary>Everything a running host needs: the system clock, Core (<see cref="CoreServiceCollectionExtensions.AddOrderToCashCore"/>), the database migrated at start, the scheduler.</summary>
    /// <param name="services">The host's services.</param>
    /// <param name="configuration">The host's configuration.</param>
    /// <param name="contentRoot">Where reasons/ is looked for, upwards.</param>
    /// <param name="seedDemoData">Fill an empty database with demo data (the host passes true in Development, or Demo:Seed).</param>
    /// <param name="reasonsFileWins">The reason file overwrites the database's taxonomy at start (development).</param>
    public static IServiceCollection AddOrderToCashRuntime(this IServiceCollection services, IConfiguration configuration, string contentRoot, bool seedDemoData = false, bool reasonsFileWins = false)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddSingleton(TimeProvider.System);
        // Registered before every other start-up work and the scheduler, so the schema exists before any of them runs;
        // the SQLite file's lock first.
        services.AddHostedService<SqliteHostLock>();
        services.AddHostedService(sp => new DatabaseStartup(
            sp.GetRequiredService<DatabaseOptions>(),
            sp.GetRequiredService<DatabaseMigrator>(),
            seedDemoData ? ActivatorUtilities.CreateInstance<Demo.DemoDataSeeder>(sp) : null,
            sp.GetRequiredService<Microsoft.Extensions.Logging.ILogger<DatabaseStartup>>()));
        services.AddOrderToCashCore(configuration, contentRoot, reasonsFileWins);
        var database = PersistenceServiceCollectionExtensions.ReadOptions(configuration);
        var scheduler = configuration.GetSection(SchedulerOptions.SectionName).Get<SchedulerOptions>() ?? new SchedulerOptions();
        services.AddOrderToCashScheduler(database, scheduler);
        return services;
    }
}
