using Microsoft.EntityFrameworkCore;
using OrderToCash.Core.Credit;
using OrderToCash.Core.Customers;
using OrderToCash.Core.Infrastructure.Persistence;
using OrderToCash.Core.Invoicing;
using OrderToCash.Engine.Handlers;

namespace OrderToCash.Core.Orders;

/// <param name="OrderNumber">The order to check.</param>
public sealed record CreditSituationInput(string OrderNumber);

/// <summary>What the credit-limit rules read about the order's customer (their <c>check</c> input's fields).</summary>
/// <param name="Exposure">The customer's credit exposure without this order (the rules add it themselves).</param>
/// <param name="InternalLimit">The limit the credit manager granted.</param>
/// <param name="InsurerCover">The credit insurer's cover (0 when none).</param>
/// <param name="OverdueAmount">Total of the customer's overdue items today.</param>
/// <param name="OldestOverdueDays">Days overdue of the oldest open item (0 when none).</param>
/// <param name="RiskClass">A (best) to E (worst).</param>
/// <param name="AccountAgeDays">Days since the account was opened.</param>
/// <param name="PaidInvoiceCount">Invoices settled by payment so far.</param>
public sealed record CreditSituationOutput(
    decimal Exposure, decimal InternalLimit, decimal InsurerCover, decimal OverdueAmount, int OldestOverdueDays, string RiskClass, int AccountAgeDays, int PaidInvoiceCount);

/// <summary>
/// Reads the customer's credit situation for the order's credit check, in the step's transaction (the ledger work
/// before the <c>credit-limit</c> business-rule task decides, ADR 0063): the exposure without the order, the limit and
/// cover, and the payment history from invoicing.
/// </summary>
[WorkflowHandler("order.credit-situation", "Reads the exposure, limit, insurer cover and payment history the credit-limit rules check an order against.")]
public sealed class CreditSituationHandler(TimeProvider clock) : WorkflowHandler<CreditSituationInput, CreditSituationOutput>
{
    protected override async ValueTask<CreditSituationOutput> HandleAsync(CreditSituationInput input, HandlerContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(context);
        var db = (OrderToCashDbContext)context.Services.GetService(typeof(OrderToCashDbContext))!;
        var order = await db.Set<Order>().AsNoTracking().SingleAsync(o => o.Number == input.OrderNumber, cancellationToken).ConfigureAwait(false);
        var customer = await db.Set<Customer>().AsNoTracking().SingleAsync(c => c.Id == order.CustomerId, cancellationToken).ConfigureAwait(false);
        var exposure = (await db.Set<CreditExposure>().AsNoTracking().FirstOrDefaultAsync(e => e.CustomerId == customer.Id, cancellationToken).ConfigureAwait(false))?.Total.Amount ?? 0m;
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var history = await PaymentHistoryQuery.ReadAsync(db, customer.Id, today, cancellationToken).ConfigureAwait(false);
        var withoutOrder = order.CountsInExposure ? exposure - order.GrossTotal : exposure;
        var check = CreditCheck.InputFor(customer, withoutOrder, order.GrossTotal, history, today);
        return new CreditSituationOutput(check.Exposure, check.InternalLimit, check.InsurerCover, check.OverdueAmount, check.OldestOverdueDays, check.RiskClass, check.AccountAgeDays, check.PaidInvoiceCount);
    }
}
