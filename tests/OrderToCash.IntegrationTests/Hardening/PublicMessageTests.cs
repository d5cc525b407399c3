using System.Net;
using System.Net.Http.Json;
using OrderToCash.IntegrationTests.Cycle;
using OrderToCash.IntegrationTests.Infrastructure;

namespace OrderToCash.IntegrationTests.Hardening;

/// <summary>
/// POST /api/messages takes only public messages, per role (Messages:Public); the messages the domain sends are never
/// accepted from outside. A forged OrderDelivered used to be taken for the real one: the real delivery was then ignored
/// as a duplicate and the order never invoiced.
/// </summary>
public sealed class PublicMessageTests : IAsyncLifetime, IDisposable
{
    private readonly CycleScenario cycle = new();

    public Task InitializeAsync() => cycle.InitializeAsync();

    public Task DisposeAsync() => cycle.DisposeAsync();

    public void Dispose() => cycle.Dispose();

    [Fact]
    public async Task A_collector_posting_OrderDelivered_is_refused_and_the_real_delivery_still_invoices_the_order()
    {
        var order = await cycle.AcceptedOrderAsync("C-0001", 1m, 1_000m);
        using var collector = cycle.Client("cora");

        var forged = await collector.PostAsJsonAsync(new Uri("/api/messages", UriKind.Relative),
            new { name = "OrderDelivered", correlationKey = order, messageId = $"OrderDelivered:{order}" });

        forged.StatusCode.Should().Be(HttpStatusCode.Forbidden);
        (await forged.Content.ReadAsStringAsync()).Should().Contain("The message 'OrderDelivered' is sent by the application itself");
        (await cycle.OrderStatusAsync(order)).Should().Be("Accepted", "nothing moved");

        (await cycle.DeliverAsync(order)).StatusCode.Should().Be(HttpStatusCode.OK);

        (await cycle.OrderStatusAsync(order)).Should().Be("Invoiced");
        var invoices = await cycle.GetAsync("claire", "/api/invoices?customer=C-0001");
        invoices.EnumerateArray().Should().ContainSingle(i => i.GetProperty("orderNumber").GetString() == order);
    }

    [Theory]
    [InlineData("InvoiceSettled", "ada")]
    [InlineData("DunningReplan", "cora")]
    [InlineData("OrderDelivered", "ada")]
    public async Task No_role_may_post_a_message_the_domain_sends(string name, string user)
    {
        using var client = cycle.Client(user);

        var response = await client.PostAsJsonAsync(new Uri("/api/messages", UriKind.Relative), new { name, correlationKey = "X", messageId = "m-1" });

        response.StatusCode.Should().Be(HttpStatusCode.Forbidden);
        (await response.Content.ReadAsStringAsync()).Should().Contain($"The message '{name}' is sent by the application itself");
    }

    [Fact]
    public async Task A_message_that_is_not_configured_as_public_is_refused()
    {
        using var collector = cycle.Client("cora");

        var response = await collector.PostAsJsonAsync(new Uri("/api/messages", UriKind.Relative), new { name = "CarrierScanned", correlationKey = "X", messageId = "m-1" });

        response.StatusCode.Should().Be(HttpStatusCode.Forbidden);
        (await response.Content.ReadAsStringAsync()).Should().Contain("The message 'CarrierScanned' is not a public message").And.Contain("Messages:Public");
    }
}

public sealed class PublicMessageConfigurationTests
{
    [Fact]
    public async Task A_public_message_is_accepted_from_its_roles_only()
    {
        using var directory = new TempDirectory();
        await using var host = TestHost.Sqlite(directory, ("Scheduler:AutoStart", "false"), ("Messages:Public:CarrierScanned:0", "SalesAdministration"),
            ("Messages:Public:CarrierScanned:1", "Collector"));
        using var collector = host.ClientFor("cora");
        using var admin = host.ClientFor("ada");

        var accepted = await collector.PostAsJsonAsync(new Uri("/api/messages", UriKind.Relative), new { name = "CarrierScanned", correlationKey = "SO-1", messageId = "scan-1" });
        var refused = await admin.PostAsJsonAsync(new Uri("/api/messages", UriKind.Relative), new { name = "CarrierScanned", correlationKey = "SO-1", messageId = "scan-2" });

        accepted.StatusCode.Should().Be(HttpStatusCode.OK, await accepted.Content.ReadAsStringAsync());
        refused.StatusCode.Should().Be(HttpStatusCode.Forbidden);
        (await refused.Content.ReadAsStringAsync()).Should().Contain("The message 'CarrierScanned' may be posted by SalesAdministration, Collector only");
    }

    [Fact]
    public void A_configuration_making_a_domain_message_public_stops_the_host_at_start()
    {
        using var directory = new TempDirectory();
        using var host = TestHost.Sqlite(directory, ("Scheduler:AutoStart", "false"), ("Messages:Public:OrderDelivered:0", "Collector"));

        var start = () => host.CreateClient();

        start.Should().Throw<InvalidOperationException>().WithMessage("*Messages:Public*'OrderDelivered' is sent by the application itself*");
    }
}
