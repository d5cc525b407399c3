using System.Globalization;

namespace OrderToCash.Core.Numbering;

/// <summary>
/// A numbering series (e.g. invoices of 2026). French law requires invoice numbers to be unique and continuous in
/// time, without gaps: a number is taken in the same transaction that issues the invoice, so a rolled-back issue
/// gives its number back, and the row's concurrency token makes two issuers conflict rather than share a number.
/// </summary>
public sealed class InvoiceNumberSeries
{
    public required string Key { get; init; }

    /// <summary>Printed before the number, e.g. "FA-2026-".</summary>
    public required string Prefix { get; init; }

    public long LastNumber { get; private set; }

    public string Take()
    {
        LastNumber++;
        return string.Create(CultureInfo.InvariantCulture, $"{Prefix}{LastNumber:000000}");
    }
}
