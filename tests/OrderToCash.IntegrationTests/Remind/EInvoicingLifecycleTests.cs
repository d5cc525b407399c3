using System.Net;
using Microsoft.EntityFrameworkCore;
using OrderToCash.Core.Disputes;
using OrderToCash.Core.Invoicing;

namespace OrderToCash.IntegrationTests.Remind;

public sealed class EInvoicingLifecycleTests : IAsyncLifetime, IDisposable
{
    private readonly RemindHost host = new();

    public Task InitializeAsync() => host.PublishAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    public void Dispose() => host.Dispose();

    [Fact]
    public async Task A_refusal_with_PU_ERR_opens_a_price_dispute_routed_to_sales_administration_and_the_same_message_twice_is_recorded_once()
    {
        var number = await host.IssueInvoiceAsync("C-0001", 2_400m, new DateOnly(2026, 3, 15));
        var status = new { status = "Refusée", reasonCode = "PU_ERR", messageId = "PPF-7781-01", comment = "Unit price differs from the order", amount = 240m };

        var first = await host.PostAsync("sabine", $"/api/invoices/{number}/lifecycle", status);
        var again = await host.PostAsync("sabine", $"/api/invoices/{number}/lifecycle", status);

        first.Status.Should().Be(HttpStatusCode.Created, first.Body.ToString());
        first.Body.GetProperty("duplicate").GetBoolean().Should().BeFalse();
        var dispute = first.Body.GetProperty("dispute");
        dispute.GetProperty("reasonCode").GetString().Should().Be("PRICE_ERROR");
        dispute.GetProperty("eInvoicingCode").GetString().Should().Be("PU_ERR");
        dispute.GetProperty("source").GetString().Should().Be("EInvoicing");
        dispute.GetProperty("department").GetString().Should().Be("ADV");
        dispute.GetProperty("amount").GetDecimal().Should().Be(240m);
        (await host.TasksAsync("sabine", dispute.GetProperty("number").GetString()!)).Should().ContainSingle()
            .Which.GetProperty("elementId").GetString().Should().Be("resolveBySalesAdministration");
        again.Status.Should().Be(HttpStatusCode.OK);
        again.Body.GetProperty("duplicate").GetBoolean().Should().BeTrue();
        await using var db = host.NewContext();
        (await db.Set<Dispute>().CountAsync()).Should().Be(1);
        (await db.Set<InvoiceLifecycleEvent>().CountAsync()).Should().Be(1);
        var invoice = await host.InvoiceAsync(number);
        invoice.LifecycleStatus.Should().Be(EInvoicingStatus.Refusee);
        invoice.DisputedAmount.Should().Be(240m);
    }

    [Fact]
    public async Task En_litige_without_an_amount_disputes_everything_open_and_not_yet_disputed()
    {
        var number = await host.IssueInvoiceAsync("C-0001", 1_200m, new DateOnly(2026, 3, 15));

        var recorded = await host.PostAsync("sabine", $"/api/invoices/{number}/lifecycle", new { status = "EnLitige", reasonCode = "LIVR_INCOMP", messageId = "PPF-1" });

        recorded.Status.Should().Be(HttpStatusCode.Created, recorded.Body.ToString());
        recorded.Body.GetProperty("dispute").GetProperty("department").GetString().Should().Be("Logistics");
        (await host.InvoiceAsync(number)).DisputedAmount.Should().Be(1_200m);
    }

    [Fact]
    public async Task A_second_refusal_on_an_invoice_already_fully_disputed_is_recorded_without_a_second_dispute()
    {
        var number = await host.IssueInvoiceAsync("C-0001", 1_200m, new DateOnly(2026, 3, 15));
        (await host.PostAsync("sabine", $"/api/invoices/{number}/lifecycle", new { status = "EnLitige", reasonCode = "LIVR_INCOMP", messageId = "PPF-10" })).Status.Should().Be(HttpStatusCode.Created);

        var refusal = await host.PostAsync("sabine", $"/api/invoices/{number}/lifecycle", new { status = "Refusee", reasonCode = "PU_ERR", messageId = "PPF-11" });

        refusal.Status.Should().Be(HttpStatusCode.Created, refusal.Body.ToString());
        refusal.Body.GetProperty("dispute").ValueKind.Should().Be(System.Text.Json.JsonValueKind.Null, "nothing is left to contest");
        (await host.InvoiceAsync(number)).LifecycleStatus.Should().Be(EInvoicingStatus.Refusee, "the platform's status is recorded all the same");
        (await host.InvoiceAsync(number)).DisputedAmount.Should().Be(1_200m);
    }

    [Fact]
    public async Task A_status_without_a_dispute_is_recorded_and_opens_none()
    {
        var number = await host.IssueInvoiceAsync("C-0001", 1_200m, new DateOnly(2026, 3, 15));

        var recorded = await host.PostAsync("sabine", $"/api/invoices/{number}/lifecycle", new { status = "Suspendue", messageId = "PPF-2", comment = "Waiting for the delivery note" });

        recorded.Status.Should().Be(HttpStatusCode.Created, recorded.Body.ToString());
        recorded.Body.GetProperty("dispute").ValueKind.Should().Be(System.Text.Json.JsonValueKind.Null);
        (await host.InvoiceAsync(number)).LifecycleStatus.Should().Be(EInvoicingStatus.Suspendue);
    }

    [Theory]
    [InlineData("Refusée", "XYZ_ERR", "reasonCode")]
    [InlineData("Refusée", null, "reasonCode")]
    [InlineData("Perdue", null, "status")]
    public async Task An_unknown_code_or_status_is_refused_with_422_and_nothing_is_recorded(string status, string? reasonCode, string field)
    {
        var number = await host.IssueInvoiceAsync("C-0001", 1_200m, new DateOnly(2026, 3, 15));

        var refused = await host.PostAsync("sabine", $"/api/invoices/{number}/lifecycle", new { status, reasonCode, messageId = "PPF-3" });

        refused.Status.Should().Be(HttpStatusCode.UnprocessableEntity);
        refused.Body.GetProperty("errors").TryGetProperty(field, out _).Should().BeTrue(refused.Body.ToString());
        await using var db = host.NewContext();
        (await db.Set<InvoiceLifecycleEvent>().CountAsync()).Should().Be(0);
        (await db.Set<Dispute>().CountAsync()).Should().Be(0);
        (await host.InvoiceAsync(number)).LifecycleStatus.Should().Be(EInvoicingStatus.Deposee);
    }
}
