using Microsoft.EntityFrameworkCore;
using OrderToCash.Core.Invoicing;
using OrderToCash.Core.ReferenceTables;

namespace OrderToCash.Core.Payments;

/// <summary>The pending late-payment interest (ADR 0101): what waits for an ECB rate, and charging what the table now covers.</summary>
public static class PendingInterests
{
    /// <summary>
    /// Charges every pending interest whose semester <paramref name="table"/> covers, in <paramref name="db"/>'s unit of
    /// work (not saved): each at the semester's ECB rate + its recorded points, to the cent, added to its invoice.
    /// The pending status and the invoice's version are concurrency tokens: a concurrent charge of the same record
    /// makes one of the two units of work replay, and the replay finds nothing pending.
    /// </summary>
    /// <returns>The interest charged, one entry per pending record.</returns>
    public static async Task<IReadOnlyList<ChargedInterest>> ChargeCoveredAsync(DbContext db, EcbRateTable table, int tableVersion, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(table);
        var covered = table.Rates.Keys.Select(s => s.ToString()).ToList();
        var pending = await db.Set<PendingInterest>()
            .Where(p => p.Status == PendingInterestStatus.Pending && covered.Contains(p.Semester))
            .OrderBy(p => p.RecordedAt).ThenBy(p => p.Id)
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        if (pending.Count == 0)
        {
            return [];
        }

        var ids = pending.Select(p => p.InvoiceId).Distinct().ToList();
        var invoices = await db.Set<Invoice>().Where(i => ids.Contains(i.Id)).ToDictionaryAsync(i => i.Id, cancellationToken).ConfigureAwait(false);
        var charged = new List<ChargedInterest>(pending.Count);
        foreach (var item in pending)
        {
            var rate = table.RateFor(Semester.TryParse(item.Semester)!.Value)!.Value;
            var interest = item.Charge(invoices[item.InvoiceId], rate, tableVersion, now);
            charged.Add(new ChargedInterest(item.InvoiceNumber, item.Semester, item.BasisAmount, item.Days, rate + item.PointsAboveEcb, interest.Amount, item.Currency));
        }

        return charged;
    }

    /// <summary>
    /// Stages a new version of the ECB rate table and the charge of every pending interest it covers in
    /// <paramref name="db"/>'s unit of work (not saved): the API's own transaction, or a workflow step's.
    /// </summary>
    public static async Task<EcbRateEntryResult> EnterRatesAsync(DbContext db, IReadOnlyDictionary<string, decimal?>? rates, string author, string? comment, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var change = await EcbRates.StageAsync(db, rates, author, comment, now, cancellationToken).ConfigureAwait(false);
        if (!change.IsValid)
        {
            return new EcbRateEntryResult(change, []);
        }

        var charged = await ChargeCoveredAsync(db, change.Table, change.Version.Version, now, cancellationToken).ConfigureAwait(false);
        return new EcbRateEntryResult(change, charged);
    }

    /// <summary>The semesters that pending interest waits for, with how much.</summary>
    public static async Task<IReadOnlyList<MissingRate>> MissingAsync(DbContext db, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        // Amounts summed in memory: SQLite stores decimals as text, and pending records are few.
        var pending = await db.Set<PendingInterest>().AsNoTracking().Where(p => p.Status == PendingInterestStatus.Pending)
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        return [.. pending.GroupBy(p => (p.Semester, p.Currency)).OrderBy(g => g.Key.Semester, StringComparer.Ordinal)
            .Select(g => new MissingRate(g.Key.Semester, Semester.TryParse(g.Key.Semester)!.Value.FrenchLabel, g.Select(p => p.InvoiceNumber).Distinct().Count(), g.Count(), g.Sum(p => p.BasisAmount), g.Key.Currency))];
    }
}

/// <param name="InvoiceNumber">The invoice charged.</param>
/// <param name="Semester">The due date's semester.</param>
/// <param name="BasisAmount">The amount paid late.</param>
/// <param name="Days">Days late.</param>
/// <param name="AnnualRatePercent">ECB rate + points.</param>
/// <param name="Interest">Charged, to the cent.</param>
/// <param name="Currency">The invoice's currency.</param>
public sealed record ChargedInterest(string InvoiceNumber, string Semester, decimal BasisAmount, int Days, decimal AnnualRatePercent, decimal Interest, string Currency);

/// <param name="Semester">The semester the table lacks (<c>2026-H2</c>).</param>
/// <param name="Label">"2nd semestre 2026".</param>
/// <param name="Invoices">Invoices waiting for it.</param>
/// <param name="PendingCount">Pending interest records (one per late payment).</param>
/// <param name="BasisAmount">The amounts paid late that the interest will be computed on.</param>
/// <param name="Currency">Their currency.</param>
public sealed record MissingRate(string Semester, string Label, int Invoices, int PendingCount, decimal BasisAmount, string Currency);
