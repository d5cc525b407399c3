using Microsoft.EntityFrameworkCore;
using OrderToCash.Core.Credit;
using OrderToCash.Core.Customers;
using OrderToCash.Core.Infrastructure.Persistence;
using OrderToCash.Core.Invoicing;
using OrderToCash.Core.Processes;
using OrderToCash.Engine.Durable;

namespace OrderToCash.Core.Orders;

/// <summary>
/// Records that an accepted order's goods left, after a second credit check on the exposure and payment behaviour of
/// that day (ADR 0041); the reasons a credit manager overruled when releasing the order do not block it again. A failing check records its decision and changes nothing else: the order stays accepted and
/// can be delivered once the customer has paid or the limit changed. A passing check moves the amount from open orders
/// to delivered-not-invoiced and tells the cycle (OrderDelivered) in the same transaction (ADR 0063).
/// </summary>
public sealed class OrderDelivery(Func<OrderToCashDbContext> createContext, CreditCheck creditCheck, DurableWorkflowRuntime workflows, TimeProvider clock)
{
    public Task<DeliveryResult> DeliverAsync(string orderNumber, DateOnly? deliveredOn, CancellationToken cancellationToken) =>
        RecordAsync(orderNumber, deliveredOn, cancellationToken);

    /// <summary>Delivers a batch (a day's shipments), each delivery in its own transaction with its cycle's step.</summary>
    public async Task<IReadOnlyList<DeliveryResult>> DeliverManyAsync(IReadOnlyList<(string OrderNumber, DateOnly DeliveredOn)> deliveries, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(deliveries);
        var results = new List<DeliveryResult>(deliveries.Count);
        foreach (var (number, on) in deliveries)
        {
            results.Add(await RecordAsync(number, on, cancellationToken).ConfigureAwait(false));
        }

        return results;
    }

    private static IncomingMessage DeliveredMessage(Order order) =>
        new(CycleMessages.OrderDelivered, order.Number, OrderToCashCycle.DeliveredMessageId(order.Number));

    /// <summary>
    /// A concurrent write on the order or the customer's exposure (another delivery, an order, a payment) makes this one
    /// run again on fresh data: it then delivers, or answers why it no longer can (already delivered).
    /// </summary>
    private Task<DeliveryResult> RecordAsync(string orderNumber, DateOnly? deliveredOn, CancellationToken cancellationToken) =>
        LostRace.RetryAsync(_ => TryRecordAsync(orderNumber, deliveredOn, cancellationToken), cancellationToken);

    private async Task<DeliveryResult> TryRecordAsync(string orderNumber, DateOnly? deliveredOn, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        await using var db = createContext();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        var order = await db.Set<Order>().FirstOrDefaultAsync(o => o.Number == orderNumber, cancellationToken).ConfigureAwait(false)
            ?? throw new KeyNotFoundException($"Order '{orderNumber}' was not found.");
        if (Problem(order, deliveredOn, today) is { } problem)
        {
            return DeliveryResult.Invalid(problem);
        }

        var customer = await db.Set<Customer>().AsNoTracking().SingleAsync(c => c.Id == order.CustomerId, cancellationToken).ConfigureAwait(false);
        var exposure = await db.Set<CreditExposure>().SingleAsync(e => e.CustomerId == order.CustomerId, cancellationToken).ConfigureAwait(false);
        var history = await PaymentHistoryQuery.ReadAsync(db, customer.Id, today, cancellationToken).ConfigureAwait(false);
        // The order is already in the exposure (open orders): the rules add it again, so it is taken out of the base.
        var input = CreditCheck.InputFor(customer, exposure.Total.Amount - order.GrossTotal, order.GrossTotal, history, today);
        var decision = await creditCheck.DecideAsync(order.Number, input, now, cancellationToken).ConfigureAwait(false);
        db.Add(decision.Record);
        var reasons = NotReleased(order, decision.Reasons);
        if (reasons.Count == 0)
        {
            order.Deliver(deliveredOn!.Value, exposure);
        }

        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        if (reasons.Count == 0)
        {
            // The cycle hears of the delivery in the delivery's own transaction (its next step, the invoice, runs now):
            // a delivery is never recorded without its cycle moving on, nor the cycle moved without the delivery.
            await workflows.CorrelateInAsync(db, [DeliveredMessage(order)], cancellationToken).ConfigureAwait(false);
            await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        }

        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return reasons.Count > 0 ? DeliveryResult.Blocked(order, reasons) : DeliveryResult.Delivered(order);
    }

    /// <summary>
    /// The failing rules a credit manager has not already overruled: releasing a blocked order accepted the reasons it
    /// was blocked for, so only a new reason (new overdue items, a lower limit, a worse risk class) stops the delivery.
    /// </summary>
    private static List<CreditBlockReason> NotReleased(Order order, IReadOnlyList<CreditBlockReason> reasons)
    {
        if (order.DecidedBy is null)
        {
            return [.. reasons];
        }

        var released = order.CreditBlockReasons.Split('\n').Select(r => r.Split(':', 2)[0]).ToHashSet(StringComparer.Ordinal);
        return [.. reasons.Where(r => !released.Contains(r.RuleName))];
    }

    private static Dictionary<string, string[]>? Problem(Order order, DateOnly? deliveredOn, DateOnly today)
    {
        if (order.Status != OrderStatus.Accepted)
        {
            return new() { ["status"] = [$"Order {order.Number} is {order.Status}: only an accepted order can be delivered."] };
        }

        if (deliveredOn is not { } on)
        {
            return new() { ["deliveredOn"] = ["The delivery date is required (yyyy-MM-dd)."] };
        }

        if (on > today)
        {
            return new() { ["deliveredOn"] = [$"The delivery date {on:yyyy-MM-dd} is in the future (today is {today:yyyy-MM-dd}): record a delivery once the goods have left."] };
        }

        var entered = DateOnly.FromDateTime(order.CreatedAt.UtcDateTime);
        return on < entered
            ? new() { ["deliveredOn"] = [$"The delivery date {on:yyyy-MM-dd} is before the order was entered ({entered:yyyy-MM-dd})."] }
            : null;
    }
}

/// <summary>Delivered, or blocked by the second credit check (reasons; decision recorded), or refused input (nothing written).</summary>
public sealed record DeliveryResult(Order? Order, IReadOnlyList<CreditBlockReason> BlockReasons, IReadOnlyDictionary<string, string[]>? Problems)
{
    public bool IsBlocked => BlockReasons.Count > 0;

    public static DeliveryResult Delivered(Order order) => new(order, [], null);

    public static DeliveryResult Blocked(Order order, IReadOnlyList<CreditBlockReason> reasons) => new(order, reasons, null);

    public static DeliveryResult Invalid(Dictionary<string, string[]> problems) => new(null, [], problems);
}
