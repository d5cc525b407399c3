using Microsoft.EntityFrameworkCore;
using OrderToCash.Core.Infrastructure.Persistence;
using OrderToCash.Engine.Handlers;

namespace OrderToCash.Core.Disputes;

/// <param name="DisputeNumber">The dispute whose SLA elapsed.</param>
public sealed record DisputeEscalateInput(string DisputeNumber);

/// <param name="Escalated">False when the dispute was resolved meanwhile (nothing to escalate).</param>
public sealed record DisputeEscalateOutput(bool Escalated);

/// <summary>The SLA elapsed before resolution: the dispute is marked escalated (EscalatedAt) and the credit manager follows it.</summary>
[WorkflowHandler("dispute.escalate", "Marks a dispute whose resolution SLA elapsed as escalated to the credit manager.")]
public sealed class DisputeEscalateHandler(TimeProvider clock) : WorkflowHandler<DisputeEscalateInput, DisputeEscalateOutput>
{
    protected override async ValueTask<DisputeEscalateOutput> HandleAsync(DisputeEscalateInput input, HandlerContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(context);
        var db = (OrderToCashDbContext)context.Services.GetService(typeof(OrderToCashDbContext))!;
        var dispute = await db.Set<Dispute>().SingleAsync(d => d.Number == input.DisputeNumber, cancellationToken).ConfigureAwait(false);
        if (dispute.Status != DisputeStatus.Open)
        {
            return new DisputeEscalateOutput(false);
        }

        dispute.EscalatedAt ??= clock.GetUtcNow();
        dispute.CreditManagerAttention = true;
        return new DisputeEscalateOutput(true);
    }
}
