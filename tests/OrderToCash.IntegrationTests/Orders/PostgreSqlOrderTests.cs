using OrderToCash.IntegrationTests.Infrastructure;

namespace OrderToCash.IntegrationTests.Orders;

[Collection(PostgresCollection.Name)]
public sealed class PostgreSqlOrderTests(PostgresServer server)
{
    [PostgresFact]
    public async Task On_postgresql_concurrent_orders_are_numbered_without_gaps_and_a_blocked_one_is_released_by_two_credit_managers()
    {
        using var orders = new OrdersHost(await server.CreateDatabaseAsync());
        await orders.PublishRulesAndWorkflowAsync();

        var placed = await Task.WhenAll(Enumerable.Range(1, 6).Select(i => orders.PlaceAsync("salesperson", OrdersHost.OneLine("C-0002", i, 10m))));
        placed.Select(o => o.GetProperty("number").GetString()![^6..]).Should().BeEquivalentTo(Enumerable.Range(1, 6).Select(i => $"{i:000000}"));
        (await orders.ExposureAsync("C-0002")).Should().Be(252m);

        var number = (await orders.PlaceAsync("sabine", OrdersHost.OneLine("C-0002", 1m, 60_000m))).GetProperty("number").GetString()!;
        (await orders.OrderAsync(number)).GetProperty("status").GetString().Should().Be("CreditBlocked");
        await orders.DecideAsync("claire", number, "release", "Key account, insurer informed");
        await orders.DecideAsync("cyril", number, "release", "Agreed");

        (await orders.OrderAsync(number)).GetProperty("status").GetString().Should().Be("Accepted");
        (await orders.ExposureAsync("C-0002")).Should().Be(252m + 72_000m);
    }
}
