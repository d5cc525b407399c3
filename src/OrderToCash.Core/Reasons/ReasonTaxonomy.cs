using Microsoft.EntityFrameworkCore;
using OrderToCash.Core.Infrastructure.Persistence;

namespace OrderToCash.Core.Reasons;

/// <summary>
/// The reason taxonomy in the database: the reasons (<c>reason_codes</c>), the department → role map
/// (<c>department_roles</c>) and their versions (<c>reason_taxonomy_versions</c>): loaded from the file, changed by
/// Quality, looked up by our code or by an e-invoicing code.
/// </summary>
public static class ReasonTaxonomy
{
    /// <summary>
    /// Inserts the file's new codes and, when <paramref name="overwrite"/>, updates existing ones (else they keep their
    /// page edits); codes no longer in the file stay (old disputes name them). The file's department map replaces the
    /// stored one when <paramref name="overwrite"/>, else it only fills an empty map. A version is recorded, authored by
    /// <paramref name="origin"/>, when the taxonomy changed. One save.
    /// </summary>
    public static async Task<int> UpsertAsync(OrderToCashDbContext db, ReasonCodeFileResult file, bool overwrite, string origin, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(file);
        var (reasons, departments) = await LoadAsync(db, cancellationToken).ConfigureAwait(false);
        foreach (var code in file.Codes)
        {
            if (reasons.Find(r => r.Code == code.Code) is { } row)
            {
                if (overwrite)
                {
                    Apply(row, code);
                }
            }
            else
            {
                db.Add(code);
                reasons.Add(code);
            }
        }

        if (file.Departments.Count > 0 && (overwrite || departments.Count == 0))
        {
            db.RemoveRange(departments);
            departments = [.. file.Departments.Select(d => new DepartmentRole { Department = d.Department, Role = d.Role })];
            db.AddRange(departments);
        }

        await RecordVersionAsync(db, reasons, departments, origin, "Loaded from the taxonomy file", now, cancellationToken).ConfigureAwait(false);
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        return file.Codes.Count;
    }

    /// <summary>The taxonomy as stored, tracked: every reason and every line of the department map.</summary>
    internal static async Task<(List<ReasonCode> Reasons, List<DepartmentRole> Departments)> LoadAsync(OrderToCashDbContext db, CancellationToken cancellationToken)
    {
        var reasons = await db.Set<ReasonCode>().ToListAsync(cancellationToken).ConfigureAwait(false);
        var departments = await db.Set<DepartmentRole>().ToListAsync(cancellationToken).ConfigureAwait(false);
        return (reasons, departments);
    }

    internal static void Apply(ReasonCode row, ReasonCode change) =>
        (row.Kind, row.Label, row.Department, row.EInvoicingCodes) = (change.Kind, change.Label, change.Department, change.EInvoicingCodes);

    /// <summary>Adds the next version when the taxonomy <paramref name="reasons"/> and <paramref name="departments"/> make differs from the latest.</summary>
    internal static async Task<ReasonTaxonomyVersion?> RecordVersionAsync(
        OrderToCashDbContext db, IEnumerable<ReasonCode> reasons, IEnumerable<DepartmentRole> departments, string author, string? comment, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var content = ReasonTaxonomyContent.Write(reasons, departments);
        var latest = await db.Set<ReasonTaxonomyVersion>().AsNoTracking().OrderByDescending(v => v.Version).FirstOrDefaultAsync(cancellationToken).ConfigureAwait(false);
        if (latest?.Content == content)
        {
            return null;
        }

        var version = new ReasonTaxonomyVersion { Version = (latest?.Version ?? 0) + 1, Content = content, Author = author, ChangedAt = now, Comment = comment };
        db.Add(version);
        return version;
    }

    /// <summary>Our reason for an e-invoicing refusal code (PU_ERR → PRICE_ERROR), or for one of our own codes; null when unknown.</summary>
    public static async Task<ReasonCode?> MapAsync(OrderToCashDbContext db, string code, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var all = await db.Set<ReasonCode>().AsNoTracking().ToListAsync(cancellationToken).ConfigureAwait(false);
        return all.Find(r => r.Code == code) ?? all.Find(r => r.EInvoicingCodeList.Contains(code, StringComparer.Ordinal));
    }
}
