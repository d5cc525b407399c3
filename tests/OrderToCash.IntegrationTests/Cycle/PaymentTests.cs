using System.Net;
using System.Net.Http.Json;
using OrderToCash.Core.Payments;

namespace OrderToCash.IntegrationTests.Cycle;

public sealed class PaymentTests : IAsyncLifetime, IDisposable
{
    private readonly CycleScenario cycle = new();

    public Task InitializeAsync() => cycle.InitializeAsync();

    public Task DisposeAsync() => cycle.DisposeAsync();

    public void Dispose() => cycle.Dispose();

    [Fact]
    public async Task A_payment_quoting_invoice_numbers_settles_them_in_the_order_quoted_and_the_over_payment_stays_unapplied()
    {
        var first = await cycle.InvoicedOrderAsync("C-0001", 1m, 1_000m);
        var second = await cycle.InvoicedOrderAsync("C-0001", 1m, 500m);

        var payment = await CycleScenario.BodyAsync(await cycle.PayAsync("VIR-0001", "C-0001", 2_000m, $"Factures {second} et {first.ToLowerInvariant()}"), HttpStatusCode.Created);

        payment.GetProperty("allocations").EnumerateArray().Select(a => (a.GetProperty("invoiceNumber").GetString(), a.GetProperty("amount").GetDecimal()))
            .Should().Equal((second, 600m), (first, 1_200m));
        payment.GetProperty("unappliedAmount").GetDecimal().Should().Be(200m);
        (await cycle.InvoiceAsync(first)).GetProperty("invoice").GetProperty("openAmount").GetDecimal().Should().Be(0m);
        (await cycle.InvoiceAsync(second)).GetProperty("invoice").GetProperty("settledOn").GetString().Should().Be("2026-01-05");
        (await cycle.Orders.ExposureAsync("C-0001")).Should().Be(0m);
    }

    [Fact]
    public async Task Without_a_reference_a_payment_of_exactly_one_invoices_open_amount_settles_that_invoice()
    {
        var large = await cycle.InvoicedOrderAsync("C-0001", 1m, 1_000m);
        var small = await cycle.InvoicedOrderAsync("C-0001", 1m, 500m);

        var payment = await CycleScenario.BodyAsync(await cycle.PayAsync("VIR-0002", "C-0001", 600m), HttpStatusCode.Created);

        payment.GetProperty("allocations").EnumerateArray().Should().ContainSingle().Which.GetProperty("invoiceNumber").GetString().Should().Be(small);
        (await cycle.InvoiceAsync(large)).GetProperty("invoice").GetProperty("openAmount").GetDecimal().Should().Be(1_200m);
    }

    [Fact]
    public async Task A_payment_that_matches_no_single_invoice_stays_unapplied_until_a_collector_applies_it()
    {
        await cycle.InvoicedOrderAsync("C-0001", 1m, 500m);
        var second = await cycle.InvoicedOrderAsync("C-0001", 1m, 500m);

        var payment = await CycleScenario.BodyAsync(await cycle.PayAsync("VIR-0003", "C-0001", 600m, "Merci"), HttpStatusCode.Created);

        payment.GetProperty("allocations").GetArrayLength().Should().Be(0, "two invoices are open for 600.00: guessing is refused");
        payment.GetProperty("unappliedAmount").GetDecimal().Should().Be(600m);
        var unapplied = await cycle.GetAsync("cora", "/api/payments?unapplied=true");
        unapplied.EnumerateArray().Should().ContainSingle().Which.GetProperty("reference").GetString().Should().Be("VIR-0003");

        using var collector = cycle.Client("cora");
        var id = payment.GetProperty("id").GetString();
        var applied = await CycleScenario.BodyAsync(await collector.PostAsJsonAsync(new Uri($"/api/payments/{id}/apply", UriKind.Relative), new { invoiceNumber = second }), HttpStatusCode.OK);

        applied.GetProperty("unappliedAmount").GetDecimal().Should().Be(0m);
        (await cycle.InvoiceAsync(second)).GetProperty("invoice").GetProperty("settledOn").GetString().Should().Be("2026-01-05");
        var again = await collector.PostAsJsonAsync(new Uri($"/api/payments/{id}/apply", UriKind.Relative), new { invoiceNumber = second });
        again.StatusCode.Should().Be(HttpStatusCode.UnprocessableEntity);
        (await again.Content.ReadAsStringAsync()).Should().Contain("fully applied");
    }

    [Fact]
    public async Task A_partial_payment_leaves_the_rest_open_and_a_chosen_amount_can_be_applied_from_unapplied_cash()
    {
        var invoice = await cycle.InvoicedOrderAsync("C-0001", 1m, 1_000m);
        await CycleScenario.BodyAsync(await cycle.PayAsync("VIR-0004", "C-0001", 500m, invoice), HttpStatusCode.Created);
        var onAccount = await CycleScenario.BodyAsync(await cycle.PayAsync("VIR-0005", "C-0001", 450.50m), HttpStatusCode.Created);

        using var collector = cycle.Client("cora");
        var applied = await CycleScenario.BodyAsync(await collector.PostAsJsonAsync(
            new Uri($"/api/payments/{onAccount.GetProperty("id").GetString()}/apply", UriKind.Relative), new { invoiceNumber = invoice, amount = 300.25m }), HttpStatusCode.OK);

        applied.GetProperty("unappliedAmount").GetDecimal().Should().Be(150.25m);
        var read = (await cycle.InvoiceAsync(invoice)).GetProperty("invoice");
        read.GetProperty("paidAmount").GetDecimal().Should().Be(800.25m);
        read.GetProperty("openAmount").GetDecimal().Should().Be(399.75m);
        read.GetProperty("settledOn").ValueKind.Should().Be(System.Text.Json.JsonValueKind.Null);
        (await cycle.Orders.ExposureAsync("C-0001")).Should().Be(399.75m);
    }

    [Fact]
    public async Task A_duplicate_bank_reference_is_refused_with_409_and_nothing_is_written()
    {
        var invoice = await cycle.InvoicedOrderAsync("C-0001", 1m, 1_000m);
        await CycleScenario.BodyAsync(await cycle.PayAsync("VIR-0006", "C-0001", 100m, invoice), HttpStatusCode.Created);

        var duplicate = await cycle.PayAsync("VIR-0006", "C-0001", 100m, invoice);

        duplicate.StatusCode.Should().Be(HttpStatusCode.Conflict);
        (await duplicate.Content.ReadAsStringAsync()).Should().Contain("VIR-0006").And.Contain("already recorded");
        (await cycle.CountAsync<Payment>()).Should().Be(1);
        (await cycle.InvoiceAsync(invoice)).GetProperty("invoice").GetProperty("paidAmount").GetDecimal().Should().Be(100m);
    }

    [Theory]
    [InlineData("C-0001", 100, "USD", "currency", "invoiced in EUR")]
    [InlineData("C-9999", 100, "EUR", "customerId", "'C-9999' was not found")]
    [InlineData("C-0001", 0, "EUR", "amount", "positive amount")]
    [InlineData("C-0001", -5, "EUR", "amount", "positive amount")]
    [InlineData("C-0001", 10.001, "EUR", "amount", "two decimals")]
    public async Task A_bad_payment_is_refused_with_the_field_and_the_reason_and_nothing_is_written(string customerId, decimal amount, string currency, string field, string reason)
    {
        await cycle.InvoicedOrderAsync("C-0001", 1m, 100m);

        var refused = await cycle.PayAsync("VIR-BAD", customerId, amount, currency: currency);

        var problem = await CycleScenario.BodyAsync(refused, HttpStatusCode.UnprocessableEntity);
        problem.GetProperty("errors").GetProperty(field)[0].GetString().Should().Contain(reason);
        (await cycle.CountAsync<Payment>()).Should().Be(0);
    }

    [Fact]
    public async Task A_payment_in_the_future_is_refused()
    {
        var refused = await cycle.PayAsync("VIR-FUTURE", "C-0001", 100m, receivedOn: cycle.Today.AddDays(1));

        (await CycleScenario.BodyAsync(refused, HttpStatusCode.UnprocessableEntity)).GetProperty("errors").GetProperty("receivedOn")[0].GetString().Should().Contain("future");
    }

    [Fact]
    public async Task Unapplied_cash_cannot_be_applied_to_another_customers_invoice()
    {
        var other = await cycle.InvoicedOrderAsync("C-0002", 1m, 100m);
        var payment = await CycleScenario.BodyAsync(await cycle.PayAsync("VIR-0007", "C-0001", 120m), HttpStatusCode.Created);
        using var collector = cycle.Client("cora");

        var refused = await collector.PostAsJsonAsync(new Uri($"/api/payments/{payment.GetProperty("id").GetString()}/apply", UriKind.Relative), new { invoiceNumber = other });

        refused.StatusCode.Should().Be(HttpStatusCode.UnprocessableEntity);
        (await refused.Content.ReadAsStringAsync()).Should().Contain("only within one account");
        (await cycle.InvoiceAsync(other)).GetProperty("invoice").GetProperty("paidAmount").GetDecimal().Should().Be(0m);
    }
}
