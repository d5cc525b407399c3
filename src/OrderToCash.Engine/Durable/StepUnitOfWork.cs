using Microsoft.EntityFrameworkCore;
using OrderToCash.Engine.Durable.Storage;
using OrderToCash.Engine.Handlers;
using OrderToCash.Engine.Runtime;
using OrderToCash.Engine.Runtime.State;
using OrderToCash.Engine.Telemetry;

namespace OrderToCash.Engine.Durable;

/// <summary>
/// How every durable step runs, whoever asks for it (a command, the dispatcher): in one database transaction with the
/// handlers' own writes, replayed on what another host committed when it loses a race, its consequences (waits, tasks,
/// visits, buffered messages for the waits it opened) written before the commit (ADR 0013).
/// </summary>
internal sealed class StepUnitOfWork(
    Func<DbContext> createContext,
    DefinitionStore definitions,
    TimeProvider clock,
    DurableWorkflowOptions options,
    IServiceProvider? services,
    Func<IServiceProvider, IRuleSetRunner?>? ruleSets)
{
    private readonly StepTelemetry _telemetry = new(services);

    public DefinitionStore Definitions => definitions;

    public TimeProvider Clock => clock;

    public DurableWorkflowOptions Options => options;

    public Func<DbContext> CreateContext => createContext;

    /// <summary>Runs <paramref name="work"/> in a fresh unit of work; replays it when another host changed the instance meanwhile.</summary>
    public async Task<T> InTransactionAsync<T>(Func<DbContext, Task<T>> work, CancellationToken cancellationToken)
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

    /// <summary>An executor on <paramref name="db"/>'s unit of work; <paramref name="completed"/> is the user task whose completion the step runs, which its handlers may ask for.</summary>
    public WorkflowExecutor Executor(DbContext db, CompletedUserTask? completed = null)
    {
        var stepServices = new StepServiceProvider(db, services, createContext, completed);
        var runner = ruleSets?.Invoke(stepServices);
        return new WorkflowExecutor(clock, runner is null ? null : new StepGuardedRuleSetRunner(runner), definitions, stepServices, options.Budgets);
    }

    /// <summary>Takes the instance in <paramref name="db"/>'s unit of work, with its definition.</summary>
    public Task<WorkflowStep> LoadAsync(DbContext db, string instanceId, CancellationToken cancellationToken) =>
        WorkflowStep.LoadAsync(db, instanceId, definitions, cancellationToken);

    /// <summary>
    /// Delivers buffered messages to the bookmarks the steps created (one query per round for the whole batch), then
    /// writes every step's consequences into the unit of work.
    /// </summary>
    public async Task FinishAsync(List<WorkflowStep> steps, CancellationToken cancellationToken, bool offerToExistingWaits = false)
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
            _telemetry.Report(step);
        }

        if (steps.Count > 0)
        {
            await WorkflowStep.WriteRowsAsync(steps[0].Db, steps, cancellationToken).ConfigureAwait(false);
        }
    }

    public static InstanceSummary Summary(WorkflowStep step) =>
        new(step.Record.Id, step.Record.ProcessId, step.Record.Version, step.State.Status, step.Record.BusinessKey) { IncidentMessage = step.State.Incident?.Message };

    /// <summary>
    /// For the message bookmarks steps just created, delivers the oldest unexpired buffered message of each (one query for
    /// all). Returns the bookmarks those deliveries created in turn.
    /// </summary>
    private async Task<List<(WorkflowStep Step, Bookmark Bookmark)>> DeliverBufferedAsync(List<(WorkflowStep Step, Bookmark Bookmark)> waiting, CancellationToken cancellationToken)
    {
        var db = waiting[0].Step.Db;
        var now = clock.GetUtcNow();
        var names = waiting.Select(w => w.Bookmark.MessageName).OfType<string>().Distinct(StringComparer.Ordinal).ToList();
        var buffered = await db.Set<MessageRecord>()
            .Where(m => m.Status == MessageStatus.Buffered && names.Contains(m.Name) && m.ExpiresAt > now)
            .OrderBy(m => m.Id)
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        var next = new List<(WorkflowStep, Bookmark)>();
        foreach (var (step, bookmark) in waiting)
        {
            var message = buffered.Find(m => m.Status == MessageStatus.Buffered && m.Name == bookmark.MessageName
                && (bookmark.CorrelationKey is null || m.CorrelationKey == bookmark.CorrelationKey));
            if (message is null || !step.IsWaitingAt(bookmark.Id))
            {
                continue;
            }

            var before = step.State.Bookmarks.Select(b => b.Id).ToHashSet(StringComparer.Ordinal);
            await Executor(db).ResumeAsync(step.Plan, step.State, bookmark.Id, InstanceStateJson.DeserializePayload(message.Payload), cancellationToken).ConfigureAwait(false);
            (message.Status, message.DeliveredTo, message.DeliveredAt) = (MessageStatus.Delivered, step.Record.Id, now);
            next.AddRange(step.State.Bookmarks.Where(b => b.Kind == BookmarkKind.Message && !before.Contains(b.Id)).Select(b => (step, b)));
        }

        return next;
    }
}
