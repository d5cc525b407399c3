using Microsoft.EntityFrameworkCore;
using OrderToCash.Engine.Durable.Storage;
using OrderToCash.Engine.Runtime.State;

namespace OrderToCash.Engine.Durable;

public sealed partial class DurableWorkflowRuntime
{
    /// <summary>Instances stopped by an incident, oldest first.</summary>
    public async Task<IReadOnlyList<WorkflowInstance>> IncidentsAsync(CancellationToken cancellationToken)
    {
        await using var db = createContext();
        return await db.Set<InstanceRecord>().AsNoTracking()
            .Where(i => i.Status == nameof(InstanceStatus.Incident))
            .OrderBy(i => i.UpdatedAt)
            .Select(WorkflowInstance.FromRecord)
            .ToListAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Runs the failed element again (after its cause was fixed, or as an automatic retry).</summary>
    public Task<InstanceSummary> RetryAsync(string instanceId, CancellationToken cancellationToken) =>
        InTransactionAsync(async db =>
        {
            var step = await LoadAsync(db, instanceId, cancellationToken).ConfigureAwait(false);
            if (step.State.Status != InstanceStatus.Incident)
            {
                throw new InstanceStateException($"The instance '{instanceId}' has no incident to retry (it is {step.State.Status.ToString().ToLowerInvariant()}).");
            }

            await Executor(db).RetryAsync(step.Plan, step.State, cancellationToken).ConfigureAwait(false);
            await FinishAsync([step], cancellationToken, offerToExistingWaits: true).ConfigureAwait(false);
            return Summary(step);
        }, cancellationToken);

    /// <summary>Retries the incidents whose back-off has elapsed; returns how many were retried.</summary>
    /// <param name="cancellationToken">Stops the retries.</param>
    /// <param name="failures">Told about each instance whose retry could not run (instance id, reason).</param>
    public async Task<int> RetryDueIncidentsAsync(CancellationToken cancellationToken, Action<string, Exception>? failures = null)
    {
        var now = clock.GetUtcNow();
        List<string> due;
        await using (var db = createContext())
        {
            due = await db.Set<InstanceRecord>().AsNoTracking()
                .Where(i => i.Status == nameof(InstanceStatus.Incident) && i.NextRetryAt != null && i.NextRetryAt <= now)
                .OrderBy(i => i.NextRetryAt)
                .Select(i => i.Id)
                .Take(options.TimerBatchSize)
                .ToListAsync(cancellationToken).ConfigureAwait(false);
        }

        var retried = 0;
        foreach (var instanceId in due)
        {
            try
            {
                await RetryAsync(instanceId, cancellationToken).ConfigureAwait(false);
                retried++;
            }
            catch (InstanceStateException)
            {
                // Another host retried it first.
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // The retry itself failed (e.g. the definition no longer loads): try again later, and let the others run.
                await using var db = createContext();
                var later = now + options.RetryBackoff;
                await db.Set<InstanceRecord>().Where(i => i.Id == instanceId)
                    .ExecuteUpdateAsync(i => i.SetProperty(x => x.NextRetryAt, later), cancellationToken).ConfigureAwait(false);
                failures?.Invoke(instanceId, ex);
            }
        }

        return retried;
    }

    /// <summary>Ends an instance on a person's decision: its waits disappear and its open tasks are cancelled.</summary>
    public Task<InstanceSummary> CancelAsync(string instanceId, CancellationToken cancellationToken) =>
        InTransactionAsync(async db =>
        {
            var step = await LoadAsync(db, instanceId, cancellationToken).ConfigureAwait(false);
            if (step.State.Status is InstanceStatus.Completed or InstanceStatus.Failed or InstanceStatus.Cancelled)
            {
                throw new InstanceStateException($"The instance '{instanceId}' already ended ({step.State.Status.ToString().ToLowerInvariant()}).");
            }

            var now = clock.GetUtcNow();
            // The elements the tokens are in are left as cancelled, so no visit stays open (the control tower counts those).
            foreach (var token in step.State.Tokens)
            {
                step.State.History.Add(new HistoryEntry(token.ElementId, HistoryKind.Cancelled, token.Id, now));
            }

            step.State.Status = InstanceStatus.Cancelled;
            step.State.EndedAt = now;
            step.State.Bookmarks.Clear();
            step.State.Tokens.Clear();
            step.State.Incident = null;
            await step.ApplyAsync(clock.GetUtcNow(), options, cancellationToken).ConfigureAwait(false);
            return Summary(step);
        }, cancellationToken);

    private Task<WorkflowStep> LoadAsync(DbContext db, string instanceId, CancellationToken cancellationToken) =>
        WorkflowStep.LoadAsync(db, instanceId, definitions, cancellationToken);
}

/// <summary>An operation the instance's state does not allow (retrying without incident, cancelling an ended instance).</summary>
public sealed class InstanceStateException(string message) : Exception(message);
