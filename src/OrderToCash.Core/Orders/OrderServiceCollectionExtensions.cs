using Microsoft.Extensions.DependencyInjection;
using OrderToCash.Engine.Handlers;

namespace OrderToCash.Core.Orders;

public static class OrderServiceCollectionExtensions
{
    /// <summary>Order entry and delivery, and the handlers of the order's workflow steps (credit situation, credit check applied, credit-release decision, delivery check applied, delivery, invoicing).</summary>
    public static IServiceCollection AddOrderToCashOrders(this IServiceCollection services)
    {
        services.AddSingleton<OrderEntry>();
        services.AddSingleton<OrderDelivery>();
        services.AddWorkflowHandler<CreditSituationHandler>();
        services.AddWorkflowHandler<CreditCheckApplyHandler>();
        services.AddWorkflowHandler<CreditReleaseDecisionHandler>();
        services.AddWorkflowHandler<DeliveryCheckApplyHandler>();
        services.AddWorkflowHandler<DeliverHandler>();
        services.AddWorkflowHandler<TermsSituationHandler>();
        services.AddWorkflowHandler<TermsCheckApplyHandler>();
        services.AddWorkflowHandler<InvoiceIssueHandler>();
        return services;
    }
}
