using Microsoft.EntityFrameworkCore;
using OrderToCash.Core.Customers;
using OrderToCash.Core.Infrastructure.Persistence;
using OrderToCash.Core.Invoicing;
using OrderToCash.Engine.Handlers;

namespace OrderToCash.Core.Dunning;

/// <param name="InvoiceNumber">The invoice the dunning instance reminds.</param>
public sealed record DunningEvaluateInput(string InvoiceNumber);

/// <param name="Step">The ladder step reached now (its reminder is in the outbox), or empty when no new step is due.</param>
/// <param name="Finished">The invoice is settled or written off.</param>
/// <param name="NextWakeAt">When the next step can become due: a person's task about this step is withdrawn then.</param>
public sealed record DunningEvaluateOutput(string Step, bool Finished, DateTimeOffset NextWakeAt);

/// <summary>
/// Evaluates the reminder ladder for the invoice today: judges the promises whose date has passed, asks the escalation
/// rules (on the dunnable amount, with the dispute and promise flags), and when a step above the invoice's level is due
/// writes its reminder to the outbox in the step's transaction, once per step (unique (invoice, step)).
/// </summary>
[WorkflowHandler("dunning.evaluate", "Evaluates the reminder ladder and writes the due step's reminder to the outbox.")]
public sealed class DunningEvaluateHandler(ReminderLadder ladder, DunningPlanner planner, TimeProvider clock) : WorkflowHandler<DunningEvaluateInput, DunningEvaluateOutput>
{
    protected override async ValueTask<DunningEvaluateOutput> HandleAsync(DunningEvaluateInput input, HandlerContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(context);
        var db = (OrderToCashDbContext)context.Services.GetService(typeof(OrderToCashDbContext))!;
        var invoice = await InvoiceCorrections.DunnedAsync(db, input.InvoiceNumber, cancellationToken).ConfigureAwait(false);
        var now = clock.GetUtcNow();
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        var pending = await DunningSituation.JudgeDuePromisesAsync(db, invoice, today, cancellationToken).ConfigureAwait(false);
        if (invoice.IsSettled)
        {
            return new DunningEvaluateOutput(string.Empty, Finished: true, now);
        }

        var situation = await DunningSituation.ReadAsync(db, invoice, today, pending.Count > 0, cancellationToken).ConfigureAwait(false);
        var decision = await ladder.DecideAsync(invoice.Number, situation, now, cancellationToken).ConfigureAwait(false);
        db.Add(decision.Record);
        var step = string.Empty;
        if (decision.Step is { } due && decision.Level > invoice.ReminderLevel)
        {
            if (!await db.Set<Reminder>().AnyAsync(r => r.InvoiceId == invoice.Id && r.Step == due, cancellationToken).ConfigureAwait(false))
            {
                var customer = await db.Set<Customer>().AsNoTracking().SingleAsync(c => c.Id == invoice.CustomerId, cancellationToken).ConfigureAwait(false);
                db.Add(ReminderRenderer.Render(invoice, customer, due, decision, now));
            }

            invoice.ReminderLevel = decision.Level;
            step = due;
        }

        var next = await planner.NextWakeAsync(invoice, situation with { AsOf = today.AddDays(1).ToDateTime(TimeOnly.MinValue) }, pending, now, cancellationToken).ConfigureAwait(false);
        return new DunningEvaluateOutput(step, Finished: false, next);
    }
}
