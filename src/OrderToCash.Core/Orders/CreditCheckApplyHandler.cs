using Microsoft.EntityFrameworkCore;
using OrderToCash.Core.Credit;
using OrderToCash.Core.Infrastructure.Persistence;
using OrderToCash.Engine.Handlers;
using OrderToCash.Engine.Rules.Decisions;

namespace OrderToCash.Core.Orders;

/// <param name="OrderNumber">The order the credit check decided about.</param>
/// <param name="DecisionId">The credit-limit business-rule task's <c>decisionId</c>: its record in the decision log.</param>
public sealed record CreditCheckApplyInput(string OrderNumber, long DecisionId);

/// <param name="Blocked">A blocking rule failed: the order waits for a credit manager's release.</param>
/// <param name="ReleaseNeedsSecondApprover">Releasing it needs two different credit managers (four-eyes).</param>
public sealed record CreditCheckApplyOutput(bool Blocked, bool ReleaseNeedsSecondApprover);

/// <summary>
/// Applies the credit check's recorded decision to the entered order in the step's transaction: accepted (its total
/// enters the exposure) or credit-blocked with the failing rules' reasons; the order keeps the decision's id (ADR 0063).
/// </summary>
[WorkflowHandler("order.apply-credit-check", "Accepts the order (its total enters the exposure) or blocks it with the reasons of the credit-limit decision.")]
public sealed class CreditCheckApplyHandler(CreditCheck creditCheck) : WorkflowHandler<CreditCheckApplyInput, CreditCheckApplyOutput>
{
    protected override async ValueTask<CreditCheckApplyOutput> HandleAsync(CreditCheckApplyInput input, HandlerContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(context);
        var db = (OrderToCashDbContext)context.Services.GetService(typeof(OrderToCashDbContext))!;
        var record = await db.Set<DecisionRecord>().AsNoTracking().SingleOrDefaultAsync(d => d.Id == input.DecisionId, cancellationToken).ConfigureAwait(false)
            ?? throw new CreditDecisionException($"Decision {input.DecisionId} was not found: map the decisionId of the credit check (a business-rule task of the credit-limit rule set) into this task.");
        var decision = await creditCheck.ReadAsync(record, cancellationToken).ConfigureAwait(false);
        var order = await db.Set<Order>().SingleAsync(o => o.Number == input.OrderNumber, cancellationToken).ConfigureAwait(false);
        var exposure = await db.Set<CreditExposure>().FirstOrDefaultAsync(e => e.CustomerId == order.CustomerId, cancellationToken).ConfigureAwait(false)
            ?? db.Add(new CreditExposure { CustomerId = order.CustomerId, Currency = order.Currency }).Entity;
        order.ApplyCreditCheck(decision.Blocked, decision.Reasons, decision.ReleaseNeedsSecondApprover, exposure);
        order.CreditDecisionId = record.Id;
        return new CreditCheckApplyOutput(decision.Blocked, decision.ReleaseNeedsSecondApprover);
    }
}
