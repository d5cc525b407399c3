using Microsoft.EntityFrameworkCore;
using OrderToCash.Engine.Runtime;
using OrderToCash.Engine.Runtime.State;

namespace OrderToCash.Engine.Durable;

/// <summary>
/// The commands of the durable runtime: start, correlate, retry, cancel, migrate, claim and complete. Each is one step
/// run inside one database transaction together with the handlers' own writes (<see cref="StepUnitOfWork"/>). A step
/// takes its instance before reading it, so steps on one instance serialize, and any race it loses is replayed on what
/// the winner committed: no step runs twice (ADR 0013). Reads are <see cref="WorkflowReader"/>'s; the work that falls
/// due with time is <see cref="WorkflowDispatcher"/>'s.
/// </summary>
public sealed class DurableWorkflowRuntime
{
    private readonly UserTaskCommands _userTasks;
    private readonly InstanceMigrator _migrator;

    public DurableWorkflowRuntime(
        Func<DbContext> createContext,
        DefinitionStore definitions,
        TimeProvider clock,
        DurableWorkflowOptions options,
        IServiceProvider? services = null,
        Func<IServiceProvider, IRuleSetRunner?>? ruleSets = null)
    {
        UnitOfWork = new StepUnitOfWork(createContext, definitions, clock, options, services, ruleSets);
        Correlation = new MessageCorrelation(UnitOfWork);
        _userTasks = new UserTaskCommands(UnitOfWork);
        _migrator = new InstanceMigrator(UnitOfWork);
    }

    public DurableWorkflowOptions Options => UnitOfWork.Options;

    public DefinitionStore Definitions => UnitOfWork.Definitions;

    internal StepUnitOfWork UnitOfWork { get; }

    internal MessageCorrelation Correlation { get; }

    /// <summary>Starts the latest version of <paramref name="processId"/> at its none start event.</summary>
    public Task<InstanceSummary> StartAsync(string processId, IReadOnlyDictionary<string, object?>? variables, string? businessKey, CancellationToken cancellationToken)
    {
        var plan = Latest(processId);
        return UnitOfWork.InTransactionAsync(db => StartStepAsync(db, plan, variables, businessKey, cancellationToken), cancellationToken);
    }

    /// <summary>
    /// Starts the latest version of <paramref name="processId"/> inside the caller's unit of work: <paramref name="db"/>
    /// with its transaction open. The first step runs now, on that connection (its handlers see the caller's uncommitted
    /// rows, e.g. the order just inserted), and everything it writes commits or rolls back with the caller's own writes:
    /// "insert the order + start its process" is one commit. The caller saves and commits; a race the step loses
    /// (<see cref="StepConflictException"/>, a <see cref="DbUpdateException"/>) is the caller's to replay with its
    /// whole unit of work.
    /// </summary>
    public Task<InstanceSummary> StartInAsync(DbContext db, string processId, IReadOnlyDictionary<string, object?>? variables, string? businessKey, CancellationToken cancellationToken)
    {
        var plan = Latest(processId);
        EnsureTransaction(db);
        return StartStepAsync(db, plan, variables, businessKey, cancellationToken);
    }

    /// <summary>
    /// Starts many instances in ONE transaction (group commit): one durable commit for the whole batch instead of one
    /// per instance, which is what lifts throughput past the disk's commits per second. All or nothing: a conflict
    /// replays the whole batch.
    /// </summary>
    public Task<IReadOnlyList<InstanceSummary>> StartManyAsync(string processId, IReadOnlyList<StartRequest> requests, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(requests);
        var plan = Latest(processId);
        return UnitOfWork.InTransactionAsync<IReadOnlyList<InstanceSummary>>(async db =>
        {
            var executor = UnitOfWork.Executor(db);
            var steps = new List<WorkflowStep>(requests.Count);
            foreach (var request in requests)
            {
                var state = await executor.StartAsync(plan, request.Variables, cancellationToken: cancellationToken, businessKey: request.BusinessKey).ConfigureAwait(false);
                steps.Add(WorkflowStep.New(db, state, plan, request.BusinessKey));
            }

            await UnitOfWork.FinishAsync(steps, cancellationToken).ConfigureAwait(false);
            return [.. steps.Select(StepUnitOfWork.Summary)];
        }, cancellationToken);
    }

    /// <summary>
    /// Correlates a message by name and business key. A message id seen before changes nothing; a message nobody waits
    /// for starts the process that has a message start event for it, or is buffered until its time-to-live ends.
    /// </summary>
    public async Task<CorrelationResult> CorrelateAsync(IncomingMessage message, CancellationToken cancellationToken) =>
        (await CorrelateManyAsync([message], cancellationToken).ConfigureAwait(false))[0];

    /// <summary>Correlates many messages in ONE transaction (group commit), with the single-message semantics for each.</summary>
    public Task<IReadOnlyList<CorrelationResult>> CorrelateManyAsync(IReadOnlyList<IncomingMessage> messages, CancellationToken cancellationToken)
    {
        MessageCorrelation.CheckMessages(messages);
        return UnitOfWork.InTransactionAsync(db => Correlation.CorrelateAsync(db, messages, cancellationToken), cancellationToken);
    }

    /// <summary>
    /// Correlates messages inside the caller's unit of work (see <see cref="StartInAsync"/>), with the semantics of
    /// <see cref="CorrelateManyAsync"/>: the steps they resume run now and commit with the caller's writes.
    /// </summary>
    public Task<IReadOnlyList<CorrelationResult>> CorrelateInAsync(DbContext db, IReadOnlyList<IncomingMessage> messages, CancellationToken cancellationToken)
    {
        MessageCorrelation.CheckMessages(messages);
        EnsureTransaction(db);
        return Correlation.CorrelateAsync(db, messages, cancellationToken);
    }

    /// <summary>Runs the failed element again (after its cause was fixed, or as an automatic retry).</summary>
    public Task<InstanceSummary> RetryAsync(string instanceId, CancellationToken cancellationToken) =>
        UnitOfWork.InTransactionAsync(async db =>
        {
            var step = await UnitOfWork.LoadAsync(db, instanceId, cancellationToken).ConfigureAwait(false);
            if (step.State.Status != InstanceStatus.Incident)
            {
                throw new InstanceStateException($"The instance '{instanceId}' has no incident to retry (it is {step.State.Status.ToString().ToLowerInvariant()}).");
            }

            await UnitOfWork.Executor(db).RetryAsync(step.Plan, step.State, cancellationToken).ConfigureAwait(false);
            await UnitOfWork.FinishAsync([step], cancellationToken, offerToExistingWaits: true).ConfigureAwait(false);
            return StepUnitOfWork.Summary(step);
        }, cancellationToken);

    /// <summary>Ends an instance on a person's decision: its waits disappear and its open tasks are cancelled.</summary>
    public Task<InstanceSummary> CancelAsync(string instanceId, CancellationToken cancellationToken) =>
        UnitOfWork.InTransactionAsync(async db =>
        {
            var step = await UnitOfWork.LoadAsync(db, instanceId, cancellationToken).ConfigureAwait(false);
            if (step.State.Status is InstanceStatus.Completed or InstanceStatus.Failed or InstanceStatus.Cancelled)
            {
                throw new InstanceStateException($"The instance '{instanceId}' already ended ({step.State.Status.ToString().ToLowerInvariant()}).");
            }

            var now = UnitOfWork.Clock.GetUtcNow();
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
            await step.ApplyAsync(now, UnitOfWork.Options, cancellationToken).ConfigureAwait(false);
            await WorkflowStep.WriteRowsAsync(db, [step], cancellationToken).ConfigureAwait(false);
            return StepUnitOfWork.Summary(step);
        }, cancellationToken);

    /// <summary>
    /// Moves the waiting instances (running or in incident) of one version of a process to another, in one transaction
    /// per batch of <see cref="DurableWorkflowOptions.MigrationBatchSize"/>: either every instance of the batch moves,
    /// or none does and the result lists the refusals. With <paramref name="preview"/> nothing is written.
    /// </summary>
    /// <exception cref="InstanceMigrationException">A version is not published, the versions are the same, a mapping names an unknown element, or a named instance does not run the source version.</exception>
    public Task<MigrationResult> MigrateAsync(InstanceMigration request, string migratedBy, bool preview, CancellationToken cancellationToken) =>
        _migrator.MigrateAsync(request, migratedBy, preview, cancellationToken);

    /// <summary>Takes an open task for oneself; a task claimed by someone else, or for another role, is refused.</summary>
    public Task<UserTask> ClaimAsync(string taskId, string user, IReadOnlyCollection<string> roles, CancellationToken cancellationToken) =>
        _userTasks.ClaimAsync(taskId, user, roles, cancellationToken);

    /// <summary>
    /// Completes a task with its outputs, which the element's output mappings check and turn into variables; outputs
    /// that do not fit are refused and nothing changes. A task claimed by someone else cannot be completed.
    /// </summary>
    public Task<InstanceSummary> CompleteAsync(string taskId, string user, IReadOnlyCollection<string> roles, IReadOnlyDictionary<string, object?>? outputs, CancellationToken cancellationToken) =>
        _userTasks.CompleteAsync(taskId, user, roles, outputs, cancellationToken);

    private Runtime.Plan.ExecutionPlan Latest(string processId) =>
        UnitOfWork.Definitions.Latest(processId) ?? throw new KeyNotFoundException($"No process '{processId}' is published.");

    private async Task<InstanceSummary> StartStepAsync(DbContext db, Runtime.Plan.ExecutionPlan plan, IReadOnlyDictionary<string, object?>? variables, string? businessKey, CancellationToken cancellationToken)
    {
        var state = await UnitOfWork.Executor(db).StartAsync(plan, variables, cancellationToken: cancellationToken, businessKey: businessKey).ConfigureAwait(false);
        var step = WorkflowStep.New(db, state, plan, businessKey);
        await UnitOfWork.FinishAsync([step], cancellationToken).ConfigureAwait(false);
        return StepUnitOfWork.Summary(step);
    }

    private static void EnsureTransaction(DbContext db)
    {
        ArgumentNullException.ThrowIfNull(db);
        if (db.Database.CurrentTransaction is null)
        {
            throw new InvalidOperationException("The caller's unit of work must have begun its transaction before a workflow step joins it.");
        }
    }
}

public sealed record InstanceSummary(string Id, string ProcessId, int Version, InstanceStatus Status, string? BusinessKey)
{
    /// <summary>Why the step stopped, when it ended in an incident.</summary>
    public string? IncidentMessage { get; init; }
}

/// <summary>One instance to start: its variables and business key.</summary>
public sealed record StartRequest(IReadOnlyDictionary<string, object?>? Variables = null, string? BusinessKey = null);

/// <summary>An operation the instance's state does not allow (retrying without incident, cancelling an ended instance).</summary>
public sealed class InstanceStateException(string message) : Exception(message);
