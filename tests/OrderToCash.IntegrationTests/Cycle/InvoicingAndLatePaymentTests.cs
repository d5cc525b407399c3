using System.Net;

namespace OrderToCash.IntegrationTests.Cycle;

public sealed class InvoicingAndLatePaymentTests : IAsyncLifetime, IDisposable
{
    private readonly CycleScenario cycle = new();

    public Task InitializeAsync() => cycle.InitializeAsync();

    public Task DisposeAsync() => cycle.DisposeAsync();

    public void Dispose() => cycle.Dispose();

    [Fact]
    public async Task Delivery_issues_a_numbered_invoice_with_the_due_date_from_the_terms_and_the_french_mentions()
    {
        var order = await cycle.AcceptedOrderAsync("C-0001", 1m, 1_000m);

        var delivered = await CycleScenario.BodyAsync(await cycle.DeliverAsync(order), HttpStatusCode.OK);

        delivered.GetProperty("status").GetString().Should().Be("Invoiced", "the answer shows the order as committed: the cycle's invoice step ran in the delivery's transaction");
        delivered.GetProperty("deliveredOn").GetString().Should().Be(cycle.Today.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        var instance = await cycle.CycleInstanceAsync(order);
        instance.IncidentMessage.Should().BeNull();
        (await cycle.OrderStatusAsync(order)).Should().Be("Invoiced", instance.Status + instance.State);
        var invoice = await cycle.InvoiceAsync("FA-2026-000001");
        var summary = invoice.GetProperty("invoice");
        summary.GetProperty("orderNumber").GetString().Should().Be(order);
        summary.GetProperty("grossAmount").GetDecimal().Should().Be(1_200m);
        summary.GetProperty("issueDate").GetString().Should().Be("2026-01-05");
        summary.GetProperty("dueDate").GetString().Should().Be("2026-03-06", "C-0001 pays 60 days from the invoice date");
        var mentions = invoice.GetProperty("mentions");
        mentions.GetProperty("sellerSiren").GetString().Should().Be("123456782");
        mentions.GetProperty("sellerVatNumber").GetString().Should().Be("FR11123456782");
        mentions.GetProperty("customerSiren").GetString().Should().Be("261973069");
        mentions.GetProperty("paymentTerms").GetString().Should().Be("60 days from invoice date");
        mentions.GetProperty("recoveryIndemnity").GetDecimal().Should().Be(40m);
        mentions.GetProperty("penaltyClause").GetString().Should().Contain("12,15 %").And.Contain("06/03/2026").And.Contain("40 €");
        mentions.GetProperty("segment").GetString().Should().Be("Standard");
        mentions.GetProperty("salesperson").GetString().Should().Be("salesperson");
        mentions.GetProperty("productFamily").GetString().Should().Be("General");
        invoice.GetProperty("dunningInstanceId").GetString().Should().Be((await cycle.CycleInstanceAsync(order)).Id);
        (await cycle.Orders.ExposureAsync("C-0001")).Should().Be(1_200m, "the amount moved from delivered to open receivables, it did not leave the exposure");
    }

    [Fact]
    public async Task An_invoice_paid_30_days_late_carries_the_interest_at_the_rules_rate_and_the_40_euro_indemnity_to_the_cent()
    {
        var number = await cycle.InvoicedOrderAsync("C-0001", 1m, 1_000m);
        cycle.AdvanceTo(new DateOnly(2026, 4, 5));

        var paid = await CycleScenario.BodyAsync(await cycle.PayAsync("VIR-LATE-1", "C-0001", 1_200m, $"Règlement facture {number}"), HttpStatusCode.Created);

        paid.GetProperty("unappliedAmount").GetDecimal().Should().Be(0m);
        var invoice = await cycle.InvoiceAsync(number);
        invoice.GetProperty("invoice").GetProperty("settledOn").GetString().Should().Be("2026-04-05");
        // 1,200.00 × 12.15 % × 30 / 365 = 11.98356… → 11.98 (due 6 March, paid 5 April: 30 days late).
        invoice.GetProperty("lateInterest").GetDecimal().Should().Be(11.98m);
        invoice.GetProperty("indemnityCharged").GetDecimal().Should().Be(40m);
        invoice.GetProperty("payments").EnumerateArray().Should().ContainSingle().Which.GetProperty("reference").GetString().Should().Be("VIR-LATE-1");
        (await cycle.Orders.ExposureAsync("C-0001")).Should().Be(0m);
    }

    [Fact]
    public async Task An_invoice_paid_on_its_due_date_carries_no_charge_and_its_settlement_ends_the_cycle()
    {
        var number = await cycle.InvoicedOrderAsync("C-0001", 2m, 500m);
        var order = (await cycle.InvoiceAsync(number)).GetProperty("invoice").GetProperty("orderNumber").GetString()!;
        cycle.AdvanceTo(new DateOnly(2026, 3, 6));

        await CycleScenario.BodyAsync(await cycle.PayAsync("VIR-ONTIME-1", "C-0001", 1_200m, number), HttpStatusCode.Created);

        var invoice = await cycle.InvoiceAsync(number);
        invoice.GetProperty("lateInterest").GetDecimal().Should().Be(0m);
        invoice.GetProperty("indemnityCharged").GetDecimal().Should().Be(0m);
        (await cycle.CycleInstanceAsync(order)).Status.Should().Be("Completed", "InvoiceSettled ended the dunning, and the cycle with it");
    }

    [Theory]
    [InlineData(45, "EndOfMonth", false, false, "written in the contract")]
    [InlineData(45, "InvoiceDate", false, false, "30 days after delivery")]
    [InlineData(60, "InvoiceDate", true, true, "periodic invoice is payable within 45 days")]
    public async Task The_customer_contract_data_feed_the_L441_10_rules(int days, string basis, bool agreed, bool periodic, string refusal)
    {
        await cycle.SetContractAsync("C-0001", new Core.Customers.PaymentTerms(days, Enum.Parse<Core.Customers.PaymentTermBasis>(basis)), agreed, periodic);
        var order = await cycle.AcceptedOrderAsync("C-0001", 1m, 100m);

        (await cycle.DeliverAsync(order)).StatusCode.Should().Be(HttpStatusCode.OK);

        var instance = await cycle.CycleInstanceAsync(order);
        instance.IncidentMessage.Should().BeNull("a refusal of the terms is a task for sales administration, not an incident (ADR 0065)");
        var task = (await cycle.Orders.TasksAsync("sandra", order)).Should().ContainSingle().Subject;
        task.GetProperty("elementId").GetString().Should().Be("correctTerms");
        var form = await cycle.GetAsync("sandra", $"/api/tasks/{task.GetProperty("id").GetString()}/form");
        form.GetProperty("context").GetProperty("termsRefusal").GetString().Should().Contain(refusal);
        (await cycle.CountAsync<Core.Invoicing.Invoice>()).Should().Be(0);
    }
}
