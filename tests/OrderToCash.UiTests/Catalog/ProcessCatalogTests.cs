using OrderToCash.Host.Features.Catalog;

namespace OrderToCash.UiTests.Catalog;

public sealed class ProcessCatalogTests
{
    [Fact]
    public void A_new_catalog_is_empty_until_the_composition_root_fills_it()
    {
        var catalog = new ProcessCatalog();

        catalog.Handlers.Should().BeEmpty();
        catalog.RuleSets.Should().BeEmpty();
        catalog.Messages.Should().BeEmpty();
    }

    [Fact]
    public void Entries_are_listed_by_name_whatever_the_order_they_were_added_in()
    {
        var catalog = new ProcessCatalog()
            .AddRuleSet("payment-terms", "Payment terms")
            .AddRuleSet("credit-limit", "Credit limit")
            .AddRuleSet("escalation", "Escalation");

        catalog.RuleSets.Select(r => r.Name).Should().Equal("credit-limit", "escalation", "payment-terms");
    }

    [Fact]
    public void A_name_registered_twice_is_refused_and_names_the_duplicate()
    {
        var catalog = new ProcessCatalog().AddHandler("send-invoice", "Send the invoice");

        var act = () => catalog.AddHandler("send-invoice", "Another");

        act.Should().Throw<InvalidOperationException>().WithMessage("A handler named 'send-invoice' is already in the catalog*");
        catalog.Handlers.Should().ContainSingle().Which.Description.Should().Be("Send the invoice");
    }

    [Theory]
    [InlineData("")]
    [InlineData("  ")]
    [InlineData("send invoice")]
    public void A_name_that_cannot_be_written_in_a_bpmn_attribute_is_refused(string name)
    {
        var act = () => new ProcessCatalog().AddMessage(name, "A message");

        act.Should().Throw<ArgumentException>().WithMessage("*message*");
    }

    [Fact]
    public void A_handler_input_listed_twice_is_refused()
    {
        var act = () => new ProcessCatalog().AddHandler("reserve-stock", "Reserve stock", ["orderId", "orderId"]);

        act.Should().Throw<ArgumentException>().WithMessage("The handler 'reserve-stock' lists the input 'orderId' twice.*");
    }
}
