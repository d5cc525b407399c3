using Microsoft.EntityFrameworkCore;
using OrderToCash.Engine.Durable.Storage;
using OrderToCash.Engine.Runtime.State;

namespace OrderToCash.Engine.Durable;

public sealed partial class DurableWorkflowRuntime
{
    /// <summary>
    /// Claims the timers due now (taking each one's lease with a conditional update, so two hosts never claim the same
    /// timer) and fires each in its own step. Returns how many fired.
    /// </summary>
    /// <param name="cancellationToken">Stops the dispatch.</param>
    /// <param name="failures">Told about each timer that could not fire (instance id, reason); the others go on.</param>
    public async Task<int> FireDueTimersAsync(CancellationToken cancellationToken, Action<string, Exception>? failures = null)
    {
        var fired = 0;
        foreach (var (instanceId, bookmarkId) in await ClaimDueTimersAsync(cancellationToken).ConfigureAwait(false))
        {
            try
            {
                if (await FireTimerAsync(instanceId, bookmarkId, cancellationToken).ConfigureAwait(false))
                {
                    fired++;
                }
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // One timer that cannot fire (e.g. its definition no longer loads) must not stop the others; its lease
                // ends and it is tried again.
                failures?.Invoke(instanceId, ex);
            }
        }

        return fired;
    }

    private async Task<List<(string InstanceId, string BookmarkId)>> ClaimDueTimersAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        await using var db = createContext();
        var due = await db.Set<TimerRecord>().AsNoTracking()
            .Where(t => t.DueAt <= now && (t.LeaseUntil == null || t.LeaseUntil < now))
            .OrderBy(t => t.DueAt)
            .Take(options.TimerBatchSize)
            .Select(t => new { t.InstanceId, t.BookmarkId, t.DueAt })
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        var claimed = new List<(string, string)>();
        var leaseUntil = now + options.TimerLease;
        foreach (var timer in due)
        {
            var taken = await db.Set<TimerRecord>()
                .Where(t => t.InstanceId == timer.InstanceId && t.BookmarkId == timer.BookmarkId && (t.LeaseUntil == null || t.LeaseUntil < now))
                .ExecuteUpdateAsync(t => t.SetProperty(x => x.LeaseOwner, options.HostId).SetProperty(x => x.LeaseUntil, leaseUntil), cancellationToken)
                .ConfigureAwait(false);
            if (taken == 1)
            {
                claimed.Add((timer.InstanceId, timer.BookmarkId));
                Telemetry.EngineTelemetry.TimersDue.Add(1);
                Telemetry.EngineTelemetry.TimerLag.Record((now - timer.DueAt).TotalSeconds);
            }
        }

        return claimed;
    }

    /// <summary>Fires one claimed timer; false when the instance had moved on (the timer was already consumed).</summary>
    private Task<bool> FireTimerAsync(string instanceId, string bookmarkId, CancellationToken cancellationToken) =>
        InTransactionAsync(async db =>
        {
            var step = (await WorkflowStep.LoadManyAsync(db, [instanceId], definitions, cancellationToken).ConfigureAwait(false)).GetValueOrDefault(instanceId);
            if (step is null || !step.HasBookmark(bookmarkId))
            {
                // Consumed by another step (or the instance is gone): the row is all that is left of it.
                await db.Set<TimerRecord>().Where(t => t.InstanceId == instanceId && t.BookmarkId == bookmarkId).ExecuteDeleteAsync(cancellationToken).ConfigureAwait(false);
                return false;
            }

            if (!step.IsWaitingAt(bookmarkId))
            {
                // Stopped by an incident: the timer stays, and fires again once its lease ends (after the retry, if fixed).
                return false;
            }

            await Executor(db).ResumeAsync(step.Plan, step.State, bookmarkId, null, cancellationToken).ConfigureAwait(false);
            await FinishAsync([step], cancellationToken).ConfigureAwait(false);
            return true;
        }, cancellationToken);
}
