using Microsoft.EntityFrameworkCore;
using OrderToCash.Core.Infrastructure.Persistence;

namespace OrderToCash.Core.Reasons;

/// <summary>The reason taxonomy in the database: upsert from the file, look-ups by our code or by an e-invoicing code.</summary>
public static class ReasonTaxonomy
{
    /// <summary>
    /// Inserts new codes and, when <paramref name="overwrite"/>, updates existing ones (else they keep their API edits);
    /// codes no longer in the file stay (old disputes name them).
    /// </summary>
    public static async Task<int> UpsertAsync(OrderToCashDbContext db, IReadOnlyList<ReasonCode> codes, bool overwrite, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(codes);
        var existing = await db.Set<ReasonCode>().ToDictionaryAsync(r => r.Code, StringComparer.Ordinal, cancellationToken).ConfigureAwait(false);
        foreach (var code in codes)
        {
            if (existing.TryGetValue(code.Code, out var row))
            {
                if (!overwrite)
                {
                    continue;
                }

                (row.Kind, row.Label, row.Department, row.EInvoicingCodes) = (code.Kind, code.Label, code.Department, code.EInvoicingCodes);
            }
            else
            {
                db.Add(code);
            }
        }

        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        return codes.Count;
    }

    /// <summary>Our reason for an e-invoicing refusal code (PU_ERR → PRICE_ERROR), or for one of our own codes; null when unknown.</summary>
    public static async Task<ReasonCode?> MapAsync(OrderToCashDbContext db, string code, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var all = await db.Set<ReasonCode>().AsNoTracking().ToListAsync(cancellationToken).ConfigureAwait(false);
        return all.Find(r => r.Code == code) ?? all.Find(r => r.EInvoicingCodeList.Contains(code, StringComparer.Ordinal));
    }
}
