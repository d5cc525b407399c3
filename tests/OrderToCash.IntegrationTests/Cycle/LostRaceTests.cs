using System.Net;
using OrderToCash.Core.Payments;

namespace OrderToCash.IntegrationTests.Cycle;

/// <summary>Concurrent writes on one customer's exposure and invoices are retried inside the unit of work, never a 409 (ADR 0111).</summary>
public sealed class LostRaceTests : IAsyncLifetime, IDisposable
{
    private readonly CycleScenario cycle = new();

    public Task InitializeAsync() => cycle.InitializeAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    public void Dispose() => cycle.Dispose();

    [Fact]
    public async Task Concurrent_deliveries_of_one_customers_orders_are_all_recorded_and_the_exposure_moves_once_each()
    {
        var orders = new List<string>();
        for (var i = 0; i < 6; i++)
        {
            orders.Add(await cycle.AcceptedOrderAsync("C-0001", 1m, 100m));
        }

        var responses = await Task.WhenAll(orders.Select(o => cycle.DeliverAsync(o)));

        foreach (var response in responses)
        {
            response.StatusCode.Should().Be(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        }

        foreach (var order in orders)
        {
            (await cycle.OrderStatusAsync(order)).Should().BeOneOf("Delivered", "Invoiced");
        }

        (await cycle.Orders.ExposureAsync("C-0001")).Should().Be(720m, "six orders of 120.00 each, counted once whatever their stage");
    }

    [Fact]
    public async Task Concurrent_payments_of_one_customer_are_all_recorded_and_a_concurrent_duplicate_is_refused_as_a_duplicate()
    {
        var invoices = new List<string>();
        for (var i = 0; i < 5; i++)
        {
            invoices.Add(await cycle.InvoicedOrderAsync("C-0001", 1m, 100m));
        }

        var payments = invoices.Select((invoice, i) => cycle.PayAsync($"VIR-R{i}", "C-0001", 120m, invoice))
            .Append(cycle.PayAsync("VIR-R0", "C-0001", 120m, invoices[0]));
        var responses = await Task.WhenAll(payments);

        var statuses = responses.Select(r => r.StatusCode).ToList();
        statuses.Count(s => s == HttpStatusCode.Created).Should().Be(5);
        statuses.Count(s => s == HttpStatusCode.Conflict).Should().Be(1, "the same bank reference twice is a real duplicate");
        var duplicate = responses.Single(r => r.StatusCode == HttpStatusCode.Conflict);
        (await duplicate.Content.ReadAsStringAsync()).Should().Contain("VIR-R0");
        (await cycle.CountAsync<Payment>()).Should().Be(5);
        (await cycle.Orders.ExposureAsync("C-0001")).Should().Be(0m);
    }
}
