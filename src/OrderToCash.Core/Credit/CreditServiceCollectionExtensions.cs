using Microsoft.Extensions.DependencyInjection;
using OrderToCash.Engine.Handlers;

namespace OrderToCash.Core.Credit;

public static class CreditServiceCollectionExtensions
{
    /// <summary>
    /// Credit-limit requests and their decisions (the credit check itself is a rule set run by its callers), and the
    /// step listing the customers due for review (the monthly credit-limit review, ADR 0067).
    /// </summary>
    public static IServiceCollection AddOrderToCashCredit(this IServiceCollection services) =>
        services.AddScoped<CreditLimitRequests>().AddWorkflowHandler<CreditReviewDueHandler>();
}
