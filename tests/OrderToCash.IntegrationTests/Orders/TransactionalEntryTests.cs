using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OrderToCash.Core.Infrastructure.Persistence;
using OrderToCash.Core.Invoicing;
using OrderToCash.Core.Orders;
using OrderToCash.Engine.Durable;
using OrderToCash.Engine.Rules.Decisions;
using OrderToCash.IntegrationTests.Cycle;

namespace OrderToCash.IntegrationTests.Orders;

/// <summary>
/// The order and its workflow commit together (ADR 0063): a database failure after the order's insert, or after the
/// delivery's, leaves nothing half-written, so no start-up repair is needed.
/// </summary>
public sealed class TransactionalEntryTests : IAsyncLifetime, IDisposable
{
    private readonly CycleScenario cycle = new();

    public Task InitializeAsync() => cycle.InitializeAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    public void Dispose() => cycle.Dispose();

    [Fact]
    public async Task A_failure_after_the_order_is_inserted_leaves_neither_the_order_nor_its_instance_nor_its_decision()
    {
        var before = await cycle.Orders.ExposureAsync("C-0001");
        // The instance row is the last the entry writes, after the order, the decision and the exposure.
        await ExecuteAsync("CREATE TRIGGER fail_instances BEFORE INSERT ON wf_instances BEGIN SELECT RAISE(ABORT, 'disk failure'); END;");

        using var sales = cycle.Client("salesperson");
        var failed = await sales.PostAsJsonAsync(new Uri("/api/orders", UriKind.Relative), OrdersHost.OneLine("C-0001", 1m, 1_000m));

        failed.IsSuccessStatusCode.Should().BeFalse();
        (await CountAsync<Order>()).Should().Be(0, "the order went with its instance");
        (await CountAsync<DecisionRecord>(d => d.RuleSetName == "credit-limit")).Should().Be(0, "the credit decision went with them");
        (await InstanceCountAsync()).Should().Be(0);
        (await cycle.Orders.ExposureAsync("C-0001")).Should().Be(before, "the exposure did not move");

        await ExecuteAsync("DROP TRIGGER fail_instances;");
        var entered = await cycle.Orders.PlaceAsync("salesperson", OrdersHost.OneLine("C-0001", 1m, 1_000m));

        entered.GetProperty("number").GetString().Should().EndWith("-000001", "the failed entry gave its number back");
        entered.GetProperty("status").GetString().Should().Be("Accepted");
        entered.GetProperty("cycleInstanceId").GetString().Should().NotBeNullOrEmpty("the instance committed with the order");
        (await cycle.Orders.ExposureAsync("C-0001")).Should().Be(before + 1_200m);
        (await InstanceCountAsync()).Should().Be(1);
    }

    [Fact]
    public async Task A_failure_while_the_delivery_is_invoiced_leaves_the_order_accepted_and_a_second_delivery_invoices_it_once()
    {
        var number = await cycle.AcceptedOrderAsync("C-0001", 1m, 1_000m);
        await ExecuteAsync("CREATE TRIGGER fail_invoices BEFORE INSERT ON invoices BEGIN SELECT RAISE(ABORT, 'disk failure'); END;");

        var failed = await cycle.DeliverAsync(number);

        failed.IsSuccessStatusCode.Should().BeFalse();
        (await cycle.OrderStatusAsync(number)).Should().Be("Accepted", "the delivery went with the invoice its cycle issued in the same transaction");
        (await CountAsync<Invoice>()).Should().Be(0);

        await ExecuteAsync("DROP TRIGGER fail_invoices;");
        var delivered = await cycle.DeliverAsync(number);
        var again = await cycle.DeliverAsync(number);

        delivered.StatusCode.Should().Be(HttpStatusCode.OK, await delivered.Content.ReadAsStringAsync());
        again.IsSuccessStatusCode.Should().BeFalse("an invoiced order is not delivered twice");
        (await cycle.OrderStatusAsync(number)).Should().Be("Invoiced");
        (await CountAsync<Invoice>()).Should().Be(1);
    }

    [Fact]
    public async Task A_blocked_order_waits_in_credit_release_from_the_transaction_that_entered_it()
    {
        var order = await cycle.Orders.PlaceAsync("salesperson", OrdersHost.OneLine("C-0001", 5m, 1_000m));
        var number = order.GetProperty("number").GetString()!;

        order.GetProperty("status").GetString().Should().Be("CreditBlocked");
        order.GetProperty("releaseInstanceId").GetString().Should().Be(order.GetProperty("cycleInstanceId").GetString(), "the release runs inside the order's cycle");
        (await cycle.Orders.TasksAsync("claire", number)).Should().ContainSingle("the task was created in the entry's transaction");
        var path = (await cycle.GetAsync("olivia", $"/api/instances/{order.GetProperty("cycleInstanceId").GetString()}"))
            .GetProperty("path").EnumerateArray().Select(v => v.GetProperty("elementId").GetString()).ToList();
        path.Should().ContainInOrder("entered", "creditSituation", "creditCheck", "applyCreditCheck", "creditBlocked", "creditRelease");
    }

    private OrderToCashDbContext NewContext() => cycle.Orders.Host.Services.GetRequiredService<Func<OrderToCashDbContext>>()();

    private async Task ExecuteAsync(string sql)
    {
        await using var db = NewContext();
        await db.Database.ExecuteSqlRawAsync(sql);
    }

    private async Task<int> CountAsync<T>(System.Linq.Expressions.Expression<Func<T, bool>>? where = null)
        where T : class
    {
        await using var db = NewContext();
        return where is null ? await db.Set<T>().CountAsync() : await db.Set<T>().CountAsync(where);
    }

    private async Task<int> InstanceCountAsync()
    {
        await using var db = NewContext();
        return await WorkflowQueries.Instances(db).CountAsync(i => i.ProcessId == OrderToCashCycle.ProcessId);
    }
}
