using Microsoft.EntityFrameworkCore;
using OrderToCash.Core.Infrastructure.Persistence;
using OrderToCash.Core.Invoicing;
using OrderToCash.Engine.Handlers;

namespace OrderToCash.Core.Dunning;

/// <param name="InvoiceNumber">The invoice the dunning instance reminds.</param>
public sealed record DunningPlanInput(string InvoiceNumber);

/// <param name="WakeAt">When the workflow's timer wakes it to evaluate the ladder again.</param>
/// <param name="Finished">The invoice is settled or written off: nothing left to remind.</param>
public sealed record DunningPlanOutput(DateTimeOffset WakeAt, bool Finished);

/// <summary>Plans the next wake-up of the dunning loop from the invoice as it is now (see <see cref="DunningPlanner"/>).</summary>
[WorkflowHandler("dunning.plan", "Plans when the dunning workflow wakes up next (the next step of the escalation rules, a promise's check date).")]
public sealed class DunningPlanHandler(DunningPlanner planner, TimeProvider clock) : WorkflowHandler<DunningPlanInput, DunningPlanOutput>
{
    protected override async ValueTask<DunningPlanOutput> HandleAsync(DunningPlanInput input, HandlerContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(context);
        var db = (OrderToCashDbContext)context.Services.GetService(typeof(OrderToCashDbContext))!;
        var invoice = await InvoiceCorrections.DunnedAsync(db, input.InvoiceNumber, cancellationToken).ConfigureAwait(false);
        var now = clock.GetUtcNow();
        invoice.DunningInstanceId ??= context.InstanceId;
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        if (invoice.IsSettled)
        {
            // The settlement ends the loop here, not in the evaluation: a promise still pending is judged now, or never.
            await DunningSituation.JudgeDuePromisesAsync(db, invoice, today, cancellationToken).ConfigureAwait(false);
            return new DunningPlanOutput(now, Finished: true);
        }

        var pending = await db.Set<PromiseToPay>().AsNoTracking()
            .Where(p => p.InvoiceId == invoice.Id && p.Status == PromiseStatus.Pending)
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        var situation = await DunningSituation.ReadAsync(db, invoice, today, pending.Count > 0, cancellationToken).ConfigureAwait(false);
        var wake = await planner.NextWakeAsync(invoice, situation, pending, now, cancellationToken).ConfigureAwait(false);
        return new DunningPlanOutput(wake, Finished: false);
    }
}
