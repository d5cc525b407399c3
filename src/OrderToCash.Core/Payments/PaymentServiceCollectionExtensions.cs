using Microsoft.Extensions.DependencyInjection;

namespace OrderToCash.Core.Payments;

public static class PaymentServiceCollectionExtensions
{
    /// <summary>Payments: recording, allocation to invoices (lettrage) and the late-settlement charges.</summary>
    public static IServiceCollection AddOrderToCashPayments(this IServiceCollection services)
    {
        services.AddSingleton<LateSettlement>();
        services.AddSingleton<CashApplication>();
        return services;
    }
}
