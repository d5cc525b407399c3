using System.Globalization;
using Microsoft.EntityFrameworkCore;
using OrderToCash.Core.Infrastructure.Persistence;

namespace OrderToCash.Core.Numbering;

/// <summary>Takes the next number of the year's invoice (or credit note) series inside the caller's unit of work.</summary>
public static class InvoiceNumbering
{
    public const string InvoicePrefix = "FA";
    public const string CreditNotePrefix = "AV";

    /// <summary>
    /// The next number of the series for <paramref name="issueDate"/>'s year. The caller saves it with the invoice in one
    /// SaveChanges; a concurrent issuer then fails with a concurrency conflict and retries, so numbers never repeat or skip.
    /// </summary>
    public static async Task<string> NextAsync(OrderToCashDbContext db, string kindPrefix, DateOnly issueDate, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var key = string.Create(CultureInfo.InvariantCulture, $"{kindPrefix}-{issueDate.Year}");
        // A unit of work may issue several documents: the series it already holds comes first.
        var series = db.Set<InvoiceNumberSeries>().Local.FirstOrDefault(s => s.Key == key)
            ?? await db.Set<InvoiceNumberSeries>().FirstOrDefaultAsync(s => s.Key == key, cancellationToken).ConfigureAwait(false);
        if (series is null)
        {
            series = new InvoiceNumberSeries { Key = key, Prefix = key + "-" };
            db.Add(series);
        }

        return series.Take();
    }
}
