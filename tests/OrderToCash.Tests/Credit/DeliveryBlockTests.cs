using OrderToCash.Core.Credit;
using OrderToCash.Core.Orders;

namespace OrderToCash.Tests.Credit;

/// <summary>An accepted order whose credit check at delivery failed (ADR 0064): its exposure and its release or rejection.</summary>
public sealed class DeliveryBlockTests
{
    private static readonly DateTimeOffset At = new(2026, 4, 10, 9, 0, 0, TimeSpan.Zero);

    private static (Order Order, CreditExposure Exposure) AcceptedOrder()
    {
        var exposure = new CreditExposure { CustomerId = "C-0001", Currency = "EUR" };
        var order = Order.Create("SO-2026-000001", "C-0001", "EUR",
            [new OrderLine { LineNumber = 1, Description = "Farine T55", Quantity = 3m, UnitPrice = 333.33m, VatRate = 20m }], "sam", At);
        order.ApplyCreditCheck(false, [], false, exposure);
        return (order, exposure);
    }

    private static readonly CreditBlockReason Overdue = new("NoOldOverdueItems", "An item is more than 30 days overdue.");

    [Fact]
    public void A_blocked_delivery_keeps_the_order_in_the_open_orders_with_the_delivery_checks_reasons_and_four_eyes_flag()
    {
        var (order, exposure) = AcceptedOrder();

        order.BlockDelivery([Overdue], releaseNeedsSecondApprover: true);

        order.Status.Should().Be(OrderStatus.DeliveryBlocked);
        order.CountsInExposure.Should().BeTrue();
        order.CreditBlockReasons.Should().Be("NoOldOverdueItems: An item is more than 30 days overdue.");
        order.ReleaseNeedsSecondApprover.Should().BeTrue();
        exposure.OpenOrders.Should().Be(1_199.99m, "3 × 333.33 = 999.99 net, 200.00 VAT (rounded to the cent)");
    }

    [Fact]
    public void Releasing_a_blocked_delivery_does_not_count_the_order_twice_and_four_eyes_needs_a_second_credit_manager()
    {
        var (order, exposure) = AcceptedOrder();
        order.BlockDelivery([Overdue], releaseNeedsSecondApprover: true);

        order.Release("claire", "Paiement annoncé", exposure, At).Should().BeFalse("the first approval only");
        var same = () => order.Release("CLAIRE", "encore", exposure, At);
        same.Should().Throw<CreditDecisionException>().WithMessage("*second, different credit manager*");
        order.Release("cyril", "D'accord", exposure, At.AddHours(2)).Should().BeTrue();

        order.Status.Should().Be(OrderStatus.Accepted);
        order.DecidedBy.Should().Be("cyril");
        exposure.OpenOrders.Should().Be(1_199.99m, "the order never left the open orders");
        order.Deliver(new DateOnly(2026, 4, 10), exposure);
        exposure.OpenOrders.Should().Be(0m);
        exposure.DeliveredNotInvoiced.Should().Be(1_199.99m);
    }

    [Fact]
    public void Rejecting_a_blocked_delivery_cancels_the_order_out_of_the_open_orders()
    {
        var (order, exposure) = AcceptedOrder();
        order.BlockDelivery([Overdue], releaseNeedsSecondApprover: false);

        order.Reject("claire", "Trop d'impayés", exposure, At);

        order.Status.Should().Be(OrderStatus.Rejected);
        order.CountsInExposure.Should().BeFalse();
        exposure.OpenOrders.Should().Be(0m);
    }

    [Fact]
    public void Only_an_accepted_orders_delivery_can_be_blocked_and_a_blocked_order_cannot_be_delivered()
    {
        var (order, exposure) = AcceptedOrder();
        order.BlockDelivery([Overdue], false);

        var again = () => order.BlockDelivery([Overdue], false);
        var deliver = () => order.Deliver(new DateOnly(2026, 4, 10), exposure);

        again.Should().Throw<CreditDecisionException>().WithMessage("*DeliveryBlocked: only an accepted order's delivery can be blocked*");
        deliver.Should().Throw<CreditDecisionException>().WithMessage("*only an accepted order can be delivered*");
        exposure.OpenOrders.Should().Be(1_199.99m);
    }
}
