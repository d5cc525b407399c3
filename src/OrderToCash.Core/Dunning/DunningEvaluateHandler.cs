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
/// The ladder of dunning versions from before the reminder step became a business-rule task (ADR 0065), kept because
/// their loops run until their invoice is settled and a called process's instances are not migrated: judges the
/// promises whose date has passed, asks the escalation rules in code (recording the decision against the invoice) and
/// writes the due step's reminder. The current diagram does the same in three steps: dunning.situation, the
/// business-rule task "Choose the reminder step", dunning.apply-step.
/// </summary>
[WorkflowHandler("dunning.evaluate", "Older dunning versions only: evaluates the reminder ladder in code and writes the due step's reminder (now dunning.situation, an escalation business-rule task and dunning.apply-step).")]
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
        var step = await ReminderStep.WriteAsync(db, invoice, decision, now, cancellationToken).ConfigureAwait(false);
        var next = await planner.NextWakeAsync(invoice, situation with { AsOf = today.AddDays(1).ToDateTime(TimeOnly.MinValue) }, pending, now, cancellationToken).ConfigureAwait(false);
        return new DunningEvaluateOutput(step, Finished: false, next);
    }
}
