using Microsoft.EntityFrameworkCore;
using OrderToCash.Core.Customers;
using OrderToCash.Core.Infrastructure.Persistence;
using OrderToCash.Engine.Handlers;

namespace OrderToCash.Core.Orders;

/// <param name="OrderNumber">The delivered order about to be invoiced.</param>
public sealed record TermsSituationInput(string OrderNumber);

/// <summary>The customer's terms as the payment-terms rules read them (their <c>terms</c> input's fields).</summary>
/// <param name="TermDays">The days granted.</param>
/// <param name="TermBasis">What they count from: Delivery, InvoiceDate or EndOfMonth.</param>
/// <param name="AgreedInContract">The contract states the terms.</param>
/// <param name="PeriodicInvoice">The customer is invoiced periodically (summary invoices).</param>
public sealed record TermsSituationOutput(int TermDays, string TermBasis, bool AgreedInContract, bool PeriodicInvoice);

/// <summary>
/// Reads the order's customer's payment terms from the customer master, in the step's transaction, for the
/// <c>payment-terms</c> business-rule task that checks them before the invoice is issued (ADR 0065). Read again after
/// sales administration corrected the customer's terms.
/// </summary>
[WorkflowHandler("invoice.terms-situation", "Reads the customer's payment terms (days, basis, contract, periodic invoicing) the payment-terms rules check before invoicing.")]
public sealed class TermsSituationHandler : WorkflowHandler<TermsSituationInput, TermsSituationOutput>
{
    protected override async ValueTask<TermsSituationOutput> HandleAsync(TermsSituationInput input, HandlerContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(context);
        var db = (OrderToCashDbContext)context.Services.GetService(typeof(OrderToCashDbContext))!;
        var order = await db.Set<Order>().AsNoTracking().SingleAsync(o => o.Number == input.OrderNumber, cancellationToken).ConfigureAwait(false);
        var customer = await db.Set<Customer>().AsNoTracking().SingleAsync(c => c.Id == order.CustomerId, cancellationToken).ConfigureAwait(false);
        var terms = PaymentTermsInput.For(customer);
        return new TermsSituationOutput(terms.TermDays, terms.TermBasis, terms.AgreedInContract, terms.PeriodicInvoice);
    }
}
