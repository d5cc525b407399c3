using Microsoft.EntityFrameworkCore;
using OrderToCash.Engine.Durable.Storage;
using OrderToCash.Engine.Runtime.State;

namespace OrderToCash.Engine.Durable;

public sealed partial class DurableWorkflowRuntime
{
    /// <summary>Instances stopped by an incident, oldest first.</summary>
    public async Task<IReadOnlyList<InstanceRecord>> IncidentsAsync(CancellationToken cancellationToken)
    {
        await using var db = createContext();
        return await db.Set<InstanceRecord>().AsNoTracking()
            .Where(i => i.Status == nameof(InstanceStatus.Incident))
            .OrderBy(i => i.UpdatedAt)
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
            await FinishAsync([step], cancellationToken).ConfigureAwait(false);
            return Summary(step);
        }, cancellationToken);

    /// <summary>Retries the incidents whose back-off has elapsed; returns how many were retried.</summary>
    public async Task<int> RetryDueIncidentsAsync(CancellationToken cancellationToken)
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

            step.State.Status = InstanceStatus.Cancelled;
            step.State.EndedAt = clock.GetUtcNow();
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
