using System.Globalization;

namespace OrderToCash.Core;

/// <summary>
/// Numbers and amounts written the French way (1 234,56 €) without a culture: the host runs with invariant
/// globalization, so the French conventions are spelled out here once (no-break space between thousands, decimal comma).
/// </summary>
public static class FrenchFormat
{
    public static readonly NumberFormatInfo Numbers = new()
    {
        NumberDecimalSeparator = ",",
        NumberGroupSeparator = "\u00A0",
        NumberGroupSizes = [3],
        PercentDecimalSeparator = ",",
        PercentGroupSeparator = "\u00A0",
    };

    /// <summary>1 234,56 € (or 1 234,56 USD for another currency).</summary>
    public static string Amount(decimal amount, string currency) =>
        amount.ToString("#,##0.00", Numbers) + (currency == "EUR" ? "\u00A0€" : "\u00A0" + currency);

    /// <summary>A quantity or a rate with its decimals and a decimal comma, e.g. 5,5.</summary>
    public static string Number(decimal value, string format = "0.####") => value.ToString(format, Numbers);
}
