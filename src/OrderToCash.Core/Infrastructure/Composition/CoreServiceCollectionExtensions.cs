using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using OrderToCash.Core.Collections;
using OrderToCash.Core.ControlTower;
using OrderToCash.Core.Credit;
using OrderToCash.Core.Customers;
using OrderToCash.Core.Disputes;
using OrderToCash.Core.Documents;
using OrderToCash.Core.Dunning;
using OrderToCash.Core.Infrastructure.Persistence;
using OrderToCash.Core.Infrastructure.Rules;
using OrderToCash.Core.Infrastructure.Workflows;
using OrderToCash.Core.Invoicing;
using OrderToCash.Core.Kpis;
using OrderToCash.Core.Orders;
using OrderToCash.Core.Payments;
using OrderToCash.Core.Reasons;
using OrderToCash.Core.RootCauses;

namespace OrderToCash.Core.Infrastructure.Composition;

public static class CoreServiceCollectionExtensions
{
    /// <summary>
    /// Core's one composition root: the database, the rules, the workflows and every feature, registered the same way
    /// for the host, the CLI and the simulation (ADR 0130). What differs between them is around it: the clock, logging,
    /// and, in a host, the start-up work and the scheduler (<c>AddOrderToCashRuntime</c>).
    /// </summary>
    /// <param name="services">The caller's services.</param>
    /// <param name="configuration">Database, Workflows, Invoicing, Reminders, Reasons, RootCause… sections.</param>
    /// <param name="contentRoot">Where reasons/ is looked for, upwards.</param>
    /// <param name="reasonsFileWins">The reason file overwrites the database's taxonomy at start (development).</param>
    public static IServiceCollection AddOrderToCashCore(this IServiceCollection services, IConfiguration configuration, string contentRoot, bool reasonsFileWins = false)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOrderToCashDatabase(configuration);
        services.AddOrderToCashRules();
        services.AddOrderToCashWorkflows(configuration);
        services.AddOrderToCashCustomers();
        services.AddOrderToCashCredit();
        services.AddOrderToCashOrders();
        services.AddOrderToCashInvoicing(configuration);
        services.AddOrderToCashDocuments();
        services.AddOrderToCashPayments();
        services.AddOrderToCashDunning(configuration);
        services.AddOrderToCashReasons(configuration, contentRoot, reasonsFileWins);
        services.AddOrderToCashDisputes();
        services.AddOrderToCashRootCauses(configuration);
        services.AddOrderToCashKpis();
        services.AddOrderToCashControlTower();
        services.AddOrderToCashCollections();
        return services;
    }
}
