using Microsoft.EntityFrameworkCore;
using OrderToCash.Core.Credit;
using OrderToCash.Core.Infrastructure.Persistence;
using OrderToCash.Core.Invoicing;
using OrderToCash.Engine.Handlers;

namespace OrderToCash.Core.Orders;

/// <param name="OrderNumber">The delivered order to invoice.</param>
public sealed record InvoiceIssueInput(string OrderNumber);

/// <param name="InvoiceNumber">The invoice issued (FA-yyyy-nnnnnn), the key of the dunning that follows.</param>
public sealed record InvoiceIssueOutput(string InvoiceNumber);

/// <summary>
/// The cycle's invoicing step: invoices the delivered order in the step's transaction, so the invoice, its number, the
/// order's status and the exposure's move from delivered-not-invoiced to open receivables commit with the step. A
/// step that runs again finds the invoice it issued. A refusal (terms the rules forbid) becomes an incident.
/// </summary>
[WorkflowHandler("invoice.issue", "Issues the invoice of a delivered order (number, due date from the terms, French mentions).")]
public sealed class InvoiceIssueHandler(InvoiceIssuer issuer) : WorkflowHandler<InvoiceIssueInput, InvoiceIssueOutput>
{
    protected override async ValueTask<InvoiceIssueOutput> HandleAsync(InvoiceIssueInput input, HandlerContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(context);
        var db = (OrderToCashDbContext)context.Services.GetService(typeof(OrderToCashDbContext))!;
        var order = await db.Set<Order>().FirstOrDefaultAsync(o => o.Number == input.OrderNumber, cancellationToken).ConfigureAwait(false)
            ?? throw new InvoiceRefusedException($"Order '{input.OrderNumber}' was not found: nothing to invoice.");
        if (await InvoiceIssuer.IssuedForAsync(db, order.Id, cancellationToken).ConfigureAwait(false) is { } issued)
        {
            return new InvoiceIssueOutput(issued.Number);
        }

        if (order is not { Status: OrderStatus.Delivered, DeliveredOn: { } deliveredOn })
        {
            throw new InvoiceRefusedException($"Order {order.Number} is {order.Status}: only a delivered order is invoiced.");
        }

        var mainFamily = order.Lines.OrderByDescending(l => l.NetAmount).ThenBy(l => l.LineNumber).Select(l => l.ProductFamily).FirstOrDefault() ?? "General";
        var delivered = new DeliveredOrder(order.Id, order.Number, order.CustomerId, order.Currency, deliveredOn, order.NetTotal, order.VatTotal, order.GrossTotal, mainFamily);
        // The dunning runs as a call activity of this same instance: its id is the cycle's.
        var invoice = await issuer.IssueAsync(db, delivered, context.InstanceId, cancellationToken).ConfigureAwait(false);
        var exposure = await db.Set<CreditExposure>().SingleAsync(e => e.CustomerId == order.CustomerId, cancellationToken).ConfigureAwait(false);
        order.MarkInvoiced(exposure);
        return new InvoiceIssueOutput(invoice.Number);
    }
}
