using OrderToCash.Host.Features.Invoices;
using OrderToCash.Host.Features.Orders;
using OrderToCash.Host.Features.Payments;

namespace OrderToCash.Host.Features.Cycle;

/// <summary>The sell-invoice-collect endpoints of the cycle: delivery, invoices, payments.</summary>
internal static class CycleEndpoints
{
    public static IEndpointRouteBuilder MapCycle(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapDelivery();
        endpoints.MapInvoices();
        endpoints.MapPayments();
        endpoints.MapBankStatements();
        return endpoints;
    }
}
