using OrderToCash.Core.Customers;
using OrderToCash.Core.Invoicing;

namespace OrderToCash.Tests.Invoicing;

public sealed class PaymentTermsTests
{
    private static readonly DateOnly InvoiceDate = new(2026, 1, 15);
    private static readonly DateOnly DeliveryDate = new(2026, 1, 12);

    [Fact]
    public void The_legal_default_is_30_days_after_delivery() =>
        PaymentTerms.LegalDefault.DueDate(InvoiceDate, DeliveryDate).Should().Be(new DateOnly(2026, 2, 11));

    [Fact]
    public void Sixty_days_from_invoice_date_counts_calendar_days() =>
        new PaymentTerms(60, PaymentTermBasis.InvoiceDate).DueDate(InvoiceDate, DeliveryDate).Should().Be(new DateOnly(2026, 3, 16));

    [Fact]
    public void Forty_five_days_end_of_month_adds_the_days_then_goes_to_the_end_of_that_month() =>
        new PaymentTerms(45, PaymentTermBasis.EndOfMonth).DueDate(InvoiceDate, DeliveryDate)
            .Should().Be(new DateOnly(2026, 3, 31), "15 January + 45 days is 1 March, whose month ends on 31 March");

    [Fact]
    public void Forty_five_days_end_of_month_handles_leap_february() =>
        new PaymentTerms(45, PaymentTermBasis.EndOfMonth).DueDate(new DateOnly(2028, 1, 10), DeliveryDate).Should().Be(new DateOnly(2028, 2, 29));

    [Fact]
    public void Negative_days_are_refused()
    {
        var act = () => new PaymentTerms(-1, PaymentTermBasis.InvoiceDate).DueDate(InvoiceDate, DeliveryDate);

        act.Should().Throw<InvalidOperationException>().WithMessage("*-1 days*");
    }
}
