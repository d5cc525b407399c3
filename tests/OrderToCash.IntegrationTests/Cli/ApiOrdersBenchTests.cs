using System.Text.Json;

namespace OrderToCash.IntegrationTests.Cli;

/// <summary>
/// <c>o2c bench --workload api-orders</c>, tiny: the real host in its own process, two cookie-signed clients entering
/// orders concurrently. Correctness only (every acknowledged order in the database, no error answer), never timings.
/// </summary>
public sealed class ApiOrdersBenchTests
{
    [Fact]
    public async Task Two_clients_enter_orders_through_the_api_and_every_acknowledged_order_is_in_the_database()
    {
        var run = await CliRunner.RunAsync("bench", "--workload", "api-orders", "--instances", "20", "--clients", "2", "--format", "json");

        run.ExitCode.Should().Be(0, run.Error);
        var result = JsonDocument.Parse(run.Output).RootElement;
        result.GetProperty("clients").GetInt32().Should().Be(2);
        result.GetProperty("non2xxByStatus").EnumerateObject().Should().BeEmpty("no order is refused or fails");
        // A warm-up round, then three measured rounds, of twenty orders each.
        result.GetProperty("acknowledged").GetInt32().Should().Be(80);
        result.GetProperty("acknowledgedMissingInDatabase").GetInt32().Should().Be(0);
        result.GetProperty("outcomes").GetProperty("Accepted").GetInt32().Should().Be(60, "small orders within the demo customers' limits");
        result.GetProperty("p99Milliseconds").GetDouble().Should().BePositive();
    }
}
