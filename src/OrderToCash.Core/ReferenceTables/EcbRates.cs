using Microsoft.EntityFrameworkCore;

namespace OrderToCash.Core.ReferenceTables;

/// <summary>
/// Reads the ECB rate table in force and stages a new version of it in a caller's unit of work (ADR 0101). What a new
/// rate sets off (charging the pending interest of its semester) belongs to the caller: see
/// <c>Payments.EcbRateEntry</c>.
/// </summary>
public static class EcbRates
{
    /// <summary>The latest version (the seeded one at least).</summary>
    public static async Task<EcbRateTableVersion> LatestAsync(DbContext db, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        return await db.Set<EcbRateTableVersion>().AsNoTracking().OrderByDescending(v => v.Version).FirstOrDefaultAsync(cancellationToken).ConfigureAwait(false)
            ?? throw new InvalidOperationException("The ECB rate table has no version: the database is not migrated.");
    }

    public static async Task<EcbRateTable> CurrentAsync(DbContext db, CancellationToken cancellationToken) =>
        (await LatestAsync(db, cancellationToken).ConfigureAwait(false)).Table();

    public static async Task<IReadOnlyList<EcbRateTableVersion>> HistoryAsync(DbContext db, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        return await db.Set<EcbRateTableVersion>().AsNoTracking().OrderByDescending(v => v.Version).ToListAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Adds the next version holding <paramref name="rates"/> to <paramref name="db"/> (not saved), or returns the
    /// problems (nothing added). The same table as the one in force adds nothing.
    /// </summary>
    public static async Task<EcbRateTableChange> StageAsync(DbContext db, IReadOnlyDictionary<string, decimal?>? rates, string author, string? comment, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentException.ThrowIfNullOrWhiteSpace(author);
        var latest = await LatestAsync(db, cancellationToken).ConfigureAwait(false);
        var current = latest.Table();
        var (table, problems) = EcbRateTable.Parse(rates, current);
        if (comment is { Length: > 1_000 })
        {
            problems["comment"] = ["The comment is at most 1,000 characters."];
        }

        if (table is null || problems.Count > 0)
        {
            return new EcbRateTableChange(latest, current, [], problems);
        }

        if (table.SameAs(current))
        {
            return new EcbRateTableChange(latest, current, [], problems);
        }

        var version = new EcbRateTableVersion
        {
            Version = latest.Version + 1,
            Rates = table.ToJson(),
            Author = author,
            PublishedAt = now,
            Comment = string.IsNullOrWhiteSpace(comment) ? null : comment.Trim(),
        };
        db.Add(version);
        var changed = table.Rates.Where(r => current.RateFor(r.Key) != r.Value).Select(r => r.Key).ToList();
        return new EcbRateTableChange(version, table, changed, problems);
    }
}

/// <param name="Version">The version in force after the change (the new one, or the unchanged latest).</param>
/// <param name="Table">Its table.</param>
/// <param name="ChangedSemesters">The semesters added or corrected by the change (none when nothing changed).</param>
/// <param name="Problems">Why the change is refused, keyed by semester or field; empty when accepted.</param>
public sealed record EcbRateTableChange(EcbRateTableVersion Version, EcbRateTable Table, IReadOnlyList<Semester> ChangedSemesters, Dictionary<string, string[]> Problems)
{
    public bool IsValid => Problems.Count == 0;
}
