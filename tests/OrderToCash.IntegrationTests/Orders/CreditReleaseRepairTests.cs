using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OrderToCash.Core.Infrastructure.Persistence;
using OrderToCash.Core.Orders;
using OrderToCash.Engine.Durable.Storage;

namespace OrderToCash.IntegrationTests.Orders;

public sealed class CreditReleaseRepairTests : IAsyncLifetime, IDisposable
{
    private readonly OrdersHost orders = new();

    public Task InitializeAsync() => orders.PublishRulesAndWorkflowAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    public void Dispose() => orders.Dispose();

    [Fact]
    public async Task A_blocked_order_left_without_its_release_workflow_gets_one_at_the_next_host_start()
    {
        var number = (await orders.PlaceAsync("salesperson", OrdersHost.OneLine("C-0001", 5m, 1_000m))).GetProperty("number").GetString()!;
        // What a crash between the order's commit and the instance's start leaves: the order, no instance, no task.
        var createContext = orders.Host.Services.GetRequiredService<Func<OrderToCashDbContext>>();
        await using (var db = createContext())
        {
            var instanceIds = db.Set<InstanceRecord>().Where(i => i.BusinessKey == number).Select(i => i.Id);
            await db.Set<UserTaskRecord>().Where(t => instanceIds.Contains(t.InstanceId)).ExecuteDeleteAsync();
            await db.Set<ElementVisitRecord>().Where(v => instanceIds.Contains(v.InstanceId)).ExecuteDeleteAsync();
            await db.Set<InstanceRecord>().Where(i => i.BusinessKey == number).ExecuteDeleteAsync();
            await db.Set<Order>().Where(o => o.Number == number).ExecuteUpdateAsync(s => s.SetProperty(o => o.ReleaseInstanceId, (string?)null).SetProperty(o => o.CycleInstanceId, (string?)null));
        }

        (await orders.TasksAsync("claire", number)).Should().BeEmpty();

        orders.Restart();

        (await orders.TasksAsync("claire", number)).Should().ContainSingle("the repair at start asked the credit manager again");
        var repaired = await orders.OrderAsync(number);
        repaired.GetProperty("releaseInstanceId").GetString().Should().NotBeNullOrEmpty();
        repaired.GetProperty("cycleInstanceId").GetString().Should().Be(repaired.GetProperty("releaseInstanceId").GetString(), "the release runs inside the order's cycle");
        orders.Restart();
        (await orders.TasksAsync("claire", number)).Should().ContainSingle("a second start does not start a second instance");
        await orders.DecideAsync("claire", number, "release", "Known customer");
        (await orders.OrderAsync(number)).GetProperty("status").GetString().Should().Be("Accepted");
    }
}
