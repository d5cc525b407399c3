using Microsoft.Extensions.DependencyInjection;

namespace OrderToCash.Core.Credit;

public static class CreditServiceCollectionExtensions
{
    /// <summary>Credit-limit requests and their decisions (the credit check itself is a rule set run by its callers).</summary>
    public static IServiceCollection AddOrderToCashCredit(this IServiceCollection services) => services.AddScoped<CreditLimitRequests>();
}
