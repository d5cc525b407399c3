using OrderToCash.Core.Infrastructure.Persistence;
using OrderToCash.Core.Invoicing;
using OrderToCash.Engine.Handlers;

namespace OrderToCash.Core.Dunning;

/// <param name="InvoiceNumber">The invoice the dunning instance reminds.</param>
public sealed record LadderSituationInput(string InvoiceNumber);

/// <summary>
/// The invoice as the escalation rules read it today (their <c>item</c> input's fields), or <paramref name="Finished"/>
/// when it is settled or written off (then the other fields are empty).
/// </summary>
/// <param name="Finished">The invoice is settled or written off: nothing to decide.</param>
/// <param name="AsOf">Today, the evaluation date.</param>
/// <param name="DueDate">The invoice's due date.</param>
/// <param name="OpenAmount">The dunnable amount (open less disputed), euros incl. VAT.</param>
/// <param name="Segment">Key, Standard or Small.</param>
/// <param name="UnpaidItemCount">The customer's overdue items, this one included.</param>
/// <param name="HasOpenDispute">Everything open is disputed.</param>
/// <param name="HasPromiseToPay">A promise to pay is still pending after today's judging.</param>
/// <param name="ProfessionalCustomer">B2B customer (the indemnity and penalty rate apply).</param>
/// <param name="EcbRefinancingRate">The ECB rate of the due date's semester, null when the table lacks it.</param>
public sealed record LadderSituationOutput(
    bool Finished, DateOnly AsOf, DateOnly DueDate, decimal OpenAmount, string Segment, int UnpaidItemCount,
    bool HasOpenDispute, bool HasPromiseToPay, bool ProfessionalCustomer, decimal? EcbRefinancingRate);

/// <summary>
/// The ledger work before the reminder step is decided (ADR 0065), in the step's transaction: judges the promises whose
/// check date has passed (kept or broken), then reads what the escalation rules need about the invoice today.
/// </summary>
[WorkflowHandler("dunning.situation", "Judges the invoice's due promises and reads what the escalation rules need today (days overdue, dunnable amount, dispute and promise flags).")]
public sealed class LadderSituationHandler(TimeProvider clock) : WorkflowHandler<LadderSituationInput, LadderSituationOutput>
{
    protected override async ValueTask<LadderSituationOutput> HandleAsync(LadderSituationInput input, HandlerContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(context);
        var db = (OrderToCashDbContext)context.Services.GetService(typeof(OrderToCashDbContext))!;
        var invoice = await InvoiceCorrections.DunnedAsync(db, input.InvoiceNumber, cancellationToken).ConfigureAwait(false);
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var pending = await DunningSituation.JudgeDuePromisesAsync(db, invoice, today, cancellationToken).ConfigureAwait(false);
        if (invoice.IsSettled)
        {
            return new LadderSituationOutput(true, today, invoice.DueDate, 0m, invoice.Segment, 0, false, false, false, null);
        }

        var item = await DunningSituation.ReadAsync(db, invoice, today, pending.Count > 0, cancellationToken).ConfigureAwait(false);
        return new LadderSituationOutput(
            false, today, invoice.DueDate, item.OpenAmount, item.Segment, item.UnpaidItemCount,
            item.HasOpenDispute, item.HasPromiseToPay, item.ProfessionalCustomer, item.EcbRefinancingRate);
    }
}
