using Microsoft.EntityFrameworkCore;
using OrderToCash.Core.Customers;
using OrderToCash.Core.Infrastructure.Persistence;
using OrderToCash.Core.Numbering;
using OrderToCash.Engine.Durable;
using OrderToCash.Engine.Runtime.State;

namespace OrderToCash.Core.Orders;

/// <summary>
/// Enters an order: validate, number it, insert it and start its order-to-cash workflow in ONE transaction (ADR 0063).
/// The workflow's first step runs inside that transaction: it reads the credit situation, runs the <c>credit-limit</c>
/// business-rule task (its decision recorded in the same transaction) and accepts or blocks the order, so the order, its
/// decision, the exposure and the instance commit together or not at all; a blocked order waits in credit-release.
/// </summary>
public sealed class OrderEntry(Func<OrderToCashDbContext> createContext, DurableWorkflowRuntime workflows, TimeProvider clock)
{
    public const string NumberPrefix = "SO";

    /// <summary>
    /// Enters one order. Every concurrent entry takes the same series row and may move the same exposure: a lost race
    /// is entered again on fresh data (the credit check included), never reported as a conflict.
    /// </summary>
    public async Task<OrderEntryResult> EnterAsync(NewOrder request, string createdBy, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var problems = OrderValidation.Validate(request);
        if (problems.Count > 0)
        {
            return OrderEntryResult.Invalid(problems);
        }

        if (workflows.Definitions.Latest(OrderToCashCycle.ProcessId) is null)
        {
            return OrderEntryResult.Unavailable($"Orders cannot be entered: the '{OrderToCashCycle.ProcessId}' workflow, which checks their credit and carries them to cash, is not published; a process owner must publish workflows/{OrderToCashCycle.ProcessId}.bpmn first.");
        }

        return await LostRace.RetryAsync(_ => TryEnterAsync(request, createdBy, cancellationToken), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Enters a batch of orders (an EDI import, a simulated day), each in its own transaction with its workflow.</summary>
    public async Task<IReadOnlyList<OrderEntryResult>> EnterManyAsync(IReadOnlyList<NewOrder> requests, string createdBy, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(requests);
        var results = new List<OrderEntryResult>(requests.Count);
        foreach (var request in requests)
        {
            results.Add(await EnterAsync(request, createdBy, cancellationToken).ConfigureAwait(false));
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
        db.Add(order);
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);

        // The workflow's first step runs here, on this transaction: its handlers read the order inserted above.
        var instance = await workflows.StartInAsync(db, OrderToCashCycle.ProcessId, OrderToCashCycle.Variables(order), order.Number, cancellationToken).ConfigureAwait(false);
        if (instance.Status == InstanceStatus.Incident)
        {
            // A first step that cannot go on (credit-release or a rule set not published, a handler failing) would leave
            // an order nobody decides on: refused, nothing written (the number goes back to the series).
            await transaction.RollbackAsync(cancellationToken).ConfigureAwait(false);
            return OrderEntryResult.Unavailable($"This order cannot be entered now: its '{OrderToCashCycle.ProcessId}' workflow stopped at its first step ({instance.IncidentMessage}). Nothing was saved.");
        }

        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        await db.Set<Order>().Where(o => o.Id == order.Id).ExecuteUpdateAsync(s => s
            .SetProperty(o => o.CycleInstanceId, instance.Id)
            .SetProperty(o => o.ReleaseInstanceId, o => o.Status == OrderStatus.CreditBlocked ? instance.Id : null), cancellationToken).ConfigureAwait(false);
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        var entered = await db.Set<Order>().AsNoTracking().SingleAsync(o => o.Id == order.Id, cancellationToken).ConfigureAwait(false);
        return OrderEntryResult.Entered(entered);
    }
}

/// <summary>Either the entered order, or the problems by field (nothing written), or why entry is unavailable.</summary>
public sealed record OrderEntryResult(Order? Order, IReadOnlyDictionary<string, string[]>? Problems, string? UnavailableReason)
{
    public static OrderEntryResult Entered(Order order) => new(order, null, null);

    public static OrderEntryResult Invalid(Dictionary<string, string[]> problems) => new(null, problems, null);

    public static OrderEntryResult Unavailable(string reason) => new(null, null, reason);
}
