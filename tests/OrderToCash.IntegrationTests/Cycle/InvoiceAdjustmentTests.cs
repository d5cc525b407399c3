using System.Net;
using System.Net.Http.Json;
using OrderToCash.Core.Invoicing;

namespace OrderToCash.IntegrationTests.Cycle;

public sealed class InvoiceAdjustmentTests : IAsyncLifetime, IDisposable
{
    private readonly CycleScenario cycle = new();

    public Task InitializeAsync() => cycle.InitializeAsync();

    public Task DisposeAsync() => cycle.DisposeAsync();

    public void Dispose() => cycle.Dispose();

    [Fact]
    public async Task Credit_notes_reduce_the_open_amount_and_the_one_that_closes_the_invoice_ends_the_cycle()
    {
        var invoice = await cycle.InvoicedOrderAsync("C-0001", 1m, 1_000m);
        using var admin = cycle.Client("sabine");

        var first = await CycleScenario.BodyAsync(await admin.PostAsJsonAsync(new Uri($"/api/invoices/{invoice}/credit-notes", UriKind.Relative), new { amount = 200m, reason = "Price error on line 1" }), HttpStatusCode.Created);
        var second = await CycleScenario.BodyAsync(await admin.PostAsJsonAsync(new Uri($"/api/invoices/{invoice}/credit-notes", UriKind.Relative), new { amount = 1_000m, reason = "Goods returned" }), HttpStatusCode.Created);

        first.GetProperty("number").GetString().Should().Be("AV-2026-000001");
        second.GetProperty("number").GetString().Should().Be("AV-2026-000002");
        var read = await cycle.InvoiceAsync(invoice);
        read.GetProperty("invoice").GetProperty("creditedAmount").GetDecimal().Should().Be(1_200m);
        read.GetProperty("invoice").GetProperty("settledOn").GetString().Should().Be("2026-01-05");
        read.GetProperty("creditNotes").EnumerateArray().Select(n => n.GetProperty("reason").GetString()).Should().Equal("Price error on line 1", "Goods returned");
        (await cycle.Orders.ExposureAsync("C-0001")).Should().Be(0m);
        var order = read.GetProperty("invoice").GetProperty("orderNumber").GetString()!;
        (await cycle.CycleInstanceAsync(order)).Status.Should().Be("Completed");
    }

    [Fact]
    public async Task A_credit_note_larger_than_the_open_amount_is_refused_and_nothing_is_written()
    {
        var invoice = await cycle.InvoicedOrderAsync("C-0001", 1m, 100m);
        using var admin = cycle.Client("sabine");

        var refused = await admin.PostAsJsonAsync(new Uri($"/api/invoices/{invoice}/credit-notes", UriKind.Relative), new { amount = 120.01m, reason = "Too much" });

        refused.StatusCode.Should().Be(HttpStatusCode.UnprocessableEntity);
        (await refused.Content.ReadAsStringAsync()).Should().Contain("exceeds its open amount (120.00 EUR)");
        (await cycle.CountAsync<CreditNote>()).Should().Be(0);
        var noReason = await admin.PostAsJsonAsync(new Uri($"/api/invoices/{invoice}/credit-notes", UriKind.Relative), new { amount = 10m, reason = " " });
        noReason.StatusCode.Should().Be(HttpStatusCode.UnprocessableEntity);
        (await noReason.Content.ReadAsStringAsync()).Should().Contain("needs a reason");
    }

    [Fact]
    public async Task A_credit_manager_writes_off_the_open_amount_with_a_reason_and_the_invoice_is_settled()
    {
        var invoice = await cycle.InvoicedOrderAsync("C-0001", 1m, 1_000m);
        await CycleScenario.BodyAsync(await cycle.PayAsync("VIR-PART", "C-0001", 700m, invoice), HttpStatusCode.Created);
        using var credit = cycle.Client("claire");

        var written = await CycleScenario.BodyAsync(await credit.PostAsJsonAsync(new Uri($"/api/invoices/{invoice}/write-off", UriKind.Relative), new { reason = "Customer in liquidation; claim filed" }), HttpStatusCode.OK);

        written.GetProperty("writtenOffAmount").GetDecimal().Should().Be(500m);
        written.GetProperty("openAmount").GetDecimal().Should().Be(0m);
        var read = await cycle.InvoiceAsync(invoice);
        read.GetProperty("writeOffReason").GetString().Should().Be("Customer in liquidation; claim filed");
        read.GetProperty("writtenOffOn").GetString().Should().Be("2026-01-05");
        (await cycle.Orders.ExposureAsync("C-0001")).Should().Be(0m);
        var again = await credit.PostAsJsonAsync(new Uri($"/api/invoices/{invoice}/write-off", UriKind.Relative), new { reason = "Twice" });
        again.StatusCode.Should().Be(HttpStatusCode.UnprocessableEntity);
        (await again.Content.ReadAsStringAsync()).Should().Contain("nothing is left to write off");
    }

    [Fact]
    public async Task A_write_off_needs_a_reason_and_a_credit_manager()
    {
        var invoice = await cycle.InvoicedOrderAsync("C-0001", 1m, 100m);
        using var credit = cycle.Client("claire");
        using var admin = cycle.Client("sabine");

        var noReason = await credit.PostAsJsonAsync(new Uri($"/api/invoices/{invoice}/write-off", UriKind.Relative), new { reason = "" });
        var wrongRole = await admin.PostAsJsonAsync(new Uri($"/api/invoices/{invoice}/write-off", UriKind.Relative), new { reason = "Bad debt" });

        noReason.StatusCode.Should().Be(HttpStatusCode.UnprocessableEntity);
        (await noReason.Content.ReadAsStringAsync()).Should().Contain("needs a reason");
        wrongRole.StatusCode.Should().Be(HttpStatusCode.Forbidden);
        (await cycle.InvoiceAsync(invoice)).GetProperty("invoice").GetProperty("writtenOffAmount").GetDecimal().Should().Be(0m);
    }
}
