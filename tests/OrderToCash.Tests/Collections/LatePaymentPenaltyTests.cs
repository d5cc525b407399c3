using OrderToCash.Core;
using OrderToCash.Core.Payments;

namespace OrderToCash.Tests.Collections;

public sealed class LatePaymentPenaltyTests
{
    private static readonly DateOnly Due = new(2026, 3, 31);

    [Fact]
    public void Interest_runs_from_the_day_after_the_due_date_on_a_365_day_year_rounded_to_the_cent()
    {
        // 12,000.00 € paid 30 days late at 12.15 % (ECB 2.15 % + 10 points): 12000 × 0.1215 × 30 / 365 = 119.835... → 119.84
        var interest = LatePaymentPenalty.Interest(Money.Euros(12_000m), Due, Due.AddDays(30), 12.15m);

        interest.Should().Be(Money.Euros(119.84m));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-5)]
    public void Paying_on_or_before_the_due_date_costs_nothing(int daysAfterDue) =>
        LatePaymentPenalty.Interest(Money.Euros(5_000m), Due, Due.AddDays(daysAfterDue), 12.15m).Should().Be(Money.Euros(0m));

    [Fact]
    public void One_day_late_is_one_day_of_interest() =>
        LatePaymentPenalty.Interest(Money.Euros(36_500m), Due, Due.AddDays(1), 10m).Should().Be(Money.Euros(10m));

    [Fact]
    public void The_recovery_indemnity_is_forty_euros() =>
        LatePaymentPenalty.RecoveryIndemnity.Should().Be(Money.Euros(40m));

    [Fact]
    public void A_negative_amount_or_rate_is_refused()
    {
        var negativeAmount = () => LatePaymentPenalty.Interest(Money.Euros(-1m), Due, Due.AddDays(3), 12m);
        var negativeRate = () => LatePaymentPenalty.Interest(Money.Euros(1m), Due, Due.AddDays(3), -1m);

        negativeAmount.Should().Throw<ArgumentOutOfRangeException>().WithMessage("*cannot be negative*");
        negativeRate.Should().Throw<ArgumentOutOfRangeException>().WithMessage("*cannot be negative*");
    }
}
