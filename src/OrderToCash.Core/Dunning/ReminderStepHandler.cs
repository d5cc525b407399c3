using Microsoft.EntityFrameworkCore;
using OrderToCash.Core.Infrastructure.Persistence;
using OrderToCash.Core.Invoicing;
using OrderToCash.Engine.Handlers;
using OrderToCash.Engine.Rules.Decisions;

namespace OrderToCash.Core.Dunning;

/// <param name="InvoiceNumber">The invoice the dunning instance reminds.</param>
/// <param name="DecisionId">The <c>decisionId</c> of the business-rule task "Choose the reminder step" (rule set escalation).</param>
public sealed record ReminderStepInput(string InvoiceNumber, long DecisionId);

/// <param name="Step">The ladder step reached now (its reminder is in the outbox), or empty when no new step is due.</param>
/// <param name="NextWakeAt">When the next step can become due: a person's task about this step is withdrawn then.</param>
public sealed record ReminderStepOutput(string Step, DateTimeOffset NextWakeAt);

/// <summary>
/// Applies the recorded reminder-step decision (ADR 0065) in the step's transaction: the decision is replayed under its
/// version (step, charges), the due step's reminder is written once, and the day the next step can become due is
/// planned from the recorded situation.
/// </summary>
[WorkflowHandler("dunning.apply-step", "Writes the reminder of the step the escalation decision chose (once per step) and plans when the next step can become due.")]
public sealed class ReminderStepHandler(ReminderLadder ladder, DunningPlanner planner, TimeProvider clock) : WorkflowHandler<ReminderStepInput, ReminderStepOutput>
{
    protected override async ValueTask<ReminderStepOutput> HandleAsync(ReminderStepInput input, HandlerContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(context);
        var db = (OrderToCashDbContext)context.Services.GetService(typeof(OrderToCashDbContext))!;
        var record = await db.Set<DecisionRecord>().AsNoTracking().SingleOrDefaultAsync(d => d.Id == input.DecisionId, cancellationToken).ConfigureAwait(false)
            ?? throw new InvalidOperationException($"Decision {input.DecisionId} was not found: map the decisionId of the reminder step's business-rule task (rule set escalation) into this task.");
        var decision = await ladder.ReadAsync(record, cancellationToken).ConfigureAwait(false);
        var invoice = await InvoiceCorrections.DunnedAsync(db, input.InvoiceNumber, cancellationToken).ConfigureAwait(false);
        var now = clock.GetUtcNow();
        var step = await ReminderStep.WriteAsync(db, invoice, decision, now, cancellationToken).ConfigureAwait(false);
        var pending = await db.Set<PromiseToPay>().AsNoTracking()
            .Where(p => p.InvoiceId == invoice.Id && p.Status == PromiseStatus.Pending)
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        var situation = decision.Input!;
        var next = await planner.NextWakeAsync(invoice, situation with { AsOf = situation.AsOf.Date.AddDays(1) }, pending, now, cancellationToken).ConfigureAwait(false);
        return new ReminderStepOutput(step, next);
    }
}
