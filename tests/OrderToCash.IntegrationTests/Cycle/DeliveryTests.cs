using System.Net;
using System.Net.Http.Json;

namespace OrderToCash.IntegrationTests.Cycle;

public sealed class DeliveryTests : IAsyncLifetime, IDisposable
{
    private readonly CycleScenario cycle = new();

    public Task InitializeAsync() => cycle.InitializeAsync();

    public Task DisposeAsync() => cycle.DisposeAsync();

    public void Dispose() => cycle.Dispose();

    [Fact]
    public async Task The_check_at_delivery_sees_real_overdue_invoices_blocks_the_delivery_with_202_and_the_credit_managers_task_and_changes_nothing_else()
    {
        await cycle.InvoicedOrderAsync("C-0001", 1m, 1_000m);
        var order = await cycle.AcceptedOrderAsync("C-0001", 1m, 500m);
        cycle.AdvanceTo(new DateOnly(2026, 4, 10));
        var exposure = await cycle.Orders.ExposureAsync("C-0001");

        var blocked = await CycleScenario.BodyAsync(await cycle.DeliverAsync(order), HttpStatusCode.Accepted);

        blocked.GetProperty("reasons").EnumerateArray().Select(r => r.GetString()).Should().ContainSingle()
            .Which.Should().StartWith("NoOldOverdueItems:", "1,200 EUR is 35 days overdue (due 6 March)");
        var task = blocked.GetProperty("task");
        task.GetProperty("processId").GetString().Should().Be("credit-release");
        task.GetProperty("elementId").GetString().Should().Be("review");
        task.GetProperty("candidateRole").GetString().Should().Be("CreditManager");
        var inbox = (await cycle.Orders.TasksAsync("claire", order)).Should().ContainSingle().Subject;
        inbox.GetProperty("id").GetString().Should().Be(task.GetProperty("id").GetString(), "the credit manager's inbox lists the task the delivery waits in");
        var read = await cycle.Orders.OrderAsync(order);
        read.GetProperty("status").GetString().Should().Be("DeliveryBlocked");
        read.GetProperty("creditBlockReasons").EnumerateArray().Select(r => r.GetString()).Should().ContainSingle().Which.Should().StartWith("NoOldOverdueItems:", "the task's form shows the failed rules");
        read.GetProperty("deliveredOn").ValueKind.Should().Be(System.Text.Json.JsonValueKind.Null);
        read.GetProperty("decisions").GetArrayLength().Should().Be(2, "the entry check and the delivery check are both recorded");
        (await cycle.Orders.ExposureAsync("C-0001")).Should().Be(exposure);
        (await cycle.CountAsync<Core.Invoicing.Invoice>()).Should().Be(1, "only the overdue invoice");
        (await cycle.CycleInstanceAsync(order)).Status.Should().Be("Running");
    }

    [Fact]
    public async Task A_credit_manager_releases_a_blocked_delivery_and_the_goods_leave_on_the_release_day_and_are_invoiced()
    {
        await cycle.InvoicedOrderAsync("C-0001", 1m, 1_000m);
        var order = await cycle.AcceptedOrderAsync("C-0001", 1m, 500m);
        cycle.AdvanceTo(new DateOnly(2026, 4, 10));
        await CycleScenario.BodyAsync(await cycle.DeliverAsync(order), HttpStatusCode.Accepted);
        cycle.AdvanceTo(new DateOnly(2026, 4, 13));

        await cycle.Orders.DecideAsync("claire", order, "release", "Payment announced by the customer's treasurer");

        var read = await cycle.Orders.OrderAsync(order);
        read.GetProperty("status").GetString().Should().Be("Invoiced");
        read.GetProperty("deliveredOn").GetString().Should().Be("2026-04-13", "blocked on the 10th, the goods left when the credit manager released them");
        read.GetProperty("decidedBy").GetString().Should().Be("claire");
        (await cycle.CountAsync<Core.Invoicing.Invoice>()).Should().Be(2);
        (await cycle.Orders.TasksAsync("claire", order)).Should().BeEmpty();
    }

    [Fact]
    public async Task A_credit_manager_rejecting_a_blocked_delivery_cancels_the_order_and_takes_it_out_of_the_exposure()
    {
        await cycle.InvoicedOrderAsync("C-0001", 1m, 1_000m);
        var order = await cycle.AcceptedOrderAsync("C-0001", 1m, 500m);
        cycle.AdvanceTo(new DateOnly(2026, 4, 10));
        var exposure = await cycle.Orders.ExposureAsync("C-0001");
        await CycleScenario.BodyAsync(await cycle.DeliverAsync(order), HttpStatusCode.Accepted);

        await cycle.Orders.DecideAsync("claire", order, "reject", "Too much overdue");

        (await cycle.OrderStatusAsync(order)).Should().Be("Rejected");
        (await cycle.Orders.ExposureAsync("C-0001")).Should().Be(exposure - 600m, "the order's 600 EUR leave the open orders");
        var instance = await cycle.CycleInstanceAsync(order);
        instance.Status.Should().Be("Completed");
        (await cycle.CountAsync<Core.Invoicing.Invoice>()).Should().Be(1);
    }

    [Fact]
    public async Task Three_paid_invoices_lift_the_new_customer_cap_at_the_next_check()
    {
        cycle.AdvanceTo(new DateOnly(2026, 1, 5));
        for (var i = 1; i <= 3; i++)
        {
            var invoice = await cycle.InvoicedOrderAsync("C-0001", 1m, 1_000m);
            await CycleScenario.BodyAsync(await cycle.PayAsync($"VIR-HIST-{i}", "C-0001", 1_200m, invoice), HttpStatusCode.Created);
        }

        var large = await cycle.Orders.PlaceAsync("salesperson", Orders.OrdersHost.OneLine("C-0001", 1m, 10_000m));

        large.GetProperty("status").GetString().Should().Be("Accepted", "12,000 EUR passes once the customer has paid three invoices (C-0001 is six years old)");
    }

    [Fact]
    public async Task An_order_a_credit_manager_released_is_not_blocked_again_at_delivery_for_the_reason_released()
    {
        var number = (await cycle.Orders.PlaceAsync("salesperson", Orders.OrdersHost.OneLine("C-0001", 5m, 1_000m))).GetProperty("number").GetString()!;
        await cycle.Orders.DecideAsync("claire", number, "release", "Known customer; the cap does not fit this account");

        var delivered = await CycleScenario.BodyAsync(await cycle.DeliverAsync(number), HttpStatusCode.OK);

        delivered.GetProperty("status").GetString().Should().Be("Invoiced", "the new-customer cap that blocked it was overruled by the release");
        // The order's decisions: the credit checks at entry and at delivery, then the payment-terms check before the invoice (ADR 0065).
        (await cycle.Orders.OrderAsync(number)).GetProperty("decisions").EnumerateArray()
            .Select(d => d.GetProperty("decision").GetProperty("ruleSetName").GetString())
            .Should().Equal(["credit-limit", "credit-limit", "payment-terms"], "the delivery check is still run and recorded");
    }

    [Fact]
    public async Task A_delivery_is_refused_for_a_blocked_order_a_future_date_an_unknown_order_and_a_salesperson()
    {
        var blocked = (await cycle.Orders.PlaceAsync("salesperson", Orders.OrdersHost.OneLine("C-0001", 5m, 1_000m))).GetProperty("number").GetString()!;
        var accepted = await cycle.AcceptedOrderAsync("C-0001", 1m, 100m);

        var notAccepted = await CycleScenario.BodyAsync(await cycle.DeliverAsync(blocked), HttpStatusCode.UnprocessableEntity);
        var blockedOrder = await BlockedOrderAsync();
        var again = await CycleScenario.BodyAsync(await cycle.DeliverAsync(blockedOrder), HttpStatusCode.UnprocessableEntity);
        var future = await CycleScenario.BodyAsync(await cycle.DeliverAsync(accepted, cycle.Today.AddDays(1)), HttpStatusCode.UnprocessableEntity);
        var unknown = await cycle.DeliverAsync("SO-2026-999999");
        using var sales = cycle.Client("salesperson");
        var salesperson = await sales.PostAsJsonAsync(new Uri($"/api/orders/{accepted}/delivery", UriKind.Relative), new { deliveredOn = "2026-01-05" });

        notAccepted.GetProperty("errors").GetProperty("status")[0].GetString().Should().Contain("CreditBlocked");
        again.GetProperty("errors").GetProperty("status")[0].GetString().Should().Contain("waits for a credit manager's release");
        future.GetProperty("errors").GetProperty("deliveredOn")[0].GetString().Should().Contain("future");
        unknown.StatusCode.Should().Be(HttpStatusCode.NotFound);
        salesperson.StatusCode.Should().Be(HttpStatusCode.Forbidden);
        (await cycle.OrderStatusAsync(accepted)).Should().Be("Accepted");
        (await cycle.CountAsync<Core.Invoicing.Invoice>()).Should().Be(1, "only the overdue invoice that blocked the other order");
        (await cycle.Orders.TasksAsync("claire", blockedOrder)).Should().ContainSingle("the second request changed nothing");
    }

    private async Task<string> BlockedOrderAsync()
    {
        await cycle.InvoicedOrderAsync("C-0001", 1m, 1_000m);
        var order = await cycle.AcceptedOrderAsync("C-0001", 1m, 500m);
        cycle.AdvanceTo(new DateOnly(2026, 4, 10));
        await CycleScenario.BodyAsync(await cycle.DeliverAsync(order), HttpStatusCode.Accepted);
        return order;
    }
}
