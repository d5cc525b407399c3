using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using OrderToCash.IntegrationTests.Orders;

namespace OrderToCash.IntegrationTests.RootCauses;

public sealed class ControlTowerTests : IDisposable
{
    private readonly OrdersHost orders = new();

    public void Dispose() => orders.Dispose();

    [Fact]
    public async Task The_control_tower_shows_a_blocked_order_waiting_at_the_release_task_with_the_SLA_of_the_rules()
    {
        await orders.PublishRulesAndWorkflowAsync();
        using var credit = orders.Client("claire");
        var published = await credit.PostAsJsonAsync(new Uri("/api/rules/publish", UriKind.Relative), new
        {
            files = new[] { new { name = "control-tower.json", content = await File.ReadAllTextAsync(Path.Combine(RepositoryPaths.Rules, "control-tower.json")) } },
        });
        published.StatusCode.Should().Be(HttpStatusCode.Created, await published.Content.ReadAsStringAsync());
        await orders.PlaceAsync("salesperson", OrdersHost.OneLine("C-0001", 1m, 90_000m));

        using var owner = orders.Client("olivia");
        var response = await owner.GetAsync(new Uri("/api/control-tower?days=7", UriKind.Relative));
        var body = await response.Content.ReadAsStringAsync();
        response.StatusCode.Should().Be(HttpStatusCode.OK, body);
        var waiting = JsonDocument.Parse(body).RootElement.EnumerateArray()
            // The release is called from the order-to-cash cycle: its task waits inside the cycle's instance (the call
            // activity around it waits too).
            .Where(e => e.GetProperty("elementId").GetString() == "review" && e.GetProperty("waitingNow").GetInt32() > 0).ToList();

        var line = waiting.Should().ContainSingle("the blocked order waits at one task").Subject;
        line.GetProperty("waitingNow").GetInt32().Should().Be(1);
        line.GetProperty("enteredLast24Hours").GetInt32().Should().Be(1);
        line.GetProperty("slaHours").GetDouble().Should().Be(48);
        line.GetProperty("slaBreaches").GetInt32().Should().Be(0, "it has waited seconds, not 48 hours");
        line.GetProperty("alerts").GetArrayLength().Should().Be(0);
        (await owner.GetAsync(new Uri("/api/control-tower?days=0", UriKind.Relative))).StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await orders.Client("carl").GetAsync(new Uri("/api/control-tower", UriKind.Relative))).StatusCode.Should().Be(HttpStatusCode.Forbidden);
    }
}
