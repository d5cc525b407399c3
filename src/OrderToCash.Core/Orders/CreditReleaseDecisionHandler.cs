using Microsoft.EntityFrameworkCore;
using OrderToCash.Core.Credit;
using OrderToCash.Core.Infrastructure.Persistence;
using OrderToCash.Engine.Handlers;

namespace OrderToCash.Core.Orders;

/// <param name="OrderNumber">The blocked order.</param>
/// <param name="Decision"><c>release</c> or <c>reject</c>, from the credit manager's task.</param>
/// <param name="Comment">The credit manager's reason, kept with the decision.</param>
/// <param name="ReviewTask">The user task whose completion this is (its element id): who claimed it decided.</param>
public sealed record CreditReleaseDecisionInput(string OrderNumber, string Decision, string? Comment, string ReviewTask);

/// <param name="Outcome">released, rejected, awaiting-second-approver, or refused (the task is asked again).</param>
/// <param name="RefusalReason">Why a decision was refused, for the next task's reader.</param>
public sealed record CreditReleaseDecisionOutput(string Outcome, string RefusalReason);

/// <summary>
/// Applies a credit manager's release or rejection to the order in the step's transaction, whether the order was
/// blocked at entry or at delivery (ADR 0064). The decider is whoever
/// claimed the task (only the assignee can complete a claimed task): a task completed without being claimed has no
/// accountable decider and is refused, as is a second approval by the first approver (four-eyes).
/// </summary>
[WorkflowHandler("order.credit-decision", "Releases or rejects a credit-blocked order (four-eyes when the credit rules ask for it).")]
public sealed class CreditReleaseDecisionHandler(TimeProvider clock) : WorkflowHandler<CreditReleaseDecisionInput, CreditReleaseDecisionOutput>
{
    public const string Released = "released";
    public const string Rejected = "rejected";
    public const string AwaitingSecondApprover = "awaiting-second-approver";
    public const string Refused = "refused";

    protected override async ValueTask<CreditReleaseDecisionOutput> HandleAsync(CreditReleaseDecisionInput input, HandlerContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(context);
        var db = (OrderToCashDbContext)context.Services.GetService(typeof(OrderToCashDbContext))!;
        var order = await db.Set<Order>().SingleAsync(o => o.Number == input.OrderNumber, cancellationToken).ConfigureAwait(false);
        var approver = context.CompletedTask is { } task && task.ElementId == input.ReviewTask ? task.ClaimedBy : null;
        if (approver is null)
        {
            return Refuse("The task was completed without being claimed: claim it first, so the decision has a name.");
        }

        var now = clock.GetUtcNow();
        switch (input.Decision)
        {
            case CreditRelease.Reject:
                order.Reject(approver, input.Comment, await ExposureAsync(db, order, cancellationToken).ConfigureAwait(false), now);
                return new CreditReleaseDecisionOutput(Rejected, string.Empty);
            case CreditRelease.Release when order.FirstApprover is not null && string.Equals(order.FirstApprover, approver, StringComparison.OrdinalIgnoreCase):
                return Refuse($"{approver} already gave the first approval: a different credit manager must give the second (four-eyes rule).");
            case CreditRelease.Release:
                var released = order.Release(approver, input.Comment, await ExposureAsync(db, order, cancellationToken).ConfigureAwait(false), now);
                return new CreditReleaseDecisionOutput(released ? Released : AwaitingSecondApprover, string.Empty);
            default:
                return Refuse($"'{input.Decision}' is not a decision: answer '{CreditRelease.Release}' or '{CreditRelease.Reject}'.");
        }
    }

    private static Task<CreditExposure> ExposureAsync(OrderToCashDbContext db, Order order, CancellationToken cancellationToken) =>
        db.Set<CreditExposure>().SingleAsync(e => e.CustomerId == order.CustomerId, cancellationToken);

    private static CreditReleaseDecisionOutput Refuse(string reason) => new(Refused, reason);
}
