using Microsoft.Extensions.DependencyInjection;
using OrderToCash.Engine.Handlers;

namespace OrderToCash.Core.Payments;

public static class PaymentServiceCollectionExtensions
{
    /// <summary>Payments: recording, allocation to invoices (lettrage), the late-settlement charges, bank statement import and the unapplied-cash task.</summary>
    public static IServiceCollection AddOrderToCashPayments(this IServiceCollection services)
    {
        services.AddSingleton<LateSettlement>();
        services.AddSingleton<CashApplication>();
        services.AddSingleton<UnappliedCashTasks>();
        services.AddSingleton<BankStatementImport>();
        services.AddWorkflowHandler<UnappliedCashApplyHandler>();
        return services;
    }
}
