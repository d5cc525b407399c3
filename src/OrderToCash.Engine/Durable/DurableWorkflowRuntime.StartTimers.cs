using Microsoft.EntityFrameworkCore;
using OrderToCash.Engine.Durable.Storage;

namespace OrderToCash.Engine.Durable;

public sealed partial class DurableWorkflowRuntime
{
    /// <summary>
    /// Starts an instance for each timer start event that is due (ISO 8601 date, duration or cycle), each in its own
    /// step. The step's first statement moves the row to its next due time only if it still holds the due time read, so
    /// of two hosts firing at once one starts the instance and the other finds nothing left (ADR 0067). Returns how many
    /// instances started.
    /// </summary>
    /// <param name="cancellationToken">Stops the dispatch.</param>
    /// <param name="failures">Told about each start that failed (process id, reason); it is tried again at the next dispatch.</param>
    public async Task<int> StartDueProcessesAsync(CancellationToken cancellationToken, Action<string, Exception>? failures = null)
    {
        List<StartTimerRecord> due;
        await using (var db = createContext())
        {
            var now = clock.GetUtcNow();
            due = await db.Set<StartTimerRecord>().AsNoTracking()
                .Where(t => t.DueAt <= now)
                .OrderBy(t => t.DueAt)
                .Take(options.TimerBatchSize)
                .ToListAsync(cancellationToken).ConfigureAwait(false);
        }

        var started = 0;
        foreach (var timer in due)
        {
            try
            {
                if (await StartOnTimerAsync(timer, cancellationToken).ConfigureAwait(false))
                {
                    started++;
                }
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // One process that cannot start (e.g. its definition no longer loads) must not stop the others.
                failures?.Invoke(timer.ProcessId, ex);
            }
        }

        return started;
    }

    private Task<bool> StartOnTimerAsync(StartTimerRecord timer, CancellationToken cancellationToken) =>
        InTransactionAsync(async db =>
        {
            var plan = definitions.Find(timer.ProcessId, timer.Version)
                ?? throw new Runtime.WorkflowRuntimeException($"The process '{timer.ProcessId}' version {timer.Version} of the timer start event '{timer.StartEventId}' is not published.");
            var now = clock.GetUtcNow();
            var next = StartTimers.NextDue(StartTimers.Schedule(plan, timer.StartEventId), timer.DueAt, timer.Remaining, now);
            var row = db.Set<StartTimerRecord>().Where(t => t.ProcessId == timer.ProcessId && t.StartEventId == timer.StartEventId
                && t.Version == timer.Version && t.DueAt == timer.DueAt && t.Fired == timer.Fired);
            // Taking the firing is the step's first write: a host firing the same row at once waits here, then finds it moved.
            var taken = next is { } nextDue
                ? await row.ExecuteUpdateAsync(t => t.SetProperty(x => x.DueAt, nextDue).SetProperty(x => x.Fired, x => x.Fired + 1)
                    .SetProperty(x => x.Remaining, x => x.Remaining - 1), cancellationToken).ConfigureAwait(false)
                : await row.ExecuteDeleteAsync(cancellationToken).ConfigureAwait(false);
            if (taken == 0)
            {
                return false;
            }

            var state = await Executor(db).StartAsync(plan, null, timer.StartEventId, cancellationToken: cancellationToken).ConfigureAwait(false);
            var step = WorkflowStep.New(db, state, plan, $"timer {timer.DueAt.UtcDateTime:yyyy-MM-ddTHH:mm:ssZ}");
            await FinishAsync([step], cancellationToken).ConfigureAwait(false);
            return true;
        }, cancellationToken);
}
