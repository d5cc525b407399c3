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
    public async Task<int> FireDueTimersAsync(CancellationToken cancellationToken)
    {
        var fired = 0;
        foreach (var (instanceId, bookmarkId) in await ClaimDueTimersAsync(cancellationToken).ConfigureAwait(false))
        {
            if (await FireTimerAsync(instanceId, bookmarkId, cancellationToken).ConfigureAwait(false))
            {
                fired++;
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
            .Select(t => new { t.InstanceId, t.BookmarkId })
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
            }
        }

        return claimed;
    }

    /// <summary>Fires one claimed timer; false when the instance had moved on (the timer was already consumed).</summary>
    private Task<bool> FireTimerAsync(string instanceId, string bookmarkId, CancellationToken cancellationToken) =>
        InTransactionAsync(async db =>
        {
            var step = (await WorkflowStep.LoadManyAsync(db, [instanceId], definitions, cancellationToken).ConfigureAwait(false)).GetValueOrDefault(instanceId);
            if (step is null || !step.IsWaitingAt(bookmarkId))
            {
                await db.Set<TimerRecord>().Where(t => t.InstanceId == instanceId && t.BookmarkId == bookmarkId).ExecuteDeleteAsync(cancellationToken).ConfigureAwait(false);
                return false;
            }

            await Executor(db).ResumeAsync(step.Plan, step.State, bookmarkId, null, cancellationToken).ConfigureAwait(false);
            await FinishAsync([step], cancellationToken).ConfigureAwait(false);
            return true;
        }, cancellationToken);
}
