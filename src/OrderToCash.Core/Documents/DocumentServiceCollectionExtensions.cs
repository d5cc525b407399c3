using Microsoft.Extensions.DependencyInjection;

namespace OrderToCash.Core.Documents;

public static class DocumentServiceCollectionExtensions
{
    /// <summary>The invoice and credit-note documents: PDF/A-3 with their Factur-X XML, built on demand.</summary>
    public static IServiceCollection AddOrderToCashDocuments(this IServiceCollection services) =>
        services.AddSingleton<InvoiceDocumentSource>().AddSingleton<InvoiceDocuments>();
}
