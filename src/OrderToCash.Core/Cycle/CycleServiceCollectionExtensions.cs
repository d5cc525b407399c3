using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using OrderToCash.Core.Collections;
using OrderToCash.Core.Invoicing;
using OrderToCash.Engine.Handlers;

namespace OrderToCash.Core.Cycle;

public static class CycleServiceCollectionExtensions
{
    /// <summary>Invoicing (the invoice.issue handler, credit notes, write-offs) and collection (payments, matching, late charges).</summary>
    public static IServiceCollection AddOrderToCashCycle(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<CompanyOptions>(configuration.GetSection(CompanyOptions.SectionName));
        services.AddSingleton<LatePaymentTerms>();
        services.AddSingleton<InvoiceIssuer>();
        services.AddWorkflowHandler<InvoiceIssueHandler>();
        services.AddSingleton<SettlementMessages>();
        services.AddSingleton<InvoiceAdjustments>();
        services.AddSingleton<LateSettlement>();
        services.AddSingleton<CashApplication>();
        services.AddSingleton<EcbRateEntry>();
        services.AddWorkflowHandler<EcbRateEntryHandler>();
        services.AddHostedService<PendingInterestRepair>();
        services.AddSingleton<Documents.InvoiceDocumentSource>();
        services.AddSingleton<Documents.InvoiceDocuments>();
        return services;
    }
}
