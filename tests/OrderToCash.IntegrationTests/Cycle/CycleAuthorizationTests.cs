using System.Net;
using System.Net.Http.Json;

namespace OrderToCash.IntegrationTests.Cycle;

public sealed class CycleAuthorizationTests : IAsyncLifetime, IDisposable
{
    private readonly CycleScenario cycle = new();

    public Task InitializeAsync() => cycle.InitializeAsync();

    public Task DisposeAsync() => cycle.DisposeAsync();

    public void Dispose() => cycle.Dispose();

    [Theory]
    [InlineData("GET", "/api/invoices")]
    [InlineData("GET", "/api/invoices/FA-2026-000001")]
    [InlineData("GET", "/api/payments")]
    [InlineData("POST", "/api/payments")]
    [InlineData("POST", "/api/orders/SO-2026-000001/delivery")]
    [InlineData("POST", "/api/invoices/FA-2026-000001/credit-notes")]
    [InlineData("POST", "/api/invoices/FA-2026-000001/write-off")]
    public async Task Without_credentials_every_cycle_endpoint_answers_401(string method, string path)
    {
        using var anonymous = cycle.Orders.Host.CreateClient();

        var response = await anonymous.SendAsync(new HttpRequestMessage(new HttpMethod(method), new Uri(path, UriKind.Relative)) { Content = JsonContent.Create(new { }) });

        response.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
    }

    [Theory]
    [InlineData("salesperson", "POST", "/api/payments")]
    [InlineData("claire", "POST", "/api/payments")]
    [InlineData("cora", "POST", "/api/invoices/FA-2026-000001/credit-notes")]
    [InlineData("carl", "POST", "/api/invoices/FA-2026-000001/write-off")]
    [InlineData("olivia", "GET", "/api/invoices")]
    public async Task The_wrong_role_gets_403(string user, string method, string path)
    {
        using var client = cycle.Client(user);

        var response = await client.SendAsync(new HttpRequestMessage(new HttpMethod(method), new Uri(path, UriKind.Relative)) { Content = JsonContent.Create(new { }) });

        response.StatusCode.Should().Be(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task A_customer_sees_its_own_invoices_and_payments_and_another_customers_invoice_is_not_found()
    {
        var own = await cycle.InvoicedOrderAsync("C-0001", 1m, 100m);
        var other = await cycle.InvoicedOrderAsync("C-0002", 1m, 100m);
        await CycleScenario.BodyAsync(await cycle.PayAsync("VIR-OTHER", "C-0002", 120m, other), HttpStatusCode.Created);
        using var customer = cycle.Client("carl");

        var list = await cycle.GetAsync("carl", "/api/invoices");
        var mine = await customer.GetAsync(new Uri($"/api/invoices/{own}", UriKind.Relative));
        var theirs = await customer.GetAsync(new Uri($"/api/invoices/{other}", UriKind.Relative));
        var payments = await cycle.GetAsync("carl", "/api/payments");
        using var sam = cycle.Client("sam");
        var foreignSalesperson = await sam.GetAsync(new Uri($"/api/invoices/{own}", UriKind.Relative));

        list.EnumerateArray().Select(i => i.GetProperty("number").GetString()).Should().Equal(own);
        mine.StatusCode.Should().Be(HttpStatusCode.OK);
        theirs.StatusCode.Should().Be(HttpStatusCode.NotFound);
        payments.GetArrayLength().Should().Be(0, "the only payment is C-0002's");
        foreignSalesperson.StatusCode.Should().Be(HttpStatusCode.NotFound, "sam sells to no one: C-0001 is not his customer");
    }

    [Fact]
    public async Task Invoice_lists_filter_by_status_and_refuse_an_unknown_status()
    {
        var settled = await cycle.InvoicedOrderAsync("C-0001", 1m, 100m);
        var open = await cycle.InvoicedOrderAsync("C-0001", 1m, 200m);
        await CycleScenario.BodyAsync(await cycle.PayAsync("VIR-S", "C-0001", 120m, settled), HttpStatusCode.Created);
        cycle.AdvanceTo(new DateOnly(2026, 3, 10));

        (await cycle.GetAsync("cora", "/api/invoices?status=settled")).EnumerateArray().Select(i => i.GetProperty("number").GetString()).Should().Equal(settled);
        (await cycle.GetAsync("cora", "/api/invoices?status=open")).EnumerateArray().Select(i => i.GetProperty("number").GetString()).Should().Equal(open);
        (await cycle.GetAsync("cora", "/api/invoices?status=overdue")).EnumerateArray().Single().GetProperty("overdue").GetBoolean().Should().BeTrue();
        using var collector = cycle.Client("cora");
        (await collector.GetAsync(new Uri("/api/invoices?status=late", UriKind.Relative))).StatusCode.Should().Be(HttpStatusCode.BadRequest);
    }
}
