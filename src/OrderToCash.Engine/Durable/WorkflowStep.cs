using Microsoft.EntityFrameworkCore;
using OrderToCash.Engine.Durable.Storage;
using OrderToCash.Engine.Runtime;
using OrderToCash.Engine.Runtime.Plan;
using OrderToCash.Engine.Runtime.State;

namespace OrderToCash.Engine.Durable;

/// <summary>
/// One step of one instance inside a unit of work: the state as loaded, what the executor changed, and the rows that
/// must follow (timers, subscriptions, user tasks, history, the instance row itself). Nothing is committed until the
/// unit of work commits, so a crash anywhere in the step leaves the previous state intact.
/// </summary>
internal sealed class WorkflowStep
{
    private readonly Dictionary<string, BookmarkKind> _bookmarksBefore;
    private readonly Dictionary<(string TokenId, string ElementId), ElementVisitRecord> _openVisits = [];
    private readonly Incident? _incidentBefore;

    // Rows this step creates and never changes after the step: appended in bulk by the unit of work (RowInserter).
    private readonly List<ElementVisitRecord> _newVisits = [];
    private readonly HashSet<ElementVisitRecord> _newVisitSet = [];
    private readonly List<SubscriptionRecord> _newSubscriptions = [];
    private readonly List<TimerRecord> _newTimers = [];

    // Rows read untracked that the step changes or deletes: written by key by the unit of work (RowWriter, ADR 0135).
    private readonly List<ElementVisitRecord> _closedVisits = [];
    private readonly List<string> _consumedSubscriptions = [];
    private readonly List<string> _consumedTimers = [];
    private long _storedRevision;
    private bool _changed;

    private WorkflowStep(DbContext db, InstanceRecord record, InstanceState state, ExecutionPlan plan, bool isNew)
    {
        Db = db;
        IsNew = isNew;
        Record = record;
        State = state;
        Plan = plan;
        // A new instance's step has already run when it is created: any incident it has, it opened.
        _incidentBefore = isNew ? null : state.Incident;
        _storedRevision = record.Revision;
        _bookmarksBefore = isNew ? [] : state.Bookmarks.ToDictionary(b => b.Id, b => b.Kind, StringComparer.Ordinal);
    }

    public DbContext Db { get; }

    /// <summary>The instance starts in this step: its row is appended with the step's other new rows, not tracked.</summary>
    public bool IsNew { get; }

    public InstanceRecord Record { get; }

    public InstanceState State { get; }

    public ExecutionPlan Plan { get; }

    /// <summary>
    /// When the step was loaded (<see cref="System.Diagnostics.Stopwatch.GetTimestamp"/>), for its duration; a new
    /// instance's step is created after its first run, so only its writing is timed.
    /// </summary>
    public long StartedTimestamp { get; } = System.Diagnostics.Stopwatch.GetTimestamp();

    /// <summary>The incident this step opened (none when the instance was already stopped by it or runs on).</summary>
    public Incident? OpenedIncident => State.Status == InstanceStatus.Incident && State.Incident is { } incident && !ReferenceEquals(incident, _incidentBefore) ? incident : null;

    /// <summary>The user task completed in this step, so that it is recorded as completed rather than cancelled.</summary>
    public (string BookmarkId, string User, string? Outputs)? CompletedTask { get; set; }

    /// <summary>
    /// Takes the instances, then reads them: the revision bump is the transaction's first write to each row, so a
    /// concurrent step on the same instance waits for this one to end (PostgreSQL, SQL Server row locks; SQLite's single
    /// writer) and then reads what it committed. Ids are taken in order so two batches never deadlock.
    /// </summary>
    public static async Task<Dictionary<string, WorkflowStep>> LoadManyAsync(DbContext db, IEnumerable<string> instanceIds, DefinitionStore definitions, CancellationToken cancellationToken)
    {
        var ids = instanceIds.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        var steps = new Dictionary<string, WorkflowStep>(StringComparer.Ordinal);
        if (ids.Count == 0)
        {
            return steps;
        }

        await db.Set<InstanceRecord>().Where(i => ids.Contains(i.Id))
            .ExecuteUpdateAsync(i => i.SetProperty(x => x.Revision, x => x.Revision + 1), cancellationToken).ConfigureAwait(false);
        // Untracked: the step writes its instance row itself, against the revision it took (WriteRowsAsync).
        var records = await db.Set<InstanceRecord>().AsNoTracking().Where(i => ids.Contains(i.Id)).ToListAsync(cancellationToken).ConfigureAwait(false);
        foreach (var record in records)
        {
            var plan = definitions.Find(record.ProcessId, record.Version)
                ?? throw new WorkflowRuntimeException($"The instance '{record.Id}' runs '{record.ProcessId}' version {record.Version}, which is not published.");
            steps[record.Id] = new WorkflowStep(db, record, InstanceStateJson.Deserialize(record.State), plan, isNew: false);
        }

        // The elements the tokens are in now: leaving them closes these visits.
        var open = await db.Set<ElementVisitRecord>().AsNoTracking().Where(v => ids.Contains(v.InstanceId) && v.LeftAt == null)
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        foreach (var visit in open)
        {
            steps[visit.InstanceId]._openVisits[(visit.TokenId, visit.ElementId)] = visit;
        }

        return steps;
    }

    public static async Task<WorkflowStep> LoadAsync(DbContext db, string instanceId, DefinitionStore definitions, CancellationToken cancellationToken) =>
        (await LoadManyAsync(db, [instanceId], definitions, cancellationToken).ConfigureAwait(false)).GetValueOrDefault(instanceId)
            ?? throw new KeyNotFoundException($"Instance '{instanceId}' was not found.");

    public static WorkflowStep New(DbContext db, InstanceState state, ExecutionPlan plan, string? businessKey)
    {
        var record = new InstanceRecord
        {
            Id = state.Id,
            ProcessId = plan.ProcessId,
            Version = plan.Version,
            BusinessKey = businessKey,
            Status = state.Status.ToString(),
            State = string.Empty,
            StartedAt = state.StartedAt,
        };
        return new WorkflowStep(db, record, state, plan, isNew: true);
    }

    /// <summary>Whether the instance still has the bookmark (it may be stopped by an incident meanwhile).</summary>
    public bool HasBookmark(string bookmarkId) => State.Bookmarks.Exists(b => b.Id == bookmarkId);

    /// <summary>Whether the bookmark can be resumed now: the instance runs and still waits there.</summary>
    public bool IsWaitingAt(string bookmarkId) => State.Status == InstanceStatus.Running && HasBookmark(bookmarkId);

    /// <summary>Throws <see cref="StaleStepException"/> when the bookmark is gone (another step consumed it).</summary>
    public void EnsureHasBookmark(string bookmarkId)
    {
        if (!HasBookmark(bookmarkId))
        {
            throw new StaleStepException($"The instance '{Record.Id}' no longer waits at '{bookmarkId}'.");
        }
    }

    /// <summary>
    /// The message bookmarks buffered messages may go to: the ones this step created, or all of them after an incident
    /// was retried (a message that arrived during the incident was buffered for them).
    /// </summary>
    public IEnumerable<Bookmark> MessageBookmarks(bool includeExisting) =>
        State.Bookmarks.Where(b => b.Kind == BookmarkKind.Message && (includeExisting || !_bookmarksBefore.ContainsKey(b.Id)));

    /// <summary>
    /// Turns the state the executor left into the rows that must follow (instance, waits, tasks, visits); the unit of
    /// work writes them, not yet committed (<see cref="WriteRowsAsync"/>).
    /// </summary>
    public async Task ApplyAsync(DateTimeOffset now, DurableWorkflowOptions options, CancellationToken cancellationToken)
    {
        await SyncBookmarksAsync(now, cancellationToken).ConfigureAwait(false);
        RecordVisits();
        _changed = true;
        var record = Record;
        var previousIncidentElement = record.IncidentElementId;
        record.State = InstanceStateJson.Serialize(State);
        record.Status = State.Status.ToString();
        record.UpdatedAt = now;
        record.EndedAt = State.EndedAt;
        record.Revision++;
        if (State.Status == InstanceStatus.Incident && State.Incident is { } incident)
        {
            // The element's own o2c:retries / o2c:retryBackoff win over the runtime's defaults.
            var element = Plan.Nodes.GetValueOrDefault(incident.ElementId)?.Model;
            var maxRetries = element?.MaxRetries ?? options.MaxAutomaticRetries;
            var backoff = element?.RetryBackoffTime ?? options.RetryBackoff;
            record.IncidentAttempts = previousIncidentElement == incident.ElementId ? record.IncidentAttempts + 1 : 0;
            record.IncidentElementId = incident.ElementId;
            record.IncidentMessage = incident.Message;
            // Going over a budget other than time would happen again on every retry: a person decides (ADR 0091).
            var deterministic = incident.Budget is not null && incident.Budget != nameof(Runtime.WorkflowBudgets.MaxStepTime);
            record.NextRetryAt = record.IncidentAttempts < maxRetries && !deterministic
                ? now + backoff * Math.Pow(2, record.IncidentAttempts)
                : null;
        }
        else
        {
            (record.IncidentElementId, record.IncidentMessage, record.IncidentAttempts, record.NextRetryAt) = (null, null, 0, null);
        }
    }

    private async Task SyncBookmarksAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        var after = State.Bookmarks.ToDictionary(b => b.Id, StringComparer.Ordinal);
        foreach (var (removed, kind) in _bookmarksBefore.Where(b => !after.ContainsKey(b.Key)))
        {
            switch (kind)
            {
                case BookmarkKind.Timer:
                    _consumedTimers.Add(removed);
                    break;
                case BookmarkKind.Message:
                    _consumedSubscriptions.Add(removed);
                    break;
                case BookmarkKind.UserTask:
                    await CloseTaskAsync(removed, now, cancellationToken).ConfigureAwait(false);
                    break;
                default:
                    throw new WorkflowRuntimeException($"Unknown bookmark kind {kind}.");
            }
        }

        foreach (var bookmark in after.Values.Where(b => !_bookmarksBefore.ContainsKey(b.Id)))
        {
            switch (bookmark.Kind)
            {
                case BookmarkKind.Timer:
                    _newTimers.Add(new TimerRecord { InstanceId = Record.Id, BookmarkId = bookmark.Id, ElementId = bookmark.ElementId, DueAt = bookmark.DueAt ?? now });
                    continue;
                case BookmarkKind.Message:
                    _newSubscriptions.Add(new SubscriptionRecord
                    {
                        InstanceId = Record.Id,
                        BookmarkId = bookmark.Id,
                        ElementId = bookmark.ElementId,
                        MessageName = bookmark.MessageName ?? string.Empty,
                        CorrelationKey = bookmark.CorrelationKey,
                        CreatedAt = now,
                    });
                    continue;
            }

            Db.Add(bookmark.Kind switch
            {
                BookmarkKind.UserTask => new UserTaskRecord
                {
                    Id = UserTaskId(Record.Id, bookmark.Id),
                    InstanceId = Record.Id,
                    BookmarkId = bookmark.Id,
                    ProcessId = bookmark.ProcessId ?? Record.ProcessId,
                    Version = bookmark.ProcessId is null ? Record.Version : bookmark.Version ?? 0,
                    ElementId = bookmark.ElementId,
                    Name = bookmark.Name ?? (Plan.Nodes.TryGetValue(bookmark.ElementId, out var node) ? node.Model.Name : null),
                    CandidateRole = bookmark.CandidateRole,
                    BusinessKey = Record.BusinessKey,
                    // A task for a person (o2c:assignee) is theirs from the start: in their inbox, claimed by them.
                    Status = bookmark.Assignee is null ? UserTaskStatus.Open : UserTaskStatus.Claimed,
                    Assignee = bookmark.Assignee,
                    ClaimedAt = bookmark.Assignee is null ? null : now,
                    CreatedAt = now,
                    DueAt = bookmark.DueAt,
                },
                _ => throw new WorkflowRuntimeException($"Unknown bookmark kind {bookmark.Kind}."),
            });
        }
    }

    private async Task CloseTaskAsync(string bookmarkId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var id = UserTaskId(Record.Id, bookmarkId);
        var task = Db.Set<UserTaskRecord>().Local.FirstOrDefault(t => t.Id == id)
            ?? await Db.Set<UserTaskRecord>().FirstOrDefaultAsync(t => t.Id == id, cancellationToken).ConfigureAwait(false);
        if (task is null || task.Status is not (UserTaskStatus.Open or UserTaskStatus.Claimed))
        {
            return;
        }

        if (CompletedTask is { } done && done.BookmarkId == bookmarkId)
        {
            (task.Status, task.CompletedAt, task.CompletedBy, task.Outputs) = (UserTaskStatus.Completed, now, done.User, done.Outputs);
        }
        else
        {
            (task.Status, task.CompletedAt) = (UserTaskStatus.Cancelled, now);
        }
    }

    /// <summary>
    /// Turns the step's path into visit rows, and drops it from the state snapshot: the rows are the history, so the
    /// snapshot stays the size of what the instance is doing now, not of everything it did.
    /// </summary>
    private void RecordVisits()
    {
        foreach (var entry in State.History)
        {
            var key = (entry.TokenId, entry.ElementId);
            if (entry.Kind == HistoryKind.Entered)
            {
                // A retried step enters the element its token never left: the passage stopped by the incident goes on
                // (a second visit would stay open for ever, and the control tower would count the token as waiting).
                if (!_openVisits.ContainsKey(key))
                {
                    _openVisits[key] = AddVisit(entry);
                }

                continue;
            }

            if (!_openVisits.Remove(key, out var open))
            {
                // Left without a recorded entry (an element passed through in zero time): one closed visit.
                open = AddVisit(entry);
            }
            else if (!_newVisitSet.Contains(open))
            {
                _closedVisits.Add(open);
            }

            open.LeftAt = entry.At;
            open.DurationTicks = (entry.At - open.EnteredAt).Ticks;
            open.Outcome = entry.Kind == HistoryKind.Cancelled ? "Cancelled" : "Completed";
            open.VariablesWritten = InstanceStateJson.SerializePayload(entry.Written);
        }

        State.History.Clear();
    }

    private ElementVisitRecord AddVisit(HistoryEntry entry)
    {
        var visit = new ElementVisitRecord
        {
            InstanceId = Record.Id,
            ProcessId = entry.Process?.ProcessId ?? Record.ProcessId,
            Version = entry.Process?.Version ?? Record.Version,
            ElementId = entry.ElementId,
            TokenId = entry.TokenId,
            EnteredAt = entry.At,
        };
        _newVisits.Add(visit);
        _newVisitSet.Add(visit);
        return visit;
    }

    /// <summary>
    /// Writes the rows the steps of one unit of work changed, in its transaction; called once, after every step was
    /// applied. Consumed waits are deleted, new rows appended with multi-row INSERTs (new instances first: waits refer to
    /// them), closed visits and advanced instances updated by key, each instance only where it still has the revision
    /// its step took: otherwise another host advanced it and the unit of work replays.
    /// </summary>
    public static async Task WriteRowsAsync(DbContext db, IReadOnlyCollection<WorkflowStep> steps, CancellationToken cancellationToken)
    {
        if (db.Database.CurrentTransaction is null)
        {
            // No transaction to write in (a caller's context saving on its own): the change tracker saves them together.
            await TrackRowsAsync(db, steps, cancellationToken).ConfigureAwait(false);
            return;
        }

        await RowWriter.DeleteAsync<SubscriptionRecord>(db, [.. steps.SelectMany(s => s._consumedSubscriptions.Select(b => new object?[] { s.Record.Id, b }))], cancellationToken).ConfigureAwait(false);
        await RowWriter.DeleteAsync<TimerRecord>(db, [.. steps.SelectMany(s => s._consumedTimers.Select(b => new object?[] { s.Record.Id, b }))], cancellationToken).ConfigureAwait(false);
        await RowInserter.InsertAsync(db, [.. steps.Where(s => s.IsNew).Select(s => s.Record)], cancellationToken).ConfigureAwait(false);
        await RowInserter.InsertAsync(db, [.. steps.SelectMany(s => s._newSubscriptions)], cancellationToken).ConfigureAwait(false);
        await RowInserter.InsertAsync(db, [.. steps.SelectMany(s => s._newTimers)], cancellationToken).ConfigureAwait(false);
        await RowInserter.InsertAsync(db, [.. steps.SelectMany(s => s._newVisits)], cancellationToken).ConfigureAwait(false);
        await RowWriter.UpdateAsync(db, [.. steps.SelectMany(s => s._closedVisits)], null, cancellationToken).ConfigureAwait(false);
        var advanced = steps.Where(s => !s.IsNew && s._changed).ToList();
        await RowWriter.UpdateAsync(db, [.. advanced.Select(s => s.Record)], [.. advanced.Select(s => (object?)s._storedRevision)], cancellationToken).ConfigureAwait(false);
        foreach (var step in advanced)
        {
            step._storedRevision = step.Record.Revision;
        }

        Clear(steps);
    }

    private static async Task TrackRowsAsync(DbContext db, IReadOnlyCollection<WorkflowStep> steps, CancellationToken cancellationToken)
    {
        foreach (var step in steps)
        {
            var id = step.Record.Id;
            foreach (var bookmark in step._consumedSubscriptions)
            {
                await db.Set<SubscriptionRecord>().Where(w => w.InstanceId == id && w.BookmarkId == bookmark).ExecuteDeleteAsync(cancellationToken).ConfigureAwait(false);
            }

            foreach (var bookmark in step._consumedTimers)
            {
                await db.Set<TimerRecord>().Where(w => w.InstanceId == id && w.BookmarkId == bookmark).ExecuteDeleteAsync(cancellationToken).ConfigureAwait(false);
            }

            if (!step.IsNew && step._changed)
            {
                var entry = db.Attach(step.Record);
                entry.Property(r => r.Revision).OriginalValue = step._storedRevision;
                entry.State = EntityState.Modified;
                step._storedRevision = step.Record.Revision;
            }
        }

        db.AddRange(steps.Where(s => s.IsNew).Select(s => s.Record));
        db.AddRange(steps.SelectMany(s => s._newSubscriptions));
        db.AddRange(steps.SelectMany(s => s._newTimers));
        db.AddRange(steps.SelectMany(s => s._newVisits));
        db.UpdateRange(steps.SelectMany(s => s._closedVisits));
        Clear(steps);
    }

    private static void Clear(IReadOnlyCollection<WorkflowStep> steps)
    {
        foreach (var step in steps)
        {
            step._newSubscriptions.Clear();
            step._newTimers.Clear();
            step._newVisits.Clear();
            step._newVisitSet.Clear();
            step._closedVisits.Clear();
            step._consumedSubscriptions.Clear();
            step._consumedTimers.Clear();
            step._changed = false;
        }
    }

    /// <summary>A user task's id: the instance and its bookmark, so it is stable and unique.</summary>
    public static string UserTaskId(string instanceId, string bookmarkId) => $"{instanceId}-{bookmarkId}";
}
