using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OrderToCash.Core.Credit;
using OrderToCash.Core.Infrastructure.Persistence;
using OrderToCash.Core.Invoicing;
using OrderToCash.Core.Orders;
using OrderToCash.Engine.Durable.Storage;

namespace OrderToCash.IntegrationTests.Cycle;

public sealed class CycleRepairTests : IAsyncLifetime, IDisposable
{
    private readonly CycleScenario cycle = new();

    public Task InitializeAsync() => cycle.InitializeAsync();

    public Task DisposeAsync() => cycle.DisposeAsync();

    public void Dispose() => cycle.Dispose();

    [Fact]
    public async Task A_delivery_committed_without_its_message_is_told_again_at_the_next_start_and_invoiced_once()
    {
        var number = await cycle.AcceptedOrderAsync("C-0001", 1m, 1_000m);
        await DeliverWithoutMessageAsync(number);
        (await cycle.CountAsync<Invoice>()).Should().Be(0);

        cycle.Orders.Restart();
        cycle.Orders.Restart();

        (await cycle.OrderStatusAsync(number)).Should().Be("Invoiced");
        (await cycle.CountAsync<Invoice>()).Should().Be(1, "the second start's message is a duplicate");
    }

    [Fact]
    public async Task A_delivered_order_whose_cycle_was_lost_gets_a_new_cycle_that_issues_its_invoice()
    {
        var number = await cycle.AcceptedOrderAsync("C-0001", 1m, 1_000m);
        await DeliverWithoutMessageAsync(number);
        await using (var db = NewContext())
        {
            var ids = db.Set<InstanceRecord>().Where(i => i.BusinessKey == number).Select(i => i.Id);
            await db.Set<SubscriptionRecord>().Where(s => ids.Contains(s.InstanceId)).ExecuteDeleteAsync();
            await db.Set<ElementVisitRecord>().Where(v => ids.Contains(v.InstanceId)).ExecuteDeleteAsync();
            await db.Set<InstanceRecord>().Where(i => i.BusinessKey == number).ExecuteDeleteAsync();
            await db.Set<Order>().Where(o => o.Number == number).ExecuteUpdateAsync(s => s.SetProperty(o => o.CycleInstanceId, (string?)null));
        }

        cycle.Orders.Restart();

        (await cycle.OrderStatusAsync(number)).Should().Be("Invoiced");
        var invoice = (await cycle.GetAsync("claire", "/api/invoices")).EnumerateArray().Should().ContainSingle().Subject;
        (await cycle.InvoiceAsync(invoice.GetProperty("number").GetString()!)).GetProperty("dunningInstanceId").GetString()
            .Should().Be((await cycle.CycleInstanceAsync(number)).Id);
    }

    /// <summary>What a crash between the delivery's commit and its OrderDelivered message leaves.</summary>
    private async Task DeliverWithoutMessageAsync(string number)
    {
        await using var db = NewContext();
        var order = await db.Set<Order>().SingleAsync(o => o.Number == number);
        order.Deliver(cycle.Today, await db.Set<CreditExposure>().SingleAsync(e => e.CustomerId == order.CustomerId));
        await db.SaveChangesAsync();
    }

    private OrderToCashDbContext NewContext() => cycle.Orders.Host.Services.GetRequiredService<Func<OrderToCashDbContext>>()();
}
