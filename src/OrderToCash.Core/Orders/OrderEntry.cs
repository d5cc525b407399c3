using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using OrderToCash.Core.Credit;
using OrderToCash.Core.Customers;
using OrderToCash.Core.Infrastructure.Persistence;
using OrderToCash.Core.Invoicing;
using OrderToCash.Core.Numbering;
using OrderToCash.Core.Processes;
using OrderToCash.Engine.Durable;

namespace OrderToCash.Core.Orders;

/// <summary>
/// Enters an order: validate, number it, check credit, and in one transaction save the order, its credit decision and
/// (when accepted) the exposure; every order then gets its order-to-cash workflow instance, which asks a credit manager
/// to release a blocked one (ADR 0040, ADR 0041).
/// </summary>
public sealed partial class OrderEntry(
    Func<OrderToCashDbContext> createContext,
    CreditCheck creditCheck,
    DurableWorkflowRuntime workflows,
    TimeProvider clock,
    ILogger<OrderEntry> logger)
{
    public const string NumberPrefix = "SO";

    public Task<OrderEntryResult> EnterAsync(NewOrder request, string createdBy, CancellationToken cancellationToken) =>
        EnterAsync(request, createdBy, startCycle: true, cancellationToken);

    private async Task<OrderEntryResult> EnterAsync(NewOrder request, string createdBy, bool startCycle, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var problems = OrderValidation.Validate(request);
        if (problems.Count > 0)
        {
            return OrderEntryResult.Invalid(problems);
        }

        // Every concurrent entry takes the same series row and may move the same exposure: a lost race is entered again
        // on fresh data (the credit check included), never reported as a conflict.
        var result = await LostRace.RetryAsync(_ => TryEnterAsync(request, createdBy, cancellationToken), cancellationToken).ConfigureAwait(false);
        if (startCycle && result.Order is { } order)
        {
            await StartCyclesAsync([order], cancellationToken).ConfigureAwait(false);
        }

        return result;
    }

    /// <summary>
    /// Enters a batch of orders (an EDI import, a simulated day): each order commits on its own as in
    /// <see cref="EnterAsync(NewOrder, string, CancellationToken)"/>, then their cycles start in ONE workflow transaction and are linked in one more, instead of
    /// two commits per order. A crash in between leaves orders without a cycle, which the start-up repair starts.
    /// </summary>
    public async Task<IReadOnlyList<OrderEntryResult>> EnterManyAsync(IReadOnlyList<NewOrder> requests, string createdBy, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(requests);
        var results = new List<OrderEntryResult>(requests.Count);
        foreach (var request in requests)
        {
            results.Add(await EnterAsync(request, createdBy, startCycle: false, cancellationToken).ConfigureAwait(false));
        }

        var entered = results.Select(r => r.Order).OfType<Order>().ToList();
        if (entered.Count > 0)
        {
            await StartCyclesAsync(entered, cancellationToken).ConfigureAwait(false);
        }

        return results;
    }

    private async Task<OrderEntryResult> TryEnterAsync(NewOrder request, string createdBy, CancellationToken cancellationToken)
    {
        await using var db = createContext();
        var customer = await db.Set<Customer>().AsNoTracking().FirstOrDefaultAsync(c => c.Id == request.CustomerId, cancellationToken).ConfigureAwait(false);
        if (customer is null)
        {
            return OrderEntryResult.Invalid(new() { ["customerId"] = [$"Customer '{request.CustomerId}' was not found."] });
        }

        var exposure = await db.Set<CreditExposure>().FirstOrDefaultAsync(e => e.CustomerId == customer.Id, cancellationToken).ConfigureAwait(false)
            ?? db.Add(new CreditExposure { CustomerId = customer.Id, Currency = customer.Currency }).Entity;
        var now = clock.GetUtcNow();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        var number = await InvoiceNumbering.NextAsync(db, NumberPrefix, DateOnly.FromDateTime(now.UtcDateTime), cancellationToken).ConfigureAwait(false);
        var lines = request.Lines!.Select((l, i) => new OrderLine
        {
            LineNumber = i + 1,
            Description = l.Description!.Trim(),
            Quantity = l.Quantity!.Value,
            UnitPrice = l.UnitPrice!.Value,
            VatRate = l.VatRate!.Value,
        });
        var order = Order.Create(number, customer.Id, customer.Currency, lines, createdBy, now);
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        var history = await PaymentHistoryQuery.ReadAsync(db, customer.Id, today, cancellationToken).ConfigureAwait(false);
        var input = CreditCheck.InputFor(customer, exposure.Total.Amount, order.GrossTotal, history, today);
        var decision = await creditCheck.DecideAsync(number, input, now, cancellationToken).ConfigureAwait(false);
        if (decision.Blocked && MissingReleaseWorkflow() is { } missing)
        {
            // Refuse rather than leave a blocked order that no one is asked to decide on; nothing is saved.
            return OrderEntryResult.Unavailable($"This order would be credit-blocked, but the '{missing}' workflow that asks a credit manager to release it is not published: a process owner must publish workflows/{missing}.bpmn first.");
        }

        order.ApplyCreditCheck(decision.Blocked, decision.Reasons, decision.ReleaseNeedsSecondApprover, exposure);
        db.Add(decision.Record);
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        order.CreditDecisionId = decision.Record.Id;
        db.Add(order);
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return OrderEntryResult.Entered(order);
    }

    private string? MissingReleaseWorkflow() =>
        new[] { OrderToCashCycle.ProcessId, CreditRelease.ProcessId }.FirstOrDefault(p => workflows.Definitions.Latest(p) is null);

    /// <summary>
    /// Starts the order-to-cash workflow of committed orders and links them (a blocked order's release runs inside it).
    /// If this fails (crash, database down, cycle not yet published), the orders have no instance;
    /// <see cref="StartMissingCyclesAsync"/> repairs them, once per order.
    /// </summary>
    private async Task StartCyclesAsync(IReadOnlyList<Order> orders, CancellationToken cancellationToken)
    {
        try
        {
            var instances = await workflows.StartManyAsync(OrderToCashCycle.ProcessId,
                [.. orders.Select(o => new StartRequest(OrderToCashCycle.Variables(o), o.Number))], cancellationToken).ConfigureAwait(false);
            await using var db = createContext();
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
            foreach (var (order, instance) in orders.Zip(instances))
            {
                var release = order.Status == OrderStatus.CreditBlocked ? instance.Id : null;
                await db.Set<Order>().Where(o => o.Id == order.Id && o.CycleInstanceId == null)
                    .ExecuteUpdateAsync(s => s.SetProperty(o => o.CycleInstanceId, instance.Id).SetProperty(o => o.ReleaseInstanceId, o => o.ReleaseInstanceId ?? release), cancellationToken).ConfigureAwait(false);
                (order.CycleInstanceId, order.ReleaseInstanceId) = (instance.Id, order.ReleaseInstanceId ?? release);
            }

            await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            LogCycleNotStarted(logger, ex, string.Join(", ", orders.Select(o => o.Number)));
        }
    }

    /// <summary>
    /// Starts the cycle of orders that have none (a crash between commit and start, or entered before the cycle was
    /// published), and tells every cycle of a delivered, not yet invoiced order of its delivery again (a crash between
    /// the delivery's commit and the message): under the delivery's own message id, a message already received is a
    /// duplicate; for a cycle started now, under a new one. Returns the number of cycles started.
    /// </summary>
    public async Task<int> StartMissingCyclesAsync(CancellationToken cancellationToken)
    {
        if (workflows.Definitions.Latest(OrderToCashCycle.ProcessId) is null)
        {
            return 0;
        }

        await using var db = createContext();
        var instances = WorkflowQueries.Instances(db);
        var orphans = await db.Set<Order>().AsNoTracking()
            .Where(o => o.CycleInstanceId == null && (o.Status == OrderStatus.CreditBlocked || o.Status == OrderStatus.Accepted || o.Status == OrderStatus.Delivered))
            .Where(o => !instances.Any(i => i.ProcessId == OrderToCashCycle.ProcessId && i.BusinessKey == o.Number))
            // A blocked order entered before the cycle existed waits in its own credit-release instance (ADR 0040).
            .Where(o => o.Status != OrderStatus.CreditBlocked || !instances.Any(i => i.ProcessId == CreditRelease.ProcessId && i.BusinessKey == o.Number))
            .OrderBy(o => o.Number)
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        if (orphans.Count > 0)
        {
            await StartCyclesAsync(orphans, cancellationToken).ConfigureAwait(false);
        }

        var restarted = orphans.Where(o => o.Status == OrderStatus.Delivered).Select(o => o.Number).ToHashSet(StringComparer.Ordinal);
        var delivered = await db.Set<Order>().AsNoTracking().Where(o => o.Status == OrderStatus.Delivered).Select(o => o.Number)
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        var messages = delivered
            .Select(n => new IncomingMessage(CycleMessages.OrderDelivered, n, OrderToCashCycle.DeliveredMessageId(n) + (restarted.Contains(n) ? ":repair" : string.Empty)))
            .ToList();
        if (messages.Count > 0)
        {
            await workflows.CorrelateManyAsync(messages, cancellationToken).ConfigureAwait(false);
        }

        return orphans.Count;
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Orders {Numbers} were entered but their order-to-cash workflow could not be started; it will be started at the next host start")]
    private static partial void LogCycleNotStarted(ILogger logger, Exception exception, string numbers);
}
/// <summary>Either the entered order, or the problems by field (nothing written), or why entry is unavailable.</summary>
public sealed record OrderEntryResult(Order? Order, IReadOnlyDictionary<string, string[]>? Problems, string? UnavailableReason)
{
    public static OrderEntryResult Entered(Order order) => new(order, null, null);

    public static OrderEntryResult Invalid(Dictionary<string, string[]> problems) => new(null, problems, null);

    public static OrderEntryResult Unavailable(string reason) => new(null, null, reason);
}
