using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using OrderToCash.Core.Documents;
using OrderToCash.Core.Infrastructure.Persistence;
using OrderToCash.Core.Infrastructure.Rules;
using OrderToCash.Core.Infrastructure.Scheduling;
using OrderToCash.Core.Infrastructure.Workflows;
using OrderToCash.Core.Invoicing;
using OrderToCash.Core.Payments;

namespace OrderToCash.Core.Infrastructure.Hosting;

public static class RuntimeServiceCollectionExtensions
{
    /// <summary>Everything a running host needs: clock, database (migrated at start), scheduler.</summary>
    /// <param name="services">The host's services.</param>
    /// <param name="configuration">The host's configuration.</param>
    /// <param name="seedDemoData">Fill an empty database with demo data (the host passes true in Development, or Demo:Seed).</param>
    public static IServiceCollection AddOrderToCashRuntime(this IServiceCollection services, IConfiguration configuration, bool seedDemoData = false)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddSingleton(TimeProvider.System);
        services.AddOrderToCashDatabase(configuration);
        // Registered before the scheduler so the schema exists before any job can run; the SQLite file's lock first.
        services.AddHostedService<SqliteHostLock>();
        services.AddHostedService(sp => new DatabaseStartup(
            sp.GetRequiredService<DatabaseOptions>(),
            sp.GetRequiredService<DatabaseMigrator>(),
            seedDemoData ? ActivatorUtilities.CreateInstance<Demo.DemoDataSeeder>(sp) : null,
            sp.GetRequiredService<Microsoft.Extensions.Logging.ILogger<DatabaseStartup>>()));

        services.AddScoped<Credit.CreditLimitRequests>();
        services.AddScoped<Customers.CustomerMaster>();
        services.AddOrderToCashRules();
        services.AddOrderToCashWorkflows(configuration);
        Orders.OrderServiceCollectionExtensions.AddOrderToCashOrders(services);
        services.AddOrderToCashInvoicing(configuration);
        services.AddOrderToCashPayments();
        services.AddOrderToCashDocuments();
        Engine.Handlers.HandlerServiceCollectionExtensions.AddWorkflowHandler<Credit.CreditReviewDueHandler>(services);
        var database = PersistenceServiceCollectionExtensions.ReadOptions(configuration);
        var scheduler = configuration.GetSection(SchedulerOptions.SectionName).Get<SchedulerOptions>() ?? new SchedulerOptions();
        services.AddOrderToCashScheduler(database, scheduler);
        return services;
    }
}
