using Microsoft.Extensions.DependencyInjection;
using OrderToCash.Engine.Handlers;

namespace OrderToCash.Core.Payments;

public static class PaymentServiceCollectionExtensions
{
    /// <summary>Payments: recording, allocation to invoices (lettrage), the late-settlement charges and the interest pending an ECB rate (ADR 0101), bank statement import and the unapplied-cash task.</summary>
    public static IServiceCollection AddOrderToCashPayments(this IServiceCollection services)
    {
        services.AddSingleton<LateSettlement>();
        services.AddSingleton<CashApplication>();
        services.AddSingleton<UnappliedCashTasks>();
        services.AddSingleton<BankStatementImport>();
        services.AddWorkflowHandler<UnappliedCashApplyHandler>();
        services.AddSingleton<EcbRateEntry>();
        services.AddWorkflowHandler<EcbRateEntryHandler>();
        services.AddHostedService<PendingInterestRepair>();
        return services;
    }
}
