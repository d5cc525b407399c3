using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using OrderToCash.Core.Infrastructure.Persistence;

namespace OrderToCash.Core.Reasons;

/// <param name="Problems">Why nothing was saved, each naming the field; empty when saved.</param>
/// <param name="Version">The version the change made; null when refused or when it changed nothing.</param>
/// <param name="Created">A reason code that did not exist before.</param>
public sealed record ReasonTaxonomyChange(IReadOnlyList<string> Problems, ReasonTaxonomyVersion? Version, bool Created);

/// <summary>
/// Quality's changes to the reason taxonomy and the department → role map, each checked as the file is checked
/// (<see cref="ReasonCodeFile"/>), saved with a new version (author, date, comment) in one save, or refused whole. Two
/// changes racing for the same next version: the loser runs again on fresh data (<see cref="LostRace"/>).
/// </summary>
public sealed class ReasonTaxonomyEditing(Func<OrderToCashDbContext> createContext, TimeProvider clock)
{
    /// <summary>Creates or changes the reason <paramref name="code"/>.</summary>
    public Task<ReasonTaxonomyChange> ChangeReasonAsync(string code, string? kind, string? label, string? department, IReadOnlyList<string>? eInvoicingCodes, string by, string? comment, CancellationToken cancellationToken)
    {
        var entry = JsonSerializer.Serialize(new { reasons = new[] { new { code, kind, label, department, eInvoicingCodes = eInvoicingCodes ?? [] } } });
        var parsed = ReasonCodeFile.Parse(entry, "request");
        var problems = parsed.Problems.Select(p => p.Replace("request: reasons[0]", "reason", StringComparison.Ordinal)).ToList();
        if (CommentProblem(comment) is { } badComment)
        {
            problems.Add(badComment);
        }

        if (problems.Count > 0)
        {
            return Task.FromResult(new ReasonTaxonomyChange(problems, null, Created: false));
        }

        var change = parsed.Codes[0];
        return LostRace.RetryAsync(async _ =>
        {
            await using var db = createContext();
            var (reasons, departments) = await ReasonTaxonomy.LoadAsync(db, cancellationToken).ConfigureAwait(false);
            var taken = change.EInvoicingCodeList
                .Select(e => (Code: e, Owner: reasons.Find(o => o.Code != code && o.EInvoicingCodeList.Contains(e, StringComparer.Ordinal))))
                .Where(t => t.Owner is not null)
                .Select(t => $"reason.eInvoicingCodes: '{t.Code}' already maps to {t.Owner!.Code}; remove it there first.")
                .ToList();
            if (taken.Count > 0)
            {
                return new ReasonTaxonomyChange(taken, null, Created: false);
            }

            var row = reasons.Find(r => r.Code == code);
            if (row is null)
            {
                db.Add(change);
                reasons.Add(change);
            }
            else
            {
                ReasonTaxonomy.Apply(row, change);
            }

            return await SaveAsync(db, reasons, departments, by, comment, created: row is null, cancellationToken).ConfigureAwait(false);
        }, cancellationToken);
    }

    /// <summary>Gives <paramref name="department"/> exactly <paramref name="roles"/> (none: only the loop owners see its tasks).</summary>
    public Task<ReasonTaxonomyChange> ChangeDepartmentAsync(string department, IReadOnlyList<string> roles, string by, string? comment, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(roles);
        var entry = JsonSerializer.Serialize(new { reasons = Array.Empty<object>(), departments = new Dictionary<string, IReadOnlyList<string>> { [department] = roles } });
        var parsed = ReasonCodeFile.Parse(entry, "request");
        var problems = parsed.Problems.Select(p => p.Replace($"request: departments.{department}", "department", StringComparison.Ordinal)).ToList();
        if (CommentProblem(comment) is { } badComment)
        {
            problems.Add(badComment);
        }

        if (problems.Count > 0)
        {
            return Task.FromResult(new ReasonTaxonomyChange(problems, null, Created: false));
        }

        return LostRace.RetryAsync(async _ =>
        {
            await using var db = createContext();
            var (reasons, departments) = await ReasonTaxonomy.LoadAsync(db, cancellationToken).ConfigureAwait(false);
            var current = departments.Where(d => d.Department == department).ToList();
            db.RemoveRange(current.Where(d => !roles.Contains(d.Role, StringComparer.Ordinal)));
            var added = parsed.Departments.Where(d => !current.Exists(c => c.Role == d.Role)).ToList();
            db.AddRange(added);
            var after = departments.Where(d => d.Department != department || roles.Contains(d.Role, StringComparer.Ordinal)).Concat(added).ToList();
            return await SaveAsync(db, reasons, after, by, comment, created: false, cancellationToken).ConfigureAwait(false);
        }, cancellationToken);
    }

    private async Task<ReasonTaxonomyChange> SaveAsync(
        OrderToCashDbContext db, List<ReasonCode> reasons, List<DepartmentRole> departments, string by, string? comment, bool created, CancellationToken cancellationToken)
    {
        var version = await ReasonTaxonomy.RecordVersionAsync(db, reasons, departments, by, comment, clock.GetUtcNow(), cancellationToken).ConfigureAwait(false);
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        return new ReasonTaxonomyChange([], version, created);
    }

    private static string? CommentProblem(string? comment) =>
        comment is { Length: > 1_000 } ? "comment: at most 1,000 characters." : null;
}
