using OrderToCash.Core;
using OrderToCash.Core.Invoicing;
using OrderToCash.Core.Payments;

namespace OrderToCash.Tests.Collections;

public sealed class PaymentMatcherTests
{
    private static Invoice Open(string number, decimal gross, decimal paid = 0m)
    {
        var invoice = new Invoice
        {
            Number = number, CustomerId = "C-1", Currency = "EUR", GrossAmount = gross, PaymentTermsText = "30 days from delivery",
            Segment = "Standard", Salesperson = "sam", ProductFamily = "General", SellerSiren = "123456782", SellerVatNumber = "FR11123456782",
            CustomerSiren = "261973069", CustomerVatNumber = "FR00261973069", PenaltyClause = "…",
        };
        if (paid > 0m)
        {
            invoice.ApplyPayment(Money.Euros(paid), new DateOnly(2026, 1, 10));
        }

        return invoice;
    }

    [Fact]
    public void Quoted_numbers_win_in_the_order_quoted_whatever_the_amount()
    {
        var a = Open("FA-2026-000001", 100m);
        var b = Open("FA-2026-000002", 250m);

        PaymentMatcher.Match(250m, "Réf fa-2026-000002, puis FA-2026-000001 et FA-2026-000002", [a, b]).Should().Equal(b, a);
    }

    [Fact]
    public void A_quoted_number_that_is_not_open_for_this_customer_is_ignored_and_the_amount_rule_applies()
    {
        var a = Open("FA-2026-000001", 100m);

        PaymentMatcher.Match(100m, "FA-2026-999999", [a]).Should().Equal(a);
    }

    [Fact]
    public void The_open_amount_after_partial_payments_is_what_an_exact_amount_matches()
    {
        var partlyPaid = Open("FA-2026-000001", 300m, paid: 200m);
        var other = Open("FA-2026-000002", 300m);

        PaymentMatcher.Match(100m, null, [partlyPaid, other]).Should().Equal(partlyPaid);
    }

    [Fact]
    public void Two_invoices_with_the_amount_or_none_match_nothing_rather_than_guess()
    {
        var a = Open("FA-2026-000001", 100m);
        var b = Open("FA-2026-000002", 100m);

        PaymentMatcher.Match(100m, "virement", [a, b]).Should().BeEmpty();
        PaymentMatcher.Match(99.99m, null, [a]).Should().BeEmpty();
    }

    [Theory]
    [InlineData("FA-2026-000001FA-2026-000002", 0)]
    [InlineData("XFA-2026-000001", 0)]
    [InlineData("(FA-2026-000001)", 1)]
    public void Only_whole_invoice_numbers_are_read_from_the_remittance(string text, int found)
    {
        PaymentMatcher.QuotedNumbers(text).Should().HaveCount(found);
    }
}
