using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using OrderToCash.Core.Invoicing;
using OrderToCash.Core.Payments;
using OrderToCash.IntegrationTests.Cycle;

namespace OrderToCash.IntegrationTests.Documents;

/// <summary>Encaissée queued on settlement; payments and credit notes bounded; CSV in the French Excel dialect.</summary>
public sealed class SettlementStatusAndMoneyBoundsTests : IAsyncLifetime, IDisposable
{
    private readonly CycleScenario cycle = new();

    public Task InitializeAsync() => cycle.InitializeAsync();

    public Task DisposeAsync() => cycle.DisposeAsync();

    public void Dispose() => cycle.Dispose();

    [Fact]
    public async Task Settling_an_invoice_by_payment_queues_exactly_one_encaissee_message_listed_with_the_invoice()
    {
        var number = await cycle.InvoicedOrderAsync("C-0001", 1m, 1_000m);

        (await cycle.PayAsync("VIR-1", "C-0001", 200m, $"Acompte {number}")).StatusCode.Should().Be(HttpStatusCode.Created);
        (await cycle.CountAsync<EInvoicingStatusMessage>()).Should().Be(0, "a part payment settles nothing");
        (await cycle.PayAsync("VIR-2", "C-0001", 1_000m, $"Solde {number}")).StatusCode.Should().Be(HttpStatusCode.Created);
        (await cycle.PayAsync("VIR-2", "C-0001", 1_000m, $"Solde {number}")).StatusCode.Should().Be(HttpStatusCode.Conflict, "the same payment twice is refused");

        (await cycle.CountAsync<EInvoicingStatusMessage>()).Should().Be(1);
        var invoice = await cycle.InvoiceAsync(number);
        var sent = invoice.GetProperty("statusesSent").EnumerateArray().Should().ContainSingle().Subject;
        sent.GetProperty("status").GetString().Should().Be("Encaissee");
        sent.GetProperty("messageId").GetString().Should().Be($"{number}:Encaissee");
        sent.GetProperty("amount").GetDecimal().Should().Be(1_200m);
        invoice.GetProperty("invoice").GetProperty("lifecycleStatus").GetString().Should().Be("Encaissee");
    }

    [Fact]
    public async Task An_invoice_closed_by_a_write_off_was_not_cashed_and_queues_nothing()
    {
        var number = await cycle.InvoicedOrderAsync("C-0001", 1m, 1_000m);
        using var credit = cycle.Client("claire");

        (await credit.PostAsJsonAsync(new Uri($"/api/invoices/{number}/write-off", UriKind.Relative), new { reason = "Client en liquidation" })).StatusCode.Should().Be(HttpStatusCode.OK);

        (await cycle.CountAsync<EInvoicingStatusMessage>()).Should().Be(0);
    }

    [Theory]
    [InlineData("1000000000000000000000000000")]
    [InlineData("1000000000.01")]
    public async Task A_payment_above_the_bound_is_refused_with_a_clear_422_and_nothing_is_written(string amount)
    {
        using var collector = cycle.Client("cora");
        var body = $$"""{"reference":"VIR-HUGE","customerId":"C-0001","amount":{{amount}},"currency":"EUR","receivedOn":"{{cycle.Today:yyyy-MM-dd}}"}""";

        var response = await collector.PostAsync(new Uri("/api/payments", UriKind.Relative), new StringContent(body, Encoding.UTF8, "application/json"));

        response.StatusCode.Should().Be(HttpStatusCode.UnprocessableEntity);
        (await response.Content.ReadAsStringAsync()).Should().Contain("above the largest amount accepted (1,000,000,000.00)");
        (await cycle.CountAsync<Payment>()).Should().Be(0);
    }

    [Fact]
    public async Task A_credit_note_above_the_bound_is_refused_with_a_clear_422()
    {
        var number = await cycle.InvoicedOrderAsync("C-0001", 1m, 1_000m);
        using var admin = cycle.Client("sabine");

        var response = await admin.PostAsJsonAsync(new Uri($"/api/invoices/{number}/credit-notes", UriKind.Relative), new { amount = 5_000_000_000m, reason = "x" });

        response.StatusCode.Should().Be(HttpStatusCode.UnprocessableEntity);
        (await response.Content.ReadAsStringAsync()).Should().Contain("above the largest amount accepted");
        (await cycle.CountAsync<CreditNote>()).Should().Be(0);
    }

    [Fact]
    public async Task A_french_caller_gets_the_csv_for_french_excel_and_others_the_standard_one()
    {
        await cycle.InvoicedOrderAsync("C-0001", 1m, 1_000.5m);
        using var client = cycle.Client("claire");
        var path = $"/api/kpis/aged-balance.csv?at={cycle.Today:yyyy-MM-dd}";

        using var french = new HttpRequestMessage(HttpMethod.Get, new Uri(path, UriKind.Relative));
        french.Headers.AcceptLanguage.Add(new StringWithQualityHeaderValue("fr-FR"));
        french.Headers.AcceptLanguage.Add(new StringWithQualityHeaderValue("en", 0.5));
        var frenchBytes = await (await client.SendAsync(french)).Content.ReadAsByteArrayAsync();
        var standardBytes = await (await client.GetAsync(new Uri(path, UriKind.Relative))).Content.ReadAsByteArrayAsync();
        var forced = await (await client.GetAsync(new Uri(path + "&format=excel-fr", UriKind.Relative))).Content.ReadAsByteArrayAsync();

        frenchBytes.Take(3).Should().Equal(0xEF, 0xBB, 0xBF);
        var frenchText = Encoding.UTF8.GetString(frenchBytes[3..]);
        frenchText.Should().StartWith("at;scope;notDue;").And.Contain(";1200,60;");
        standardBytes.Take(3).Should().NotEqual(new byte[] { 0xEF, 0xBB, 0xBF });
        Encoding.UTF8.GetString(standardBytes).Should().StartWith("at,scope,notDue,").And.Contain(",1200.60,");
        forced.Should().Equal(frenchBytes);
        (await client.GetAsync(new Uri(path + "&format=lotus", UriKind.Relative))).StatusCode.Should().Be(HttpStatusCode.BadRequest);
    }
}
