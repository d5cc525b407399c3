using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
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
/// to delivered-not-invoiced in the same transaction; the OrderDelivered message goes to the cycle after the commit.
/// </summary>
public sealed partial class OrderDelivery(Func<OrderToCashDbContext> createContext, CreditCheck creditCheck, DurableWorkflowRuntime workflows, TimeProvider clock, ILogger<OrderDelivery> logger)
{
    public async Task<DeliveryResult> DeliverAsync(string orderNumber, DateOnly? deliveredOn, CancellationToken cancellationToken)
    {
        var result = await RecordAsync(orderNumber, deliveredOn, cancellationToken).ConfigureAwait(false);
        if (result is { IsBlocked: false, Order: { } order })
        {
            await TellCyclesAsync([DeliveredMessage(order)], cancellationToken).ConfigureAwait(false);
        }

        return result;
    }

    /// <summary>
    /// Delivers a batch (a day's shipments): each delivery commits on its own, then the cycles hear of all of them in ONE
    /// workflow transaction. A crash in between only delays the invoices: the start-up repair tells the cycles again.
    /// </summary>
    public async Task<IReadOnlyList<DeliveryResult>> DeliverManyAsync(IReadOnlyList<(string OrderNumber, DateOnly DeliveredOn)> deliveries, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(deliveries);
        var results = new List<DeliveryResult>(deliveries.Count);
        foreach (var (number, on) in deliveries)
        {
            results.Add(await RecordAsync(number, on, cancellationToken).ConfigureAwait(false));
        }

        var messages = results.Where(r => !r.IsBlocked && r.Order is not null).Select(r => DeliveredMessage(r.Order!)).ToList();
        if (messages.Count > 0)
        {
            await TellCyclesAsync(messages, cancellationToken).ConfigureAwait(false);
        }

        return results;
    }

    /// <summary>The delivery committed: a failure to tell the cycle is logged, not reported as a failed delivery.</summary>
    private async Task TellCyclesAsync(IReadOnlyList<IncomingMessage> messages, CancellationToken cancellationToken)
    {
        try
        {
            await workflows.CorrelateManyAsync(messages, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            LogNotTold(logger, ex, string.Join(", ", messages.Select(m => m.CorrelationKey)));
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Orders {Numbers} were delivered but their cycle was not told; resend OrderDelivered (POST /api/messages) to issue the invoices")]
    private static partial void LogNotTold(ILogger logger, Exception exception, string numbers);

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
