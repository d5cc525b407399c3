using Microsoft.EntityFrameworkCore;
using OrderToCash.Core.Infrastructure.Persistence;
using OrderToCash.Engine.Handlers;

namespace OrderToCash.Core.Payments;

/// <param name="Semester">The missing semester (<c>2026-H2</c>).</param>
/// <param name="Rate">The ECB main refinancing rate in force on its first day, in percent a year.</param>
/// <param name="Comment">The credit manager's source (e.g. the ECB's press release).</param>
/// <param name="EntryTask">The user task whose answer this is (its element id): who claimed it entered the rate.</param>
public sealed record EcbRateEntryInput(string Semester, decimal? Rate, string? Comment, string EntryTask);

/// <param name="Outcome"><c>entered</c>, or <c>refused</c> (the task is asked again).</param>
/// <param name="RefusalReason">Why the answer was refused, for the next task's reader.</param>
public sealed record EcbRateEntryOutput(string Outcome, string RefusalReason);

/// <summary>
/// The answer to "Saisir le taux BCE du … semestre": the semester's rate enters the table and every pending interest
/// of the semester is charged, in the step's transaction (ADR 0101). A rate the table refuses, or a task answered
/// without being claimed, asks the question again with the reason.
/// </summary>
[WorkflowHandler("reference.ecb-rate-entry", "Enters a semester's ECB rate from the credit manager's task and charges the interest waiting for it.")]
public sealed class EcbRateEntryHandler(TimeProvider clock) : WorkflowHandler<EcbRateEntryInput, EcbRateEntryOutput>
{
    public const string Entered = "entered";
    public const string Refused = "refused";

    protected override async ValueTask<EcbRateEntryOutput> HandleAsync(EcbRateEntryInput input, HandlerContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(context);
        var db = (OrderToCashDbContext)context.Services.GetService(typeof(OrderToCashDbContext))!;
        var author = context.CompletedTask is { } task && task.ElementId == input.EntryTask ? task.ClaimedBy : null;
        if (author is null)
        {
            return new EcbRateEntryOutput(Refused, "The task was answered without being claimed: claim it first, so the rate has an author.");
        }

        var current = await ReferenceTables.EcbRates.CurrentAsync(db, cancellationToken).ConfigureAwait(false);
        var rates = current.Rates.ToDictionary(r => r.Key.ToString(), r => (decimal?)r.Value, StringComparer.Ordinal);
        rates[input.Semester] = input.Rate;
        var result = await PendingInterests.EnterRatesAsync(db, rates, author, input.Comment ?? "Saisi depuis la tâche", clock.GetUtcNow(), cancellationToken).ConfigureAwait(false);
        return result.Change.IsValid
            ? new EcbRateEntryOutput(Entered, string.Empty)
            : new EcbRateEntryOutput(Refused, string.Join(" ", result.Change.Problems.SelectMany(p => p.Value)));
    }
}
