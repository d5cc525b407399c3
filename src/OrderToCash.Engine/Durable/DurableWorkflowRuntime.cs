using Microsoft.EntityFrameworkCore;
using OrderToCash.Engine.Durable.Storage;
using OrderToCash.Engine.Handlers;
using OrderToCash.Engine.Runtime;
using OrderToCash.Engine.Runtime.State;
using OrderToCash.Engine.Telemetry;

namespace OrderToCash.Engine.Durable;

/// <summary>
/// The executor made durable: every operation (start, message, timer, user task, retry) is one step run inside one
/// database transaction together with the handlers' own writes. A step takes its instance before reading it, so steps
/// on one instance serialize, and any race it loses is replayed on what the winner committed: no step runs twice
/// (ADR 0013).
/// </summary>
public sealed partial class DurableWorkflowRuntime(
    Func<DbContext> createContext,
    DefinitionStore definitions,
    TimeProvider clock,
    DurableWorkflowOptions options,
    IServiceProvider? services = null,
    Func<IServiceProvider, IRuleSetRunner?>? ruleSets = null)
{
    public DurableWorkflowOptions Options => options;

    public DefinitionStore Definitions => definitions;

    /// <summary>Starts the latest version of <paramref name="processId"/> at its none start event.</summary>
    public async Task<InstanceSummary> StartAsync(string processId, IReadOnlyDictionary<string, object?>? variables, string? businessKey, CancellationToken cancellationToken)
    {
        var plan = definitions.Latest(processId) ?? throw new KeyNotFoundException($"No process '{processId}' is published.");
        return await InTransactionAsync(async db =>
        {
            var state = await Executor(db).StartAsync(plan, variables, cancellationToken: cancellationToken, businessKey: businessKey).ConfigureAwait(false);
            var step = WorkflowStep.New(db, state, plan, businessKey);
            await FinishAsync([step], cancellationToken).ConfigureAwait(false);
            return Summary(step);
        }, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Reads an instance with its stored state and its path.</summary>
    public async Task<InstanceDetails?> GetAsync(string instanceId, CancellationToken cancellationToken)
    {
        await using var db = createContext();
        var record = await db.Set<InstanceRecord>().AsNoTracking().FirstOrDefaultAsync(i => i.Id == instanceId, cancellationToken).ConfigureAwait(false);
        if (record is null)
        {
            return null;
        }

        var path = await db.Set<ElementVisitRecord>().AsNoTracking().Where(v => v.InstanceId == instanceId)
            .OrderBy(v => v.Id).Select(ElementVisit.FromRecord).ToListAsync(cancellationToken).ConfigureAwait(false);
        return new InstanceDetails(ToInstance(record), InstanceStateJson.Deserialize(record.State), path);
    }

    /// <summary>Runs <paramref name="work"/> in a fresh unit of work; replays it when another host changed the instance meanwhile.</summary>
    private async Task<T> InTransactionAsync<T>(Func<DbContext, Task<T>> work, CancellationToken cancellationToken)
    {
        for (var attempt = 0; ; attempt++)
        {
            using var activity = EngineTelemetry.ActivitySource.StartActivity("workflow step");
            await using var db = createContext();
            // A batch tracks thousands of rows: changes are detected once, before saving, not at every lookup.
            db.ChangeTracker.AutoDetectChangesEnabled = false;
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
            try
            {
                var result = await work(db).ConfigureAwait(false);
                db.ChangeTracker.DetectChanges();
                await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
                await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
                return result;
            }
            catch (Exception ex) when (ex is DbUpdateException or StaleStepException or StepConflictException && attempt < options.ConcurrencyRetries)
            {
                // Another host got there first (advanced the instance, created the same row): its step stands, ours is
                // discarded and replayed on what it committed.
                await transaction.RollbackAsync(cancellationToken).ConfigureAwait(false);
            }
        }
    }

    private static readonly Func<InstanceRecord, WorkflowInstance> ToInstance = WorkflowInstance.FromRecord.Compile();

    /// <summary>An executor on <paramref name="db"/>'s unit of work; <paramref name="completed"/> is the user task whose completion the step runs, which its handlers may ask for.</summary>
    private WorkflowExecutor Executor(DbContext db, CompletedUserTask? completed = null)
    {
        var stepServices = new StepServiceProvider(db, services, createContext, completed);
        var runner = ruleSets?.Invoke(stepServices);
        return new WorkflowExecutor(clock, runner is null ? null : new StepGuardedRuleSetRunner(runner), definitions, stepServices, options.Budgets);
    }

    /// <summary>
    /// Delivers buffered messages to the bookmarks the steps created (one query per round for the whole batch), then
    /// writes every step's consequences into the unit of work.
    /// </summary>
    private async Task FinishAsync(List<WorkflowStep> steps, CancellationToken cancellationToken, bool offerToExistingWaits = false)
    {
        var waiting = steps.Where(s => s.State.Status == InstanceStatus.Running)
            .SelectMany(s => s.MessageBookmarks(offerToExistingWaits).Select(b => (Step: s, Bookmark: b))).ToList();
        while (waiting.Count > 0)
        {
            waiting = await DeliverBufferedAsync(waiting, cancellationToken).ConfigureAwait(false);
        }

        var now = clock.GetUtcNow();
        foreach (var step in steps)
        {
            await step.ApplyAsync(now, options, cancellationToken).ConfigureAwait(false);
            Report(step);
        }

        if (steps.Count > 0)
        {
            await WorkflowStep.AppendNewRowsAsync(steps[0].Db, steps, cancellationToken).ConfigureAwait(false);
        }
    }

    private static InstanceSummary Summary(WorkflowStep step) =>
        new(step.Record.Id, step.Record.ProcessId, step.Record.Version, step.State.Status, step.Record.BusinessKey) { IncidentMessage = step.State.Incident?.Message };
}

public sealed record InstanceSummary(string Id, string ProcessId, int Version, InstanceStatus Status, string? BusinessKey)
{
    /// <summary>Why the step stopped, when it ended in an incident.</summary>
    public string? IncidentMessage { get; init; }
}

/// <summary>An instance as stored, and its path: every element visited, in order, with entry and exit times.</summary>
public sealed record InstanceDetails(WorkflowInstance Record, InstanceState State, IReadOnlyList<ElementVisit> Path);
