using Microsoft.EntityFrameworkCore;
using OrderToCash.Core.Credit;
using OrderToCash.Core.Infrastructure.Persistence;
using OrderToCash.Engine.Handlers;

namespace OrderToCash.Core.Orders;

/// <param name="OrderNumber">The order whose goods leave.</param>
/// <param name="DeliveredOn">The day sales administration said the goods left (or were to leave).</param>
/// <param name="WasBlocked">The delivery was blocked for a credit manager's release: the goods leave on the day of the release, when later.</param>
public sealed record DeliverInput(string OrderNumber, DateOnly DeliveredOn, bool WasBlocked);

/// <param name="DeliveredOn">The delivery date recorded on the order (the due date of "days from delivery" terms runs from it).</param>
public sealed record DeliverOutput(DateOnly DeliveredOn);

/// <summary>
/// Records the delivery of an order that passed, or was released after, the credit check at delivery (ADR 0064): the
/// amount moves from open orders to delivered-not-invoiced in the step's transaction, before the invoice step.
/// </summary>
[WorkflowHandler("order.deliver", "Records that an order's goods left: the amount moves from open orders to delivered-not-invoiced.")]
public sealed class DeliverHandler(TimeProvider clock) : WorkflowHandler<DeliverInput, DeliverOutput>
{
    protected override async ValueTask<DeliverOutput> HandleAsync(DeliverInput input, HandlerContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(context);
        var db = (OrderToCashDbContext)context.Services.GetService(typeof(OrderToCashDbContext))!;
        var order = await db.Set<Order>().SingleAsync(o => o.Number == input.OrderNumber, cancellationToken).ConfigureAwait(false);
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var on = input.WasBlocked && today > input.DeliveredOn ? today : input.DeliveredOn;
        var exposure = await db.Set<CreditExposure>().SingleAsync(e => e.CustomerId == order.CustomerId, cancellationToken).ConfigureAwait(false);
        order.Deliver(on, exposure);
        return new DeliverOutput(on);
    }
}
