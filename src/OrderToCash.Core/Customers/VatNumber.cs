using System.Globalization;

namespace OrderToCash.Core.Customers;

/// <summary>The French intra-community VAT number: FR + a 2-digit key + the SIREN, key = (12 + 3 × (SIREN mod 97)) mod 97.</summary>
public static class VatNumber
{
    public static string ForSiren(string siren)
    {
        var key = (12 + 3 * (long.Parse(siren, CultureInfo.InvariantCulture) % 97)) % 97;
        return string.Create(CultureInfo.InvariantCulture, $"FR{key:00}{siren}");
    }

    /// <summary>Null when the number is a valid French VAT number for this SIREN, otherwise why not.</summary>
    public static string? Problem(string? vatNumber, string siren)
    {
        if (vatNumber is null || !vatNumber.StartsWith("FR", StringComparison.Ordinal) || vatNumber.Length != 13)
        {
            return $"VAT number '{vatNumber}' must be FR followed by 11 digits.";
        }

        if (!vatNumber.EndsWith(siren, StringComparison.Ordinal))
        {
            return $"VAT number '{vatNumber}' does not end with the SIREN {siren}.";
        }

        var expected = ForSiren(siren);
        return vatNumber == expected ? null : $"VAT number '{vatNumber}' has a wrong key: for SIREN {siren} it is {expected}.";
    }
}
