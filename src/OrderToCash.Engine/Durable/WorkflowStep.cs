using Microsoft.EntityFrameworkCore;
using OrderToCash.Engine.Durable.Storage;
using OrderToCash.Engine.Runtime;
using OrderToCash.Engine.Runtime.Plan;
using OrderToCash.Engine.Runtime.State;

namespace OrderToCash.Engine.Durable;

/// <summary>
/// One step of one instance inside a unit of work: the state as loaded, what the executor changed, and the rows that
/// must follow (timers, subscriptions, user tasks, history, the instance row itself). Nothing is written until the
/// unit of work commits, so a crash anywhere in the step leaves the previous state intact.
/// </summary>
internal sealed class WorkflowStep
{
    private readonly HashSet<string> _bookmarksBefore;
    private readonly int _historyBefore;

    private WorkflowStep(DbContext db, InstanceRecord record, InstanceState state, ExecutionPlan plan, bool isNew)
    {
        Db = db;
        Record = record;
        State = state;
        Plan = plan;
        IsNew = isNew;
        _bookmarksBefore = isNew ? [] : state.Bookmarks.Select(b => b.Id).ToHashSet(StringComparer.Ordinal);
        _historyBefore = isNew ? 0 : state.History.Count;
    }

    public DbContext Db { get; }

    public InstanceRecord Record { get; }

    public InstanceState State { get; private set; }

    public ExecutionPlan Plan { get; }

    public bool IsNew { get; }

    /// <summary>The user task completed in this step, so that it is recorded as completed rather than cancelled.</summary>
    public (string BookmarkId, string User, string? Outputs)? CompletedTask { get; set; }

    /// <summary>
    /// Loads the instance for a step and takes it: a conditional bump of its revision, first statement of the
    /// transaction, so a concurrent step on the same instance waits for this one (or finds the revision moved and
    /// replays). Steps on one instance therefore serialize, on every provider.
    /// </summary>
    public static async Task<WorkflowStep> LoadAsync(DbContext db, InstanceRecord record, DefinitionStore definitions, CancellationToken cancellationToken)
    {
        var loaded = record.Revision;
        var taken = await db.Set<InstanceRecord>()
            .Where(i => i.Id == record.Id && i.Revision == loaded)
            .ExecuteUpdateAsync(i => i.SetProperty(x => x.Revision, loaded + 1), cancellationToken).ConfigureAwait(false);
        if (taken != 1)
        {
            throw new StaleStepException($"The instance '{record.Id}' changed since it was read.");
        }

        db.Entry(record).Property(r => r.Revision).OriginalValue = loaded + 1;
        record.Revision = loaded + 1;
        var plan = definitions.Find(record.ProcessId, record.Version)
            ?? throw new WorkflowRuntimeException($"The instance '{record.Id}' runs '{record.ProcessId}' version {record.Version}, which is not published.");
        return new WorkflowStep(db, record, InstanceStateJson.Deserialize(record.State), plan, isNew: false);
    }

    /// <summary>Throws <see cref="StaleStepException"/> unless the instance still runs and still has the bookmark.</summary>
    public void EnsureWaitingAt(string bookmarkId)
    {
        if (State.Status != InstanceStatus.Running || !State.Bookmarks.Exists(b => b.Id == bookmarkId))
        {
            throw new StaleStepException($"The instance '{Record.Id}' no longer waits at '{bookmarkId}'.");
        }
    }

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
        db.Add(record);
        return new WorkflowStep(db, record, state, plan, isNew: true);
    }

    /// <summary>The message bookmarks this step created (candidates for buffered messages).</summary>
    public IEnumerable<Bookmark> NewMessageBookmarks =>
        State.Bookmarks.Where(b => b.Kind == BookmarkKind.Message && !_bookmarksBefore.Contains(b.Id));

    /// <summary>Writes the consequences of the step into the unit of work (not yet committed).</summary>
    public void Apply(DateTimeOffset now, DurableWorkflowOptions options)
    {
        SyncBookmarks(now);
        AppendHistory();
        var record = Record;
        var previousIncidentElement = record.IncidentElementId;
        record.State = InstanceStateJson.Serialize(State);
        record.Status = State.Status.ToString();
        record.UpdatedAt = now;
        record.EndedAt = State.EndedAt;
        record.Revision++;
        if (State.Status == InstanceStatus.Incident && State.Incident is { } incident)
        {
            record.IncidentAttempts = previousIncidentElement == incident.ElementId ? record.IncidentAttempts + 1 : 0;
            record.IncidentElementId = incident.ElementId;
            record.IncidentMessage = incident.Message;
            record.NextRetryAt = record.IncidentAttempts < options.MaxAutomaticRetries
                ? now + options.RetryBackoff * Math.Pow(2, record.IncidentAttempts)
                : null;
        }
        else
        {
            (record.IncidentElementId, record.IncidentMessage, record.IncidentAttempts, record.NextRetryAt) = (null, null, 0, null);
        }
    }

    private void SyncBookmarks(DateTimeOffset now)
    {
        var after = State.Bookmarks.ToDictionary(b => b.Id, StringComparer.Ordinal);
        foreach (var removed in _bookmarksBefore.Where(id => !after.ContainsKey(id)))
        {
            Db.Set<TimerRecord>().Where(t => t.InstanceId == Record.Id && t.BookmarkId == removed).ExecuteDelete();
            Db.Set<SubscriptionRecord>().Where(s => s.InstanceId == Record.Id && s.BookmarkId == removed).ExecuteDelete();
            var task = Db.Set<UserTaskRecord>().FirstOrDefault(t => t.Id == UserTaskId(Record.Id, removed));
            if (task is not null && task.Status is UserTaskStatus.Open or UserTaskStatus.Claimed)
            {
                if (CompletedTask is { } done && done.BookmarkId == removed)
                {
                    (task.Status, task.CompletedAt, task.CompletedBy, task.Outputs) = (UserTaskStatus.Completed, now, done.User, done.Outputs);
                }
                else
                {
                    (task.Status, task.CompletedAt) = (UserTaskStatus.Cancelled, now);
                }
            }
        }

        foreach (var bookmark in after.Values.Where(b => !_bookmarksBefore.Contains(b.Id)))
        {
            switch (bookmark.Kind)
            {
                case BookmarkKind.Timer:
                    Db.Add(new TimerRecord { InstanceId = Record.Id, BookmarkId = bookmark.Id, ElementId = bookmark.ElementId, DueAt = bookmark.DueAt ?? now });
                    break;
                case BookmarkKind.Message:
                    Db.Add(new SubscriptionRecord
                    {
                        InstanceId = Record.Id,
                        BookmarkId = bookmark.Id,
                        ElementId = bookmark.ElementId,
                        MessageName = bookmark.MessageName ?? string.Empty,
                        CorrelationKey = bookmark.CorrelationKey,
                        CreatedAt = now,
                    });
                    break;
                case BookmarkKind.UserTask:
                    Db.Add(new UserTaskRecord
                    {
                        Id = UserTaskId(Record.Id, bookmark.Id),
                        InstanceId = Record.Id,
                        BookmarkId = bookmark.Id,
                        ProcessId = Record.ProcessId,
                        ElementId = bookmark.ElementId,
                        Name = Plan.Nodes.TryGetValue(bookmark.ElementId, out var node) ? node.Model.Name : null,
                        CandidateRole = bookmark.CandidateRole,
                        BusinessKey = Record.BusinessKey,
                        Status = UserTaskStatus.Open,
                        CreatedAt = now,
                        DueAt = bookmark.DueAt,
                    });
                    break;
                default:
                    throw new WorkflowRuntimeException($"Unknown bookmark kind {bookmark.Kind}.");
            }
        }
    }

    private void AppendHistory()
    {
        for (var i = _historyBefore; i < State.History.Count; i++)
        {
            var entry = State.History[i];
            Db.Add(new HistoryRecord
            {
                InstanceId = Record.Id,
                ProcessId = Record.ProcessId,
                Version = Record.Version,
                ElementId = entry.ElementId,
                Kind = entry.Kind.ToString(),
                TokenId = entry.TokenId,
                At = entry.At,
                Sequence = i,
            });
        }
    }

    /// <summary>A user task's id: the instance and its bookmark, so it is stable and unique.</summary>
    public static string UserTaskId(string instanceId, string bookmarkId) => $"{instanceId}-{bookmarkId}";
}
