using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using OrderToCash.Engine.Handlers;

namespace OrderToCash.Core.Invoicing;

public static class InvoicingServiceCollectionExtensions
{
    /// <summary>Invoicing: the invoice.issue handler, late-payment terms, credit notes and write-offs.</summary>
    public static IServiceCollection AddOrderToCashInvoicing(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<CompanyOptions>(configuration.GetSection(CompanyOptions.SectionName));
        services.AddSingleton<LatePaymentTerms>();
        services.AddSingleton<InvoiceIssuer>();
        services.AddSingleton<PaymentTermsCheck>();
        services.AddSingleton<SettlementMessages>();
        services.AddSingleton<InvoiceAdjustments>();
        return services;
    }
}
