using System.Globalization;
using CsvHelper;
using OrderToCash.Core.RootCauses;

namespace OrderToCash.Core.Kpis;

/// <summary>
/// CSV exports for spreadsheets (CsvHelper, RFC 4180, invariant culture: "1234.50", ISO dates), with explicit columns
/// so that a renamed property never silently renames a column someone's macro reads. Free text (a fix description)
/// that starts like a formula is escaped: opening the file must not run it.
/// </summary>
public static class CsvExport
{
    private static readonly CsvWriterOptions Options = new() { Injection = CsvInjection.Escape, FormatProvider = CultureInfo.InvariantCulture };
    private static readonly CsvWriterOptions FrenchOptions = new() { Injection = CsvInjection.Escape, FormatProvider = CultureInfo.InvariantCulture, Separator = ';' };

    /// <summary>The dialect of the file being written (an async local so the existing writers keep their signature).</summary>
    private static readonly AsyncLocal<CsvDialect> Current = new();

    /// <summary>Runs <paramref name="write"/> with <paramref name="dialect"/>: the French Excel variant uses ";" and decimal commas.</summary>
    public static async Task WithDialectAsync(CsvDialect dialect, Func<Task> write)
    {
        ArgumentNullException.ThrowIfNull(write);
        var previous = Current.Value;
        Current.Value = dialect;
        try
        {
            await write().ConfigureAwait(false);
        }
        finally
        {
            Current.Value = previous;
        }
    }

    public static Task WriteGroupsAsync(TextWriter writer, IEnumerable<RootCauseGroup> groups) =>
        WriteAsync(writer, groups, ["periodFrom", "periodTo", "reason", "kind", "department", "segment", "productFamily", "count", "amount", "ratePer1000Invoices"],
            g => [Day(g.From), Day(g.To), g.Reason, g.Kind, g.Department, g.Segment, g.ProductFamily, g.Count, g.Amount, g.RatePer1000Invoices]);

    public static Task WriteTasksAsync(TextWriter writer, IEnumerable<ImprovementTask> tasks) =>
        WriteAsync(writer, tasks, ["number", "reason", "department", "status", "triggeredBy", "createdAt", "evidenceFrom", "evidenceTo", "occurrencesBefore", "amountBefore", "ratePer1000Before", "fixDeployedOn", "fixDescription", "ratePer1000After", "reopenCount", "verificationNote"],
            t => [t.Number, t.ReasonCode, t.Department, t.Status.ToString(), t.TriggeredBy, t.CreatedAt.ToString("O", CultureInfo.InvariantCulture), Day(t.EvidenceFrom), Day(t.EvidenceTo),
                t.OccurrencesBefore, t.AmountBefore, t.RatePer1000Before, t.FixDeployedOn is { } on ? Day(on) : null, t.FixDescription, t.RatePer1000After, t.ReopenCount, t.VerificationNote]);

    /// <summary>One row per scope value (or one "company" row) with the five ageing buckets and the total, at a date.</summary>
    public static Task WriteAgedBalanceAsync(TextWriter writer, DateOnly at, IEnumerable<(string Scope, AgedBalance Balance)> rows) =>
        WriteAsync(writer, rows, ["at", "scope", "notDue", "d1to30", "d31to60", "d61to90", "over90", "total"],
            r => [Day(at), r.Scope, r.Balance.NotDue, r.Balance.D1To30, r.Balance.D31To60, r.Balance.D61To90, r.Balance.Over90, r.Balance.Total]);

    private static async Task WriteAsync<T>(TextWriter writer, IEnumerable<T> rows, string[] header, Func<T, object?[]> fields)
    {
        var french = Current.Value == CsvDialect.FrenchExcel;
        var csv = CsvWriter.Create(writer, french ? FrenchOptions : Options, true);
        await using (csv.ConfigureAwait(false))
        {
            foreach (var name in header)
            {
                csv.WriteField(name);
            }

            csv.EndRecord();
            foreach (var row in rows)
            {
                foreach (var field in fields(row))
                {
                    csv.WriteField(french ? FrenchText(field) : Text(field));
                }

                csv.EndRecord();
            }

            csv.Flush();
        }

        await writer.FlushAsync().ConfigureAwait(false);
    }

    private static string Text(object? value) => value switch
    {
        null => string.Empty,
        // Money to the cent at least, whatever scale the database returned (SQLite gives "8500.0" back as 8500.0m).
        decimal amount => amount.ToString("0.00##", CultureInfo.InvariantCulture),
        IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? string.Empty,
    };

    /// <summary>As <see cref="Text"/>, with a decimal comma (no thousands separator) so French Excel reads numbers as numbers.</summary>
    private static string FrenchText(object? value) => value switch
    {
        decimal amount => amount.ToString("0.00##", CultureInfo.InvariantCulture).Replace('.', ','),
        double number => number.ToString(CultureInfo.InvariantCulture).Replace('.', ','),
        float number => number.ToString(CultureInfo.InvariantCulture).Replace('.', ','),
        _ => Text(value),
    };

    private static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
