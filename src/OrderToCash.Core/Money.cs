using System.Globalization;

namespace OrderToCash.Core;

/// <summary>
/// An exact amount in one currency. Arithmetic refuses to mix currencies; rounding is explicit
/// (<see cref="RoundToCents"/>, half away from zero, as French commercial practice and the tax administration do).
/// </summary>
public readonly record struct Money
{
    public Money(decimal amount, string currency)
    {
        if (currency is not { Length: 3 } || !currency.All(char.IsAsciiLetterUpper))
        {
            throw new ArgumentException($"'{currency}' is not an ISO 4217 currency code (three capital letters, e.g. EUR).", nameof(currency));
        }

        Amount = amount;
        Currency = currency;
    }

    public decimal Amount { get; }

    /// <summary>
    /// The largest amount a payment, a credit note or an order line may carry (one billion): far above any real
    /// invoice, far below where the database's 18 digits with 2 decimals would lose the cents.
    /// </summary>
    public const decimal MaxAmount = 1_000_000_000m;

    /// <summary>Null when <paramref name="amount"/> is a positive amount in cents up to <see cref="MaxAmount"/>, else why not.</summary>
    public static string? AmountProblem(decimal? amount, string what)
    {
        if (amount is not { } value || value <= 0m)
        {
            return $"{what} must be a positive amount{(amount is { } a ? string.Create(CultureInfo.InvariantCulture, $", not {a}") : string.Empty)}.";
        }

        if (value > MaxAmount)
        {
            return string.Create(CultureInfo.InvariantCulture, $"{what} of {value} is above the largest amount accepted ({MaxAmount:#,##0.00}).");
        }

        return decimal.Round(value, 2) != value
            ? string.Create(CultureInfo.InvariantCulture, $"{what} of {value} has more than two decimals: amounts are in cents.")
            : null;
    }

    public string Currency { get; }

    public static Money Euros(decimal amount) => new(amount, "EUR");

    public static Money Zero(string currency) => new(0m, currency);

    public bool IsNegative => Amount < 0;

    public static Money operator +(Money left, Money right) => new(left.Amount + right.Amount, SameCurrency(left, right));

    public static Money operator -(Money left, Money right) => new(left.Amount - right.Amount, SameCurrency(left, right));

    public static Money operator -(Money value) => new(-value.Amount, value.Currency);

    public static Money operator *(Money value, decimal factor) => new(value.Amount * factor, value.Currency);

    public static bool operator <(Money left, Money right) => Compare(left, right) < 0;

    public static bool operator >(Money left, Money right) => Compare(left, right) > 0;

    public static bool operator <=(Money left, Money right) => Compare(left, right) <= 0;

    public static bool operator >=(Money left, Money right) => Compare(left, right) >= 0;

    /// <summary>Orders two amounts of the same currency; amounts in different currencies are not comparable.</summary>
    public static int Compare(Money left, Money right)
    {
        SameCurrency(left, right);
        return left.Amount.CompareTo(right.Amount);
    }

    public static Money Add(Money left, Money right) => left + right;

    public static Money Subtract(Money left, Money right) => left - right;

    public static Money Negate(Money value) => -value;

    public static Money Multiply(Money value, decimal factor) => value * factor;

    /// <summary>Rounds to the cent, half away from zero (0.005 → 0.01).</summary>
    public Money RoundToCents() => new(Math.Round(Amount, 2, MidpointRounding.AwayFromZero), Currency);

    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Amount:0.00} {Currency}");

    private static string SameCurrency(Money left, Money right) =>
        left.Currency == right.Currency
            ? left.Currency
            : throw new InvalidOperationException($"Cannot combine {left} and {right}: the currencies differ.");
}
