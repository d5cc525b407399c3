using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using OrderToCash.Engine.Durable.Storage;
using OrderToCash.Engine.Runtime.State;

namespace OrderToCash.Engine.Durable;

/// <summary>
/// The read side of the durable runtime, each query in its own context with no tracking: an instance and its path, a
/// person's inbox, the incidents, per-element statistics, the moves of an instance. Nothing here writes (commands are
/// <see cref="DurableWorkflowRuntime"/>'s); queries a caller composes into its own are <see cref="WorkflowQueries"/>.
/// </summary>
public sealed class WorkflowReader(Func<DbContext> createContext, TimeProvider clock)
{
    private static readonly Func<InstanceRecord, WorkflowInstance> ToInstance = WorkflowInstance.FromRecord.Compile();

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

    /// <summary>The inbox of a person: open tasks for one of their roles and tasks they claimed.</summary>
    public async Task<IReadOnlyList<UserTask>> InboxAsync(string user, IReadOnlyCollection<string> roles, CancellationToken cancellationToken)
    {
        await using var db = createContext();
        return await db.Set<UserTaskRecord>().AsNoTracking()
            .Where(t => (t.Status == UserTaskStatus.Open && t.CandidateRole != null && roles.Contains(t.CandidateRole))
                || (t.Status == UserTaskStatus.Claimed && t.Assignee == user))
            .OrderBy(t => t.CreatedAt)
            .Select(UserTask.FromRecord)
            .ToListAsync(cancellationToken).ConfigureAwait(false);
    }

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

    /// <summary>
    /// Finds instances, newest activity first, a page at a time: by business key (its beginning), process, status, or
    /// the element they wait in now (what a click on the control tower's diagram lists; with an element, the process is
    /// the element's, so an element of a called process lists its callers' instances). The total counts every match.
    /// </summary>
    public async Task<InstancePage> SearchAsync(InstanceSearch search, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(search);
        await using var db = createContext();
        var instances = db.Set<InstanceRecord>().AsNoTracking();
        if (!string.IsNullOrEmpty(search.BusinessKey))
        {
            instances = instances.Where(i => i.BusinessKey != null && i.BusinessKey.StartsWith(search.BusinessKey));
        }

        if (search.Status is { } status)
        {
            var name = status.ToString();
            instances = instances.Where(i => i.Status == name);
        }

        if (!string.IsNullOrEmpty(search.ElementId))
        {
            // The process is the element's: an element of a called process lists the callers' instances waiting in it.
            var waiting = db.Set<ElementVisitRecord>().Where(v => v.ElementId == search.ElementId && v.LeftAt == null
                && (search.ProcessId == null || v.ProcessId == search.ProcessId)).Select(v => v.InstanceId);
            instances = instances.Where(i => waiting.Contains(i.Id));
        }
        else if (!string.IsNullOrEmpty(search.ProcessId))
        {
            instances = instances.Where(i => i.ProcessId == search.ProcessId);
        }

        var total = await instances.CountAsync(cancellationToken).ConfigureAwait(false);
        var page = await instances.OrderByDescending(i => i.UpdatedAt).ThenBy(i => i.Id)
            .Skip(search.Skip).Take(search.Take).Select(WorkflowInstance.FromRecord)
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        return new InstancePage(total, page);
    }

    /// <summary>
    /// Per element of a process (all versions): how many tokens are there now and since when, and how long the
    /// passages that ended since <paramref name="since"/> took (mean and 90th percentile, nearest rank). What the
    /// control tower shows. Every figure is computed by the database on the visits' per-element index (ADR 0137).
    /// </summary>
    public async Task<IReadOnlyList<ElementStatistics>> ElementStatisticsAsync(string processId, DateTimeOffset since, CancellationToken cancellationToken) =>
        [.. (await ElementTrafficAsync(processId, since, Max(since, clock.GetUtcNow()), cancellationToken).ConfigureAwait(false)).Select(t => t.Statistics)];

    /// <summary>
    /// <see cref="ElementStatisticsAsync"/> with, from the same index ranges, the tokens that entered and left each
    /// element since <paramref name="recentSince"/> (within the period: not before <paramref name="since"/>). The
    /// elements are found one seek at a time; the 90th percentile is the passage at rank ⌈0.9 n⌉ in duration order,
    /// reached from the longest end (n − ⌈0.9 n⌉ steps, not ⌈0.9 n⌉).
    /// </summary>
    public async Task<IReadOnlyList<ElementTraffic>> ElementTrafficAsync(string processId, DateTimeOffset since, DateTimeOffset recentSince, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(recentSince, since);
        await using var db = createContext();
        var visits = db.Set<ElementVisitRecord>().AsNoTracking().Where(v => v.ProcessId == processId);
        var now = clock.GetUtcNow();
        var result = new List<ElementTraffic>();
        for (var element = await NextElementAsync(visits, null, cancellationToken).ConfigureAwait(false);
             element is not null;
             element = await NextElementAsync(visits, element, cancellationToken).ConfigureAwait(false))
        {
            var id = element;
            var inElement = visits.Where(v => v.ElementId == id);
            var waiting = await inElement.Where(v => v.DurationTicks == null && v.LeftAt == null).GroupBy(v => v.ElementId)
                .Select(g => new { Count = g.Count(), Oldest = g.Min(v => v.EnteredAt), Entered = g.Count(v => v.EnteredAt >= recentSince) })
                .FirstOrDefaultAsync(cancellationToken).ConfigureAwait(false);
            var passages = inElement.Where(v => v.DurationTicks != null && v.LeftAt >= since);
            var times = await passages.GroupBy(v => v.ElementId)
                .Select(g => new
                {
                    Count = g.Count(),
                    Mean = g.Average(v => (double)v.DurationTicks!.Value),
                    Entered = g.Count(v => v.EnteredAt >= recentSince),
                    Left = g.Count(v => v.LeftAt >= recentSince),
                })
                .FirstOrDefaultAsync(cancellationToken).ConfigureAwait(false);
            if (waiting is null && times is null)
            {
                continue;
            }

            long? p90 = times is null ? null : await passages.OrderByDescending(v => v.DurationTicks).Skip(times.Count - 1 - NearestRank(times.Count, 0.9))
                .Select(v => v.DurationTicks).FirstAsync(cancellationToken).ConfigureAwait(false);
            var statistics = new ElementStatistics(
                element,
                waiting?.Count ?? 0,
                waiting is null ? null : now - waiting.Oldest,
                times?.Count ?? 0,
                times is null ? null : TimeSpan.FromTicks((long)Math.Round(times.Mean)),
                p90 is null ? null : TimeSpan.FromTicks(p90.Value));
            result.Add(new ElementTraffic(statistics, (waiting?.Entered ?? 0) + (times?.Entered ?? 0), times?.Left ?? 0));
        }

        return [.. result.OrderBy(t => t.Statistics.ElementId, StringComparer.Ordinal)];
    }

    /// <summary>Tokens waiting in an element since before <paramref name="enteredBefore"/>: a range of the per-element index.</summary>
    public async Task<int> WaitingSinceBeforeAsync(string processId, string elementId, DateTimeOffset enteredBefore, CancellationToken cancellationToken)
    {
        await using var db = createContext();
        return await db.Set<ElementVisitRecord>().AsNoTracking()
            .CountAsync(v => v.ProcessId == processId && v.ElementId == elementId && v.DurationTicks == null && v.LeftAt == null && v.EnteredAt < enteredBefore, cancellationToken)
            .ConfigureAwait(false);
    }

    private static DateTimeOffset Max(DateTimeOffset a, DateTimeOffset b) => a > b ? a : b;

    /// <summary>The first element after <paramref name="after"/> (in the database's order) that has visits: one index seek.</summary>
    private static Task<string?> NextElementAsync(IQueryable<ElementVisitRecord> visits, string? after, CancellationToken cancellationToken) =>
        (after is null ? visits : visits.Where(v => string.Compare(v.ElementId, after) > 0))
            .OrderBy(v => v.ElementId).Select(v => v.ElementId).FirstOrDefaultAsync(cancellationToken);

    /// <summary>The zero-based position of the nearest-rank <paramref name="percentile"/> among <paramref name="count"/> sorted values.</summary>
    internal static int NearestRank(int count, double percentile) => Math.Max(0, (int)Math.Ceiling(count * percentile) - 1);

    /// <summary>The moves of one instance to other versions: the elements, who moved it and when (oldest first).</summary>
    public async Task<IReadOnlyList<InstanceMigrationEntry>> MigrationsOfAsync(string instanceId, CancellationToken cancellationToken)
    {
        await using var db = createContext();
        var rows = await db.Set<InstanceMigrationRecord>().AsNoTracking().Where(m => m.InstanceId == instanceId)
            .OrderBy(m => m.Id).ToListAsync(cancellationToken).ConfigureAwait(false);
        return [.. rows.Select(m => new InstanceMigrationEntry(m.FromVersion, m.ToVersion,
            JsonSerializer.Deserialize<Dictionary<string, string>>(m.Elements) ?? [], m.MigratedBy, m.MigratedAt))];
    }
}

/// <summary>What to find instances by; every criterion given must hold. <paramref name="BusinessKey"/> matches its beginning.</summary>
public sealed record InstanceSearch(string? BusinessKey, string? ProcessId, string? ElementId, InstanceStatus? Status, int Skip, int Take);

/// <summary>One page of found instances and how many match in all.</summary>
public sealed record InstancePage(int Total, IReadOnlyList<WorkflowInstance> Instances);

/// <summary>An instance as stored, and its path: every element visited, in order, with entry and exit times.</summary>
public sealed record InstanceDetails(WorkflowInstance Record, InstanceState State, IReadOnlyList<ElementVisit> Path);

/// <param name="ElementId">The BPMN element.</param>
/// <param name="WaitingNow">Tokens in the element now.</param>
/// <param name="OldestWait">How long the longest-waiting token has been there.</param>
/// <param name="Passages">Passages that ended in the period.</param>
/// <param name="MeanTime">Mean time spent by those passages.</param>
/// <param name="P90Time">90th percentile (nearest rank) of that time.</param>
public sealed record ElementStatistics(string ElementId, int WaitingNow, TimeSpan? OldestWait, int Passages, TimeSpan? MeanTime, TimeSpan? P90Time);

/// <summary>An element's statistics and its traffic of the last hours: tokens that entered it, tokens that left it.</summary>
public sealed record ElementTraffic(ElementStatistics Statistics, int EnteredRecently, int LeftRecently);

/// <summary>One move of an instance to another version: the waiting elements and where they went, who moved it and when.</summary>
public sealed record InstanceMigrationEntry(int FromVersion, int ToVersion, IReadOnlyDictionary<string, string> Elements, string MigratedBy, DateTimeOffset MigratedAt);
