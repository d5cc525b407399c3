using Microsoft.Extensions.DependencyInjection;
using OrderToCash.Engine.Handlers;

namespace OrderToCash.Core.Orders;

public static class OrderServiceCollectionExtensions
{
    /// <summary>Order entry with its credit check, the credit-release decision handler, and the start-up repair.</summary>
    public static IServiceCollection AddOrderToCashOrders(this IServiceCollection services)
    {
        services.AddSingleton<OrderEntry>();
        services.AddSingleton<OrderDelivery>();
        services.AddWorkflowHandler<CreditReleaseDecisionHandler>();
        services.AddWorkflowHandler<InvoiceIssueHandler>();
        services.AddHostedService<CycleRepair>();
        return services;
    }
}
