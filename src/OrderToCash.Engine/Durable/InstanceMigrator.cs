using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using OrderToCash.Engine.Durable.Storage;
using OrderToCash.Engine.Runtime.State;

namespace OrderToCash.Engine.Durable;

/// <summary>Instance migration (ADR 0150): waiting instances of one version moved to another, batch by batch.</summary>
internal sealed class InstanceMigrator(StepUnitOfWork unitOfWork)
{
    private static readonly string[] WaitingStatuses = [nameof(InstanceStatus.Running), nameof(InstanceStatus.Incident)];

    /// <summary>
    /// Moves the waiting instances (running or in incident) of one version of a process to another, in one transaction
    /// per batch of <see cref="DurableWorkflowOptions.MigrationBatchSize"/>: either every instance of the batch moves,
    /// or none does and the result lists the refusals. With <paramref name="preview"/> nothing is written. Each move is
    /// recorded with <paramref name="migratedBy"/> and the time in the instance's history.
    /// </summary>
    /// <exception cref="InstanceMigrationException">A version is not published, the versions are the same, a mapping names an unknown element, or a named instance does not run the source version.</exception>
    public async Task<MigrationResult> MigrateAsync(InstanceMigration request, string migratedBy, bool preview, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var map = MapFor(request);
        if (preview)
        {
            await using var db = unitOfWork.CreateContext();
            return await MigrateBatchAsync(db, request, map, migratedBy: null, cancellationToken).ConfigureAwait(false);
        }

        try
        {
            return await unitOfWork.InTransactionAsync(async db =>
            {
                var result = await MigrateBatchAsync(db, request, map, migratedBy, cancellationToken).ConfigureAwait(false);
                // Leaving the unit of work by an exception rolls back the instances taken: nothing of the batch moves.
                return result.Refusals.Count > 0 ? throw new MigrationRefusedException(result) : result;
            }, cancellationToken).ConfigureAwait(false);
        }
        catch (MigrationRefusedException refused)
        {
            return refused.Result;
        }
    }

    private MigrationMap MapFor(InstanceMigration request)
    {
        if (request.SourceVersion == request.TargetVersion)
        {
            throw new InstanceMigrationException($"The source and target versions are both {request.SourceVersion}: choose two different versions.");
        }

        var source = unitOfWork.Definitions.Find(request.ProcessId, request.SourceVersion)
            ?? throw new InstanceMigrationException($"Process '{request.ProcessId}' version {request.SourceVersion} is not published.");
        var target = unitOfWork.Definitions.Find(request.ProcessId, request.TargetVersion)
            ?? throw new InstanceMigrationException($"Process '{request.ProcessId}' version {request.TargetVersion} is not published.");
        var mappings = request.Mappings ?? new Dictionary<string, string>();
        foreach (var (from, to) in mappings)
        {
            if (!source.Nodes.ContainsKey(from))
            {
                throw new InstanceMigrationException($"The mapping from '{from}' names an element that version {source.Version} of '{source.ProcessId}' does not have.");
            }

            if (!target.Nodes.ContainsKey(to))
            {
                throw new InstanceMigrationException($"The mapping of '{from}' to '{to}' names an element that version {target.Version} of '{target.ProcessId}' does not have.");
            }
        }

        return new MigrationMap(source, target, mappings);
    }

    private async Task<MigrationResult> MigrateBatchAsync(DbContext db, InstanceMigration request, MigrationMap map, string? migratedBy, CancellationToken cancellationToken)
    {
        var candidates = db.Set<InstanceRecord>().AsNoTracking()
            .Where(i => i.ProcessId == request.ProcessId && i.Version == request.SourceVersion && WaitingStatuses.Contains(i.Status));
        if (request.InstanceIds is { } named)
        {
            await EnsureNamedInstancesWaitAsync(db, request, named, cancellationToken).ConfigureAwait(false);
            candidates = candidates.Where(i => named.Contains(i.Id));
        }

        var total = await candidates.CountAsync(cancellationToken).ConfigureAwait(false);
        var ids = await candidates.OrderBy(i => i.StartedAt).ThenBy(i => i.Id).Take(unitOfWork.Options.MigrationBatchSize)
            .Select(i => i.Id).ToListAsync(cancellationToken).ConfigureAwait(false);
        var instances = migratedBy is null
            ? await ReadStatesAsync(db, ids, cancellationToken).ConfigureAwait(false)
            : [.. (await WorkflowStep.LoadManyAsync(db, ids, unitOfWork.Definitions, cancellationToken).ConfigureAwait(false)).Values
                // Another step may have ended it or moved it between the count and the taking.
                .Where(s => s.Record.Version == request.SourceVersion && WaitingStatuses.Contains(s.Record.Status))
                .Select(s => (s.Record, s.State))];

        var refusals = new List<MigrationRefusal>();
        var waiting = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var (record, state) in instances)
        {
            foreach (var element in MigrationMap.WaitingElements(state))
            {
                waiting[element] = waiting.GetValueOrDefault(element) + 1;
            }

            refusals.AddRange(map.Refusals(state).Select(r => new MigrationRefusal(record.Id, record.BusinessKey, r.ElementId,
                $"The instance '{record.Id}'{(record.BusinessKey is null ? string.Empty : $" ({record.BusinessKey})")} {r.Reason}.")));
        }

        var elements = waiting.Select(w => new MigratedElement(w.Key, map.Source.Nodes.GetValueOrDefault(w.Key)?.Model.Name, w.Value,
            map.Refusal(w.Key) is null ? map.TargetOf(w.Key) : null)).OrderBy(e => e.ElementId, StringComparer.Ordinal).ToList();
        var migrating = migratedBy is not null && refusals.Count == 0;
        if (migrating)
        {
            await MoveAsync(db, instances, map, migratedBy!, cancellationToken).ConfigureAwait(false);
        }

        return new MigrationResult(migrating, [.. instances.Select(i => new MigratedInstance(i.Record.Id, i.Record.BusinessKey))],
            total - ids.Count, elements, refusals);
    }

    private static async Task EnsureNamedInstancesWaitAsync(DbContext db, InstanceMigration request, IReadOnlyList<string> named, CancellationToken cancellationToken)
    {
        var found = await db.Set<InstanceRecord>().AsNoTracking().Where(i => named.Contains(i.Id))
            .Select(i => new { i.Id, i.ProcessId, i.Version, i.Status }).ToListAsync(cancellationToken).ConfigureAwait(false);
        foreach (var id in named)
        {
            var instance = found.Find(i => i.Id == id) ?? throw new InstanceMigrationException($"Instance '{id}' was not found.");
            if (instance.ProcessId != request.ProcessId || instance.Version != request.SourceVersion)
            {
                throw new InstanceMigrationException($"Instance '{id}' runs '{instance.ProcessId}' version {instance.Version}, not '{request.ProcessId}' version {request.SourceVersion}.");
            }

            if (!WaitingStatuses.Contains(instance.Status))
            {
                throw new InstanceMigrationException($"Instance '{id}' has ended ({instance.Status.ToLowerInvariant()}); only waiting instances move.");
            }
        }
    }

    private static async Task<List<(InstanceRecord Record, InstanceState State)>> ReadStatesAsync(DbContext db, List<string> ids, CancellationToken cancellationToken) =>
        [.. (await db.Set<InstanceRecord>().AsNoTracking().Where(i => ids.Contains(i.Id)).ToListAsync(cancellationToken).ConfigureAwait(false))
            .OrderBy(i => i.StartedAt).ThenBy(i => i.Id, StringComparer.Ordinal)
            .Select(i => (i, InstanceStateJson.Deserialize(i.State)))];

    /// <summary>Writes the moves into the unit of work: states, versions, open tasks and visits, renamed waits, and the history rows.</summary>
    private async Task MoveAsync(DbContext db, List<(InstanceRecord Record, InstanceState State)> instances, MigrationMap map, string migratedBy, CancellationToken cancellationToken)
    {
        var now = unitOfWork.Clock.GetUtcNow();
        var (processId, from, to) = (map.Source.ProcessId, map.Source.Version, map.Target.Version);
        var ids = instances.Select(i => i.Record.Id).ToList();
        foreach (var (record, state) in instances)
        {
            var bookmarksBefore = state.Bookmarks.Where(b => b.ProcessId is null).ToDictionary(b => b.Id, b => b.ElementId, StringComparer.Ordinal);
            var moved = map.Apply(state);
            // The step read it untracked: tracked from here, it is saved against the revision taken, with the unit of work.
            db.Attach(record);
            record.Version = to;
            record.State = InstanceStateJson.Serialize(state);
            record.UpdatedAt = now;
            record.Revision++;
            if (record.IncidentElementId is not null && state.Incident is { } incident)
            {
                record.IncidentElementId = incident.ElementId;
            }

            foreach (var bookmark in state.Bookmarks.Where(b => bookmarksBefore.TryGetValue(b.Id, out var before) && before != b.ElementId))
            {
                await RenameWaitAsync(db, record.Id, bookmark, cancellationToken).ConfigureAwait(false);
            }

            db.Add(new InstanceMigrationRecord
            {
                InstanceId = record.Id,
                ProcessId = processId,
                FromVersion = from,
                ToVersion = to,
                Elements = JsonSerializer.Serialize(moved),
                MigratedBy = migratedBy,
                MigratedAt = now,
            });
        }

        var tasks = await db.Set<UserTaskRecord>()
            .Where(t => ids.Contains(t.InstanceId) && t.ProcessId == processId && t.Version == from && (t.Status == UserTaskStatus.Open || t.Status == UserTaskStatus.Claimed))
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        foreach (var task in tasks)
        {
            task.Version = to;
            task.ElementId = map.TargetOf(task.ElementId);
            task.Name = map.Target.Nodes.GetValueOrDefault(task.ElementId)?.Model.Name ?? task.Name;
        }

        var visits = await db.Set<ElementVisitRecord>()
            .Where(v => ids.Contains(v.InstanceId) && v.ProcessId == processId && v.Version == from && v.LeftAt == null)
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        foreach (var visit in visits)
        {
            visit.Version = to;
            visit.ElementId = map.TargetOf(visit.ElementId);
        }
    }

    /// <summary>A timer or subscription row names its element; a mapped element renames it (the due time and key stay).</summary>
    private static Task<int> RenameWaitAsync(DbContext db, string instanceId, Bookmark bookmark, CancellationToken cancellationToken) => bookmark.Kind switch
    {
        BookmarkKind.Timer => db.Set<TimerRecord>().Where(t => t.InstanceId == instanceId && t.BookmarkId == bookmark.Id)
            .ExecuteUpdateAsync(t => t.SetProperty(x => x.ElementId, bookmark.ElementId), cancellationToken),
        BookmarkKind.Message => db.Set<SubscriptionRecord>().Where(s => s.InstanceId == instanceId && s.BookmarkId == bookmark.Id)
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.ElementId, bookmark.ElementId), cancellationToken),
        _ => Task.FromResult(0),
    };
}
