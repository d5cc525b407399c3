using System.Globalization;
using System.Numerics;

namespace OrderToCash.Core.Customers;

/// <summary>An international bank account number (ISO 13616): country, 2 check digits, up to 30 letters or digits, mod 97 = 1.</summary>
public static class Iban
{
    /// <summary>The IBAN without spaces, in capitals.</summary>
    public static string Normalize(string iban) => string.Concat(iban.Where(c => !char.IsWhiteSpace(c))).ToUpperInvariant();

    /// <summary>Null when valid (after <see cref="Normalize"/>), otherwise why not.</summary>
    public static string? Problem(string? iban)
    {
        if (iban is null)
        {
            return "The IBAN is missing.";
        }

        var value = Normalize(iban);
        if (value.Length is < 15 or > 34 || !char.IsAsciiLetterUpper(value[0]) || !char.IsAsciiLetterUpper(value[1])
            || !char.IsAsciiDigit(value[2]) || !char.IsAsciiDigit(value[3]) || !value.All(char.IsAsciiLetterOrDigit))
        {
            return $"IBAN '{iban}' must be a country code, 2 check digits and 11 to 30 letters or digits.";
        }

        var rearranged = value[4..] + value[..4];
        var digits = string.Concat(rearranged.Select(c => char.IsAsciiDigit(c) ? c.ToString() : (c - 'A' + 10).ToString(CultureInfo.InvariantCulture)));
        return BigInteger.Parse(digits, CultureInfo.InvariantCulture) % 97 == 1
            ? null
            : $"IBAN '{iban}' fails its check digits (mod 97): a character is probably mistyped.";
    }
}
