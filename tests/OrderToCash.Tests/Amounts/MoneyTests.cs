using OrderToCash.Core;

namespace OrderToCash.Tests.Amounts;

public sealed class MoneyTests
{
    [Theory]
    [InlineData("10.005", "10.01")]
    [InlineData("10.004", "10.00")]
    [InlineData("-10.005", "-10.01")]
    [InlineData("0.125", "0.13")]
    public void Rounds_to_the_cent_half_away_from_zero(string amount, string expected)
    {
        Money.Euros(decimal.Parse(amount, System.Globalization.CultureInfo.InvariantCulture)).RoundToCents().Amount
            .Should().Be(decimal.Parse(expected, System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public void Adds_and_subtracts_exactly()
    {
        var total = Money.Euros(0.1m) + Money.Euros(0.2m) - Money.Euros(0.3m);

        total.Should().Be(Money.Euros(0m));
    }

    [Fact]
    public void Refuses_to_mix_currencies_naming_both_amounts()
    {
        var act = () => Money.Euros(10m) + new Money(10m, "USD");

        act.Should().Throw<InvalidOperationException>().WithMessage("Cannot combine 10.00 EUR and 10.00 USD*");
    }

    [Theory]
    [InlineData("eur")]
    [InlineData("EURO")]
    [InlineData("")]
    public void Refuses_a_currency_that_is_not_an_iso_code(string currency)
    {
        var act = () => new Money(1m, currency);

        act.Should().Throw<ArgumentException>().WithMessage("*ISO 4217*");
    }

    [Fact]
    public void Compares_amounts_of_one_currency_only()
    {
        (Money.Euros(5m) < Money.Euros(6m)).Should().BeTrue();
        var act = () => Money.Euros(5m) < new Money(6m, "CHF");
        act.Should().Throw<InvalidOperationException>();
    }
}
