using OrderToCash.Core;
using OrderToCash.Core.Credit;

namespace OrderToCash.Tests.Credit;

public sealed class CreditExposureTests
{
    private static CreditExposure NewExposure() => new() { CustomerId = "C-0001", Currency = "EUR" };

    [Fact]
    public void An_order_moves_through_the_buckets_until_paid_and_the_total_follows()
    {
        var exposure = NewExposure();

        exposure.OrderAccepted(Money.Euros(10_000m));
        exposure.Total.Should().Be(Money.Euros(10_000m));
        exposure.Delivered(Money.Euros(6_000m));
        exposure.Invoiced(Money.Euros(6_000m));
        exposure.ReceivableReduced(Money.Euros(2_500m));

        exposure.OpenOrders.Should().Be(4_000m);
        exposure.DeliveredNotInvoiced.Should().Be(0m);
        exposure.OpenReceivables.Should().Be(3_500m);
        exposure.Total.Should().Be(Money.Euros(7_500m));
        exposure.Version.Should().Be(4, "each movement bumps the concurrency token");
    }

    [Fact]
    public void A_movement_that_would_make_a_bucket_negative_is_refused_and_changes_nothing()
    {
        var exposure = NewExposure();
        exposure.OrderAccepted(Money.Euros(1_000m));

        var act = () => exposure.Delivered(Money.Euros(1_500m));

        act.Should().Throw<InvalidOperationException>().WithMessage("*open orders of C-0001 negative*");
        exposure.OpenOrders.Should().Be(1_000m);
        exposure.DeliveredNotInvoiced.Should().Be(0m);
        exposure.Version.Should().Be(1);
    }

    [Fact]
    public void Another_currency_or_a_negative_amount_is_refused()
    {
        var exposure = NewExposure();

        exposure.Invoking(e => e.OrderAccepted(new Money(5m, "USD"))).Should().Throw<InvalidOperationException>().WithMessage("*kept in EUR, not USD*");
        exposure.Invoking(e => e.OrderAccepted(Money.Euros(-5m))).Should().Throw<ArgumentOutOfRangeException>();
    }
}
