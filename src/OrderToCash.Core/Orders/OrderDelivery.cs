using Microsoft.EntityFrameworkCore;
using OrderToCash.Core.Infrastructure.Persistence;
using OrderToCash.Core.Processes;
using OrderToCash.Engine.Durable;

namespace OrderToCash.Core.Orders;

/// <summary>
/// Tells an accepted order's cycle that its goods are to leave (OrderDelivered with the delivery date), in the request's
/// transaction. The cycle runs the credit check at delivery as its own business-rule task (ADR 0064): passed, the order
/// is delivered and invoiced in this same transaction; blocked, it waits for a credit manager's release in credit-release
/// (status DeliveryBlocked, the failing rules on the order and in the decision log). A cycle that does not take the
/// delivery (a version from before the delivery check, an incident) rolls everything back.
/// </summary>
public sealed class OrderDelivery(Func<OrderToCashDbContext> createContext, DurableWorkflowRuntime workflows, TimeProvider clock)
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

    private static IncomingMessage DeliveredMessage(Order order, DateOnly deliveredOn) =>
        new(CycleMessages.OrderDelivered, order.Number, OrderToCashCycle.DeliveredMessageId(order.Number),
            new Dictionary<string, object?>(StringComparer.Ordinal) { [OrderToCashCycle.DeliveredOnVariable] = deliveredOn });

    /// <summary>
    /// A concurrent write on the order or the customer's exposure (another delivery, an order, a payment) makes this one
    /// run again on fresh data: it then delivers, or answers why it no longer can (already delivered).
    /// </summary>
    private Task<DeliveryResult> RecordAsync(string orderNumber, DateOnly? deliveredOn, CancellationToken cancellationToken) =>
        LostRace.RetryAsync(_ => TryRecordAsync(orderNumber, deliveredOn, cancellationToken), cancellationToken);

    private async Task<DeliveryResult> TryRecordAsync(string orderNumber, DateOnly? deliveredOn, CancellationToken cancellationToken)
    {
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        await using var db = createContext();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        var order = await db.Set<Order>().AsNoTracking().FirstOrDefaultAsync(o => o.Number == orderNumber, cancellationToken).ConfigureAwait(false)
            ?? throw new KeyNotFoundException($"Order '{orderNumber}' was not found.");
        if (Problem(order, deliveredOn, today) is { } problem)
        {
            return DeliveryResult.Invalid(problem);
        }

        // The cycle's delivery step runs here, on this transaction: credit situation, check, then delivery and invoice,
        // or the credit manager's task. A delivery is never recorded without its cycle moving on, nor the reverse.
        var correlated = await workflows.CorrelateInAsync(db, [DeliveredMessage(order, deliveredOn!.Value)], cancellationToken).ConfigureAwait(false);
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        var after = await db.Set<Order>().AsNoTracking().SingleAsync(o => o.Id == order.Id, cancellationToken).ConfigureAwait(false);
        if (after.Status == OrderStatus.Accepted)
        {
            await transaction.RollbackAsync(cancellationToken).ConfigureAwait(false);
            var instance = await WorkflowQueries.Instances(db).Where(i => i.Id == order.CycleInstanceId).Select(i => new { i.Version, i.Status, i.IncidentMessage })
                .FirstOrDefaultAsync(cancellationToken).ConfigureAwait(false);
            return DeliveryResult.Unavailable(correlated[0].Outcome != CorrelationOutcome.Delivered || instance is null
                ? $"Order {order.Number}'s '{OrderToCashCycle.ProcessId}' workflow is not waiting for its delivery. Nothing was saved."
                : $"Order {order.Number}'s '{OrderToCashCycle.ProcessId}' workflow (version {instance.Version}) did not record the delivery{(instance.IncidentMessage is { } m ? $" ({m})" : string.Empty)}: a version without the credit check at delivery must first be migrated to the latest. Nothing was saved.");
        }

        var task = after.Status == OrderStatus.DeliveryBlocked
            ? await WorkflowQueries.UserTasks(db).Where(t => t.BusinessKey == order.Number && (t.Status == UserTaskStatus.Open || t.Status == UserTaskStatus.Claimed))
                .OrderByDescending(t => t.CreatedAt).Select(t => new WaitingTask(t.Id, t.ProcessId, t.ElementId, t.Name, t.CandidateRole)).FirstOrDefaultAsync(cancellationToken).ConfigureAwait(false)
            : null;
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return after.Status == OrderStatus.DeliveryBlocked ? DeliveryResult.Blocked(after, task) : DeliveryResult.Delivered(after);
    }

    private static Dictionary<string, string[]>? Problem(Order order, DateOnly? deliveredOn, DateOnly today)
    {
        if (order.Status == OrderStatus.DeliveryBlocked)
        {
            return new() { ["status"] = [$"Order {order.Number} is DeliveryBlocked: its delivery already waits for a credit manager's release (GET /api/tasks)."] };
        }

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

/// <summary>
/// Delivered (the order, invoiced unless its invoice step stopped), or blocked by the credit check at delivery (the order
/// with its reasons and the credit manager's waiting task), or refused input (nothing written), or the cycle unable to
/// take the delivery (nothing written).
/// </summary>
public sealed record DeliveryResult(Order? Order, WaitingTask? ReleaseTask, IReadOnlyDictionary<string, string[]>? Problems, string? UnavailableReason = null)
{
    public bool IsBlocked => Order is { Status: OrderStatus.DeliveryBlocked };

    public IReadOnlyList<string> BlockReasons => IsBlocked && Order!.CreditBlockReasons.Length > 0 ? Order.CreditBlockReasons.Split('\n') : [];

    public static DeliveryResult Delivered(Order order) => new(order, null, null);

    public static DeliveryResult Blocked(Order order, WaitingTask? task) => new(order, task, null);

    public static DeliveryResult Invalid(Dictionary<string, string[]> problems) => new(null, null, problems);

    public static DeliveryResult Unavailable(string reason) => new(null, null, null, reason);
}

/// <summary>The user task a blocked delivery waits in (credit-release's review, for a credit manager).</summary>
public sealed record WaitingTask(string Id, string ProcessId, string ElementId, string? Name, string? CandidateRole);
