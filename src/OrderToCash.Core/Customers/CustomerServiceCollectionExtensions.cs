using Microsoft.Extensions.DependencyInjection;

namespace OrderToCash.Core.Customers;

public static class CustomerServiceCollectionExtensions
{
    /// <summary>The customer master (create, edit, import, history).</summary>
    public static IServiceCollection AddOrderToCashCustomers(this IServiceCollection services) => services.AddScoped<CustomerMaster>();
}
