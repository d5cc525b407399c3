using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace OrderToCash.IntegrationTests.Orders;

public sealed class CreditReleaseNotPublishedTests : IAsyncLifetime, IDisposable
{
    private readonly OrdersHost orders = new();

    public Task InitializeAsync() => orders.PublishRulesOnlyAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    public void Dispose() => orders.Dispose();

    [Fact]
    public async Task Without_the_order_to_cash_workflow_an_order_is_refused_and_nothing_is_written()
    {
        using var sales = orders.Client("salesperson");

        var refused = await sales.PostAsJsonAsync(new Uri("/api/orders", UriKind.Relative), OrdersHost.OneLine("C-0001", 1m, 100m));

        refused.StatusCode.Should().Be(HttpStatusCode.Conflict);
        (await refused.Content.ReadAsStringAsync()).Should().Contain("'order-to-cash' workflow").And.Contain("not published");
        JsonDocument.Parse(await sales.GetStringAsync(new Uri("/api/orders", UriKind.Relative))).RootElement.GetArrayLength().Should().Be(0);
    }

    [Fact]
    public async Task Without_the_release_workflow_a_blocked_order_is_refused_and_nothing_is_written_but_accepted_orders_pass()
    {
        await orders.PublishOrderToCashWithoutCreditReleaseAsync();
        using var sales = orders.Client("salesperson");

        var refused = await sales.PostAsJsonAsync(new Uri("/api/orders", UriKind.Relative), OrdersHost.OneLine("C-0001", 1m, 90_000m));

        refused.StatusCode.Should().Be(HttpStatusCode.Conflict);
        (await refused.Content.ReadAsStringAsync()).Should().Contain("credit-release").And.Contain("Nothing was saved");
        JsonDocument.Parse(await sales.GetStringAsync(new Uri("/api/orders", UriKind.Relative))).RootElement.GetArrayLength().Should().Be(0);
        var accepted = await orders.PlaceAsync("salesperson", OrdersHost.OneLine("C-0001", 1m, 100m));
        accepted.GetProperty("number").GetString().Should().EndWith("-000001", "the refused order gave its number back");
        accepted.GetProperty("status").GetString().Should().Be("Accepted");
        using var credit = orders.Client("claire");
        var decisions = await credit.GetStringAsync(new Uri($"/api/decisions/order/{accepted.GetProperty("number").GetString()}", UriKind.Relative));
        JsonDocument.Parse(decisions).RootElement.GetArrayLength().Should().Be(1, "the refused order's credit decision was not kept under the number it gave back");
    }
}
