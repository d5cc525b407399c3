using OrderToCash.Core.Escalation;
using OrderToCash.Core.Invoicing;

namespace OrderToCash.Core.Dunning;

/// <summary>
/// Plans the dunning workflow's next wake-up: the first day a step above the invoice's current level becomes due under
/// the escalation rules (due − 7, due + 1, the formal, final and legal thresholds of the segment: whatever the rules say,
/// found by asking them day by day rather than repeating their thresholds here), or the day after a pending promise's
/// check date, and at the latest <see cref="MaxSleepDays"/> days from now so that a lost message only delays.
/// </summary>
public sealed class DunningPlanner(ReminderLadder ladder)
{
    /// <summary>The longest sleep: a replan message that never arrived is caught up within this many days.</summary>
    public const int MaxSleepDays = 30;

    /// <summary>Reminders are sent in the morning (UTC): the timer of a day fires at this time.</summary>
    public static readonly TimeOnly WakeTime = new(6, 0);

    public async Task<DateTimeOffset> NextWakeAsync(Invoice invoice, EscalationInput today, IEnumerable<PromiseToPay> pendingPromises, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(invoice);
        ArgumentNullException.ThrowIfNull(today);
        var from = DateOnly.FromDateTime(today.AsOf);
        var levels = await ladder.ProbeAsync(day => today with { AsOf = day.ToDateTime(TimeOnly.MinValue) }, from, MaxSleepDays + 1, now, cancellationToken).ConfigureAwait(false);
        var wake = from.AddDays(MaxSleepDays);
        for (var day = 0; day < levels.Count; day++)
        {
            if (levels[day] > invoice.ReminderLevel)
            {
                wake = from.AddDays(day);
                break;
            }
        }

        foreach (var promise in pendingPromises)
        {
            var judgeOn = promise.CheckDate.AddDays(1);
            if (judgeOn < wake)
            {
                wake = judgeOn;
            }
        }

        var at = new DateTimeOffset(wake.ToDateTime(WakeTime), TimeSpan.Zero);
        return at < now ? now : at;
    }
}
