using Microsoft.EntityFrameworkCore;
using OrderToCash.Engine.Durable.Storage;
using OrderToCash.Engine.Runtime.State;
using OrderToCash.Engine.Telemetry;

namespace OrderToCash.Engine.Durable;

/// <summary>
/// The work that falls due with time, run by the dispatch job on every host: timers, timer start events, buffered
/// messages whose wait now exists, incidents whose back-off has elapsed. Each pass reads a batch and runs each item in
/// its own step; an item that fails is reported and the others go on.
/// </summary>
public sealed class WorkflowDispatcher(DurableWorkflowRuntime runtime)
{
    private StepUnitOfWork UnitOfWork => runtime.UnitOfWork;

    private DurableWorkflowOptions Options => runtime.UnitOfWork.Options;

    /// <summary>
    /// Claims the timers due now (taking each one's lease with a conditional update, so two hosts never claim the same
    /// timer) and fires each in its own step. Returns how many fired.
    /// </summary>
    /// <param name="cancellationToken">Stops the dispatch.</param>
    /// <param name="failures">Told about each timer that could not fire (instance id, reason); its lease ends and it is tried again.</param>
    public async Task<int> FireDueTimersAsync(CancellationToken cancellationToken, Action<string, Exception>? failures = null)
    {
        var claimed = await ClaimDueTimersAsync(cancellationToken).ConfigureAwait(false);
        return await RunEachAsync(claimed, t => t.InstanceId, t => FireTimerAsync(t.InstanceId, t.BookmarkId, cancellationToken), failures).ConfigureAwait(false);
    }

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
        await using (var db = UnitOfWork.CreateContext())
        {
            var now = UnitOfWork.Clock.GetUtcNow();
            due = await db.Set<StartTimerRecord>().AsNoTracking()
                .Where(t => t.DueAt <= now)
                .OrderBy(t => t.DueAt)
                .Take(Options.TimerBatchSize)
                .ToListAsync(cancellationToken).ConfigureAwait(false);
        }

        return await RunEachAsync(due, t => t.ProcessId, t => StartOnTimerAsync(t, cancellationToken), failures).ConfigureAwait(false);
    }

    /// <summary>
    /// Delivers the buffered messages a wait now exists for, and expires the ones past their time-to-live. Under READ
    /// COMMITTED a message can be buffered at the very moment its wait is created, each transaction missing the other's
    /// row: this sweep delivers it. Returns how many were delivered.
    /// </summary>
    /// <param name="cancellationToken">Stops the dispatch.</param>
    /// <param name="failures">Told about each message that could not be delivered (message row id, reason).</param>
    public async Task<int> DeliverBufferedMessagesAsync(CancellationToken cancellationToken, Action<string, Exception>? failures = null)
    {
        var now = UnitOfWork.Clock.GetUtcNow();
        List<long> candidates;
        await using (var db = UnitOfWork.CreateContext())
        {
            await db.Set<MessageRecord>().Where(m => m.Status == MessageStatus.Buffered && m.ExpiresAt <= now)
                .ExecuteUpdateAsync(m => m.SetProperty(x => x.Status, MessageStatus.Expired), cancellationToken).ConfigureAwait(false);
            candidates = await db.Set<MessageRecord>()
                .Where(m => m.Status == MessageStatus.Buffered
                    && db.Set<SubscriptionRecord>().Any(s => s.MessageName == m.Name && (s.CorrelationKey == null || s.CorrelationKey == m.CorrelationKey)))
                .OrderBy(m => m.Id)
                .Select(m => m.Id)
                .Take(Options.TimerBatchSize)
                .ToListAsync(cancellationToken).ConfigureAwait(false);
        }

        return await RunEachAsync(
            candidates,
            id => id.ToString(System.Globalization.CultureInfo.InvariantCulture),
            id => UnitOfWork.InTransactionAsync(db => runtime.Correlation.DeliverBufferedAsync(db, id, cancellationToken), cancellationToken),
            failures).ConfigureAwait(false);
    }

    /// <summary>Retries the incidents whose back-off has elapsed; returns how many were retried.</summary>
    /// <param name="cancellationToken">Stops the retries.</param>
    /// <param name="failures">Told about each instance whose retry could not run (instance id, reason); it is tried again after the back-off.</param>
    public async Task<int> RetryDueIncidentsAsync(CancellationToken cancellationToken, Action<string, Exception>? failures = null)
    {
        var now = UnitOfWork.Clock.GetUtcNow();
        List<string> due;
        await using (var db = UnitOfWork.CreateContext())
        {
            due = await db.Set<InstanceRecord>().AsNoTracking()
                .Where(i => i.Status == nameof(InstanceStatus.Incident) && i.NextRetryAt != null && i.NextRetryAt <= now)
                .OrderBy(i => i.NextRetryAt)
                .Select(i => i.Id)
                .Take(Options.TimerBatchSize)
                .ToListAsync(cancellationToken).ConfigureAwait(false);
        }

        return await RunEachAsync(
            due,
            id => id,
            async id =>
            {
                try
                {
                    await runtime.RetryAsync(id, cancellationToken).ConfigureAwait(false);
                    return true;
                }
                catch (InstanceStateException)
                {
                    // Another host retried it first.
                    return false;
                }
            },
            failures,
            async id =>
            {
                // The retry itself failed (e.g. the definition no longer loads): try again after the back-off.
                await using var db = UnitOfWork.CreateContext();
                var later = now + Options.RetryBackoff;
                await db.Set<InstanceRecord>().Where(i => i.Id == id)
                    .ExecuteUpdateAsync(i => i.SetProperty(x => x.NextRetryAt, later), cancellationToken).ConfigureAwait(false);
            }).ConfigureAwait(false);
    }

    /// <summary>
    /// Runs each due item in its own step and counts those that ran. An item that fails (e.g. its definition no longer
    /// loads) must not stop the others: <paramref name="failed"/> records it, <paramref name="failures"/> is told, and
    /// the loop goes on. Cancellation stops the loop.
    /// </summary>
    private static async Task<int> RunEachAsync<T>(IEnumerable<T> due, Func<T, string> name, Func<T, Task<bool>> run, Action<string, Exception>? failures, Func<T, Task>? failed = null)
    {
        var ran = 0;
        foreach (var item in due)
        {
            try
            {
                if (await run(item).ConfigureAwait(false))
                {
                    ran++;
                }
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                if (failed is not null)
                {
                    await failed(item).ConfigureAwait(false);
                }

                failures?.Invoke(name(item), ex);
            }
        }

        return ran;
    }

    private async Task<List<(string InstanceId, string BookmarkId)>> ClaimDueTimersAsync(CancellationToken cancellationToken)
    {
        var now = UnitOfWork.Clock.GetUtcNow();
        await using var db = UnitOfWork.CreateContext();
        var due = await db.Set<TimerRecord>().AsNoTracking()
            .Where(t => t.DueAt <= now && (t.LeaseUntil == null || t.LeaseUntil < now))
            .OrderBy(t => t.DueAt)
            .Take(Options.TimerBatchSize)
            .Select(t => new { t.InstanceId, t.BookmarkId, t.DueAt })
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        var claimed = new List<(string, string)>();
        var leaseUntil = now + Options.TimerLease;
        foreach (var timer in due)
        {
            var taken = await db.Set<TimerRecord>()
                .Where(t => t.InstanceId == timer.InstanceId && t.BookmarkId == timer.BookmarkId && (t.LeaseUntil == null || t.LeaseUntil < now))
                .ExecuteUpdateAsync(t => t.SetProperty(x => x.LeaseOwner, Options.HostId).SetProperty(x => x.LeaseUntil, leaseUntil), cancellationToken)
                .ConfigureAwait(false);
            if (taken == 1)
            {
                claimed.Add((timer.InstanceId, timer.BookmarkId));
                EngineTelemetry.TimersDue.Add(1);
                EngineTelemetry.TimerLag.Record((now - timer.DueAt).TotalSeconds);
            }
        }

        return claimed;
    }

    /// <summary>Fires one claimed timer; false when the instance had moved on (the timer was already consumed).</summary>
    private Task<bool> FireTimerAsync(string instanceId, string bookmarkId, CancellationToken cancellationToken) =>
        UnitOfWork.InTransactionAsync(async db =>
        {
            var step = (await WorkflowStep.LoadManyAsync(db, [instanceId], UnitOfWork.Definitions, cancellationToken).ConfigureAwait(false)).GetValueOrDefault(instanceId);
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

            await UnitOfWork.Executor(db).ResumeAsync(step.Plan, step.State, bookmarkId, null, cancellationToken).ConfigureAwait(false);
            await UnitOfWork.FinishAsync([step], cancellationToken).ConfigureAwait(false);
            return true;
        }, cancellationToken);

    private Task<bool> StartOnTimerAsync(StartTimerRecord timer, CancellationToken cancellationToken) =>
        UnitOfWork.InTransactionAsync(async db =>
        {
            var plan = UnitOfWork.Definitions.Find(timer.ProcessId, timer.Version)
                ?? throw new Runtime.WorkflowRuntimeException($"The process '{timer.ProcessId}' version {timer.Version} of the timer start event '{timer.StartEventId}' is not published.");
            var now = UnitOfWork.Clock.GetUtcNow();
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

            var state = await UnitOfWork.Executor(db).StartAsync(plan, null, timer.StartEventId, cancellationToken: cancellationToken).ConfigureAwait(false);
            var step = WorkflowStep.New(db, state, plan, $"timer {timer.DueAt.UtcDateTime:yyyy-MM-ddTHH:mm:ssZ}");
            await UnitOfWork.FinishAsync([step], cancellationToken).ConfigureAwait(false);
            return true;
        }, cancellationToken);
}
