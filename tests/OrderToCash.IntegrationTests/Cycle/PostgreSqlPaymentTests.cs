using System.Net;
using OrderToCash.Core.Payments;
using OrderToCash.IntegrationTests.Infrastructure;

namespace OrderToCash.IntegrationTests.Cycle;

[Collection(PostgresCollection.Name)]
public sealed class PostgreSqlPaymentTests(PostgresServer server)
{
    [PostgresFact]
    public async Task On_postgresql_the_same_bank_line_imported_five_times_at_once_is_recorded_once_and_the_invoice_paid_once()
    {
        using var cycle = new CycleScenario(await server.CreateDatabaseAsync());
        await cycle.InitializeAsync();
        var invoice = await cycle.InvoicedOrderAsync("C-0002", 1m, 1_000m);

        var responses = await Task.WhenAll(Enumerable.Range(1, 5).Select(_ => cycle.PayAsync("VIR-RACE", "C-0002", 1_200m, invoice)));

        var answers = string.Join(Environment.NewLine, await Task.WhenAll(responses.Select(async r => $"{(int)r.StatusCode} {await r.Content.ReadAsStringAsync()}")))
            + Environment.NewLine + string.Join(Environment.NewLine, cycle.Orders.Logs.Lines.Where(l => l.StartsWith("Error", StringComparison.Ordinal)));
        responses.Select(r => r.StatusCode).Should().ContainSingle(s => s == HttpStatusCode.Created, answers)
            .And.Subject.Where(s => s != HttpStatusCode.Created).Should().AllSatisfy(s => s.Should().Be(HttpStatusCode.Conflict, answers));
        (await cycle.CountAsync<Payment>()).Should().Be(1);
        var read = (await cycle.InvoiceAsync(invoice)).GetProperty("invoice");
        read.GetProperty("paidAmount").GetDecimal().Should().Be(1_200m);
        (await cycle.Orders.ExposureAsync("C-0002")).Should().Be(0m);
    }
}
