using Microsoft.EntityFrameworkCore;
using OrderToCash.Engine.Durable.Storage;
using OrderToCash.Engine.Runtime.Plan;
using OrderToCash.Engine.Timers;

namespace OrderToCash.Engine.Durable;

/// <summary>
/// The schedule of timer start events: a published version's timer starts replace its process's previous ones (the
/// latest version is the one that starts), and each firing computes the next due time (ADR 0067).
/// </summary>
internal static class StartTimers
{
    private static readonly IReadOnlyDictionary<string, object?> NoVariables = new Dictionary<string, object?>();

    /// <summary>Adds to <paramref name="db"/>'s unit of work the rows of <paramref name="plan"/>'s timer start events, replacing its process's previous rows.</summary>
    public static async Task ReplaceAsync(DbContext db, ExecutionPlan plan, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var existing = await db.Set<StartTimerRecord>().Where(t => t.ProcessId == plan.ProcessId).ToListAsync(cancellationToken).ConfigureAwait(false);
        var starts = plan.StartEvents.Where(s => s.Timer is not null).ToList();
        db.RemoveRange(existing.Where(e => starts.TrueForAll(s => s.Id != e.StartEventId)));
        foreach (var start in starts)
        {
            var schedule = start.Timer!.Resolve(NoVariables);
            var row = existing.Find(e => e.StartEventId == start.Id);
            if (row is null)
            {
                row = new StartTimerRecord { ProcessId = plan.ProcessId, StartEventId = start.Id };
                db.Add(row);
            }

            row.Version = plan.Version;
            row.DueAt = schedule.FirstDue(now);
            row.Remaining = schedule.IsCycle && schedule.Repetitions is { } n ? n - 1 : null;
        }
    }

    /// <summary>
    /// After a firing due at <paramref name="due"/>: the next due time, or null when the start event is done (a date, a
    /// duration, a bounded cycle's last firing). A cycle missed while every host was down fires once, then keeps its
    /// phase after <paramref name="now"/>.
    /// </summary>
    public static DateTimeOffset? NextDue(TimerSchedule schedule, DateTimeOffset due, int? remaining, DateTimeOffset now)
    {
        if (!schedule.IsCycle || remaining == 0)
        {
            return null;
        }

        // A cycle published before the minimum interval was enforced still fires at most once a minute (ADR 0131).
        var next = schedule.OccurrenceFrom(schedule.NextDue(due), now, strictly: true);
        var earliest = due + TimerSchedule.MinimumStartCycle;
        return next >= earliest ? next : schedule.OccurrenceFrom(next, earliest);
    }

    public static TimerSchedule Schedule(ExecutionPlan plan, string startEventId) =>
        plan.StartEvents.First(s => s.Id == startEventId).Timer!.Resolve(NoVariables);
}
