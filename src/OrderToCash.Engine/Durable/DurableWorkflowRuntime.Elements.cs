using Microsoft.EntityFrameworkCore;
using OrderToCash.Engine.Durable.Storage;

namespace OrderToCash.Engine.Durable;

public sealed partial class DurableWorkflowRuntime
{
    /// <summary>
    /// Per element of a process (all versions): how many tokens are there now and since when, and how long the
    /// passages that ended since <paramref name="since"/> took (mean and 90th percentile). What the control tower shows.
    /// </summary>
    public async Task<IReadOnlyList<ElementStatistics>> ElementStatisticsAsync(string processId, DateTimeOffset since, CancellationToken cancellationToken)
    {
        await using var db = createContext();
        var waiting = await db.Set<ElementVisitRecord>().AsNoTracking()
            .Where(v => v.ProcessId == processId && v.LeftAt == null)
            .GroupBy(v => v.ElementId)
            .Select(g => new { ElementId = g.Key, Count = g.Count(), Oldest = g.Min(v => v.EnteredAt) })
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        var passages = await db.Set<ElementVisitRecord>().AsNoTracking()
            .Where(v => v.ProcessId == processId && v.LeftAt != null && v.LeftAt >= since)
            .Select(v => new { v.ElementId, v.EnteredAt, LeftAt = v.LeftAt!.Value })
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        var durations = passages.GroupBy(p => p.ElementId, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Select(p => (p.LeftAt - p.EnteredAt).TotalSeconds).Order().ToList(), StringComparer.Ordinal);
        var now = clock.GetUtcNow();
        return [.. waiting.Select(w => w.ElementId).Union(durations.Keys, StringComparer.Ordinal).Order(StringComparer.Ordinal).Select(element =>
        {
            var wait = waiting.Find(w => w.ElementId == element);
            var times = durations.GetValueOrDefault(element) ?? [];
            return new ElementStatistics(
                element,
                wait?.Count ?? 0,
                wait is null ? null : now - wait.Oldest,
                times.Count,
                times.Count == 0 ? null : TimeSpan.FromSeconds(times.Average()),
                times.Count == 0 ? null : TimeSpan.FromSeconds(times[Math.Max(0, (int)Math.Ceiling(times.Count * 0.9) - 1)]));
        })];
    }
}

/// <param name="ElementId">The BPMN element.</param>
/// <param name="WaitingNow">Tokens in the element now.</param>
/// <param name="OldestWait">How long the longest-waiting token has been there.</param>
/// <param name="Passages">Passages that ended in the period.</param>
/// <param name="MeanTime">Mean time spent by those passages.</param>
/// <param name="P90Time">90th percentile (nearest rank) of that time.</param>
public sealed record ElementStatistics(string ElementId, int WaitingNow, TimeSpan? OldestWait, int Passages, TimeSpan? MeanTime, TimeSpan? P90Time);
