namespace OrderToCash.Core.Customers;

/// <summary>The French company identifier: 9 digits whose Luhn checksum is valid (INSEE).</summary>
public static class Siren
{
    /// <summary>Null when valid, otherwise why not.</summary>
    public static string? Problem(string? siren)
    {
        if (siren is null || siren.Length != 9 || !siren.All(char.IsAsciiDigit))
        {
            return $"SIREN '{siren}' must be exactly 9 digits.";
        }

        return Luhn(siren) ? null : $"SIREN '{siren}' fails its checksum (Luhn): a digit is probably mistyped.";
    }

    private static bool Luhn(string digits)
    {
        var sum = 0;
        for (var i = 0; i < digits.Length; i++)
        {
            var digit = digits[digits.Length - 1 - i] - '0';
            if (i % 2 == 1)
            {
                digit *= 2;
                if (digit > 9)
                {
                    digit -= 9;
                }
            }

            sum += digit;
        }

        return sum % 10 == 0;
    }
}
