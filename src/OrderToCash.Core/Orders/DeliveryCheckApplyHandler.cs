using Microsoft.EntityFrameworkCore;
using OrderToCash.Core.Credit;
using OrderToCash.Core.Infrastructure.Persistence;
using OrderToCash.Engine.Handlers;
using OrderToCash.Engine.Rules.Decisions;

namespace OrderToCash.Core.Orders;

/// <param name="OrderNumber">The accepted order whose goods are to leave.</param>
/// <param name="DecisionId">The delivery check's <c>decisionId</c> (a credit-limit business-rule task).</param>
public sealed record DeliveryCheckApplyInput(string OrderNumber, long DecisionId);

/// <param name="Blocked">A blocking rule failed that no credit manager released: the goods wait for a release.</param>
/// <param name="ReleaseNeedsSecondApprover">Releasing the delivery needs two different credit managers (four-eyes).</param>
public sealed record DeliveryCheckApplyOutput(bool Blocked, bool ReleaseNeedsSecondApprover);

/// <summary>
/// Applies the credit check at delivery (ADR 0041, 0064) to the accepted order in the step's transaction: passed, or blocked
/// (status DeliveryBlocked, with the failing rules' reasons) for a credit manager's release. The reasons a credit manager
/// overruled when releasing the order at entry do not block it again: only a new reason (new overdue items, a lower
/// limit, a worse risk class) does.
/// </summary>
[WorkflowHandler("order.apply-delivery-check", "Passes an accepted order's delivery or blocks it for a credit manager's release, from the credit-limit decision at delivery.")]
public sealed class DeliveryCheckApplyHandler(CreditCheck creditCheck) : WorkflowHandler<DeliveryCheckApplyInput, DeliveryCheckApplyOutput>
{
    protected override async ValueTask<DeliveryCheckApplyOutput> HandleAsync(DeliveryCheckApplyInput input, HandlerContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(context);
        var db = (OrderToCashDbContext)context.Services.GetService(typeof(OrderToCashDbContext))!;
        var record = await db.Set<DecisionRecord>().AsNoTracking().SingleOrDefaultAsync(d => d.Id == input.DecisionId, cancellationToken).ConfigureAwait(false)
            ?? throw new CreditDecisionException($"Decision {input.DecisionId} was not found: map the decisionId of the delivery check (a business-rule task of the credit-limit rule set) into this task.");
        var decision = await creditCheck.ReadAsync(record, cancellationToken).ConfigureAwait(false);
        var order = await db.Set<Order>().SingleAsync(o => o.Number == input.OrderNumber, cancellationToken).ConfigureAwait(false);
        var reasons = NotReleased(order, decision.Reasons);
        if (reasons.Count == 0)
        {
            return new DeliveryCheckApplyOutput(false, false);
        }

        order.BlockDelivery(reasons, decision.ReleaseNeedsSecondApprover);
        return new DeliveryCheckApplyOutput(true, decision.ReleaseNeedsSecondApprover);
    }

    /// <summary>
    /// The failing rules a credit manager has not already overruled: releasing a blocked order accepted the reasons it
    /// was blocked for.
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
}
