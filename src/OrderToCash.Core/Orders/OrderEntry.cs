using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using OrderToCash.Core.Credit;
using OrderToCash.Core.Customers;
using OrderToCash.Core.Invoicing;
using OrderToCash.Core.Persistence;
using OrderToCash.Engine.Durable;

namespace OrderToCash.Core.Orders;

/// <summary>
/// Enters an order: validate, number it, check credit, and in one transaction save the order, its credit decision and
/// (when accepted) the exposure; a blocked order then gets its credit-release workflow instance (ADR 0040).
/// </summary>
public sealed partial class OrderEntry(
    Func<OrderToCashDbContext> createContext,
    OrderCreditCheck creditCheck,
    DurableWorkflowRuntime workflows,
    TimeProvider clock,
    ILogger<OrderEntry> logger)
{
    public const string NumberPrefix = "SO";

    // Every concurrent entry takes the same series row, so under a burst each attempt may lose to another one.
    private const int MaxAttempts = 20;

    public async Task<OrderEntryResult> EnterAsync(NewOrder request, string createdBy, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var problems = OrderValidation.Validate(request);
        if (problems.Count > 0)
        {
            return OrderEntryResult.Invalid(problems);
        }

        for (var attempt = 1; ; attempt++)
        {
            try
            {
                var result = await TryEnterAsync(request, createdBy, cancellationToken).ConfigureAwait(false);
                if (result.Order is { Status: OrderStatus.CreditBlocked } blocked)
                {
                    await StartReleaseAsync(blocked, cancellationToken).ConfigureAwait(false);
                }

                return result;
            }
            catch (DbUpdateException) when (attempt < MaxAttempts)
            {
                // Another order took the series' next number (or created the series) or moved this customer's exposure: check
                // again on fresh data, after a short random pause so that the losers of one race do not collide again.
                await Task.Delay(TimeSpan.FromMilliseconds(Random.Shared.Next(5, 20 * Math.Min(attempt, 5))), clock, cancellationToken).ConfigureAwait(false);
            }
        }
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
        var input = OrderCreditCheck.InputFor(customer, exposure, order, DateOnly.FromDateTime(now.UtcDateTime));
        var decision = await creditCheck.DecideAsync(number, input, now, cancellationToken).ConfigureAwait(false);
        if (decision.Blocked && workflows.Definitions.Latest(CreditRelease.ProcessId) is null)
        {
            // Refuse rather than leave a blocked order that no one is asked to decide on; nothing is saved.
            return OrderEntryResult.Unavailable($"This order would be credit-blocked, but the '{CreditRelease.ProcessId}' workflow that asks a credit manager to release it is not published: a process owner must publish workflows/credit-release.bpmn first.");
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

    /// <summary>
    /// Starts the release workflow of a committed blocked order and links it. If this fails (crash, database down), the
    /// order stays blocked without an instance; <see cref="StartMissingReleasesAsync"/> repairs it, once per order.
    /// </summary>
    private async Task StartReleaseAsync(Order order, CancellationToken cancellationToken)
    {
        try
        {
            var instance = await workflows.StartAsync(CreditRelease.ProcessId, CreditRelease.Variables(order), order.Number, cancellationToken).ConfigureAwait(false);
            await using var db = createContext();
            await db.Set<Order>().Where(o => o.Id == order.Id && o.ReleaseInstanceId == null)
                .ExecuteUpdateAsync(s => s.SetProperty(o => o.ReleaseInstanceId, instance.Id), cancellationToken).ConfigureAwait(false);
            order.ReleaseInstanceId = instance.Id;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            LogReleaseNotStarted(logger, ex, order.Number);
        }
    }

    /// <summary>Starts the release workflow of blocked orders that have none (after a crash between commit and start).</summary>
    public async Task<int> StartMissingReleasesAsync(CancellationToken cancellationToken)
    {
        await using var db = createContext();
        var orphans = await db.Set<Order>().AsNoTracking()
            .Where(o => o.Status == OrderStatus.CreditBlocked && o.ReleaseInstanceId == null)
            .Where(o => !db.Set<Engine.Durable.Storage.InstanceRecord>().Any(i => i.ProcessId == CreditRelease.ProcessId && i.BusinessKey == o.Number))
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        foreach (var order in orphans)
        {
            await StartReleaseAsync(order, cancellationToken).ConfigureAwait(false);
        }

        return orphans.Count;
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Order {Number} is credit-blocked but its release workflow could not be started; it will be started at the next host start")]
    private static partial void LogReleaseNotStarted(ILogger logger, Exception exception, string number);
}

/// <summary>Either the entered order, or the problems by field (nothing written), or why entry is unavailable.</summary>
public sealed record OrderEntryResult(Order? Order, IReadOnlyDictionary<string, string[]>? Problems, string? UnavailableReason)
{
    public static OrderEntryResult Entered(Order order) => new(order, null, null);

    public static OrderEntryResult Invalid(Dictionary<string, string[]> problems) => new(null, problems, null);

    public static OrderEntryResult Unavailable(string reason) => new(null, null, reason);
}
