using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace OrderToCash.IntegrationTests.Orders;

public sealed class CreditReleaseTests : IAsyncLifetime, IDisposable
{
    private readonly OrdersHost orders = new();

    public Task InitializeAsync() => orders.PublishRulesAndWorkflowAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    public void Dispose() => orders.Dispose();

    /// <summary>6,000 EUR incl. VAT: blocked by the new-customer cap (5,000 EUR), below every four-eyes threshold.</summary>
    private Task<JsonElement> PlaceSmallBlockedOrderAsync() => orders.PlaceAsync("salesperson", OrdersHost.OneLine("C-0001", 5m, 1_000m));

    [Fact]
    public async Task A_credit_manager_releases_a_blocked_order_it_becomes_accepted_and_enters_the_exposure()
    {
        var number = (await PlaceSmallBlockedOrderAsync()).GetProperty("number").GetString()!;
        var before = await orders.ExposureAsync("C-0001");

        await orders.DecideAsync("claire", number, "release", "Paid on time for six years; the cap is too low for this account");

        var order = await orders.OrderAsync(number);
        order.GetProperty("status").GetString().Should().Be("Accepted");
        order.GetProperty("decidedBy").GetString().Should().Be("claire");
        order.GetProperty("decisionComment").GetString().Should().StartWith("Paid on time");
        order.GetProperty("decidedAt").ValueKind.Should().Be(JsonValueKind.String);
        (await orders.ExposureAsync("C-0001")).Should().Be(before + 6_000m);
        (await orders.TasksAsync("claire", number)).Should().BeEmpty();
    }

    [Fact]
    public async Task A_credit_manager_rejects_a_blocked_order_it_becomes_rejected_and_the_exposure_does_not_move()
    {
        var number = (await PlaceSmallBlockedOrderAsync()).GetProperty("number").GetString()!;

        await orders.DecideAsync("claire", number, "reject", "No new business until the account has a history");

        var order = await orders.OrderAsync(number);
        order.GetProperty("status").GetString().Should().Be("Rejected");
        order.GetProperty("decidedBy").GetString().Should().Be("claire");
        (await orders.ExposureAsync("C-0001")).Should().Be(0m);
        (await orders.TasksAsync("claire", number)).Should().BeEmpty();
    }

    [Fact]
    public async Task Above_the_four_eyes_threshold_the_same_credit_manager_cannot_approve_twice_and_two_different_ones_release()
    {
        var number = (await orders.PlaceAsync("salesperson", OrdersHost.OneLine("C-0001", 1m, 90_000m))).GetProperty("number").GetString()!;

        await orders.DecideAsync("claire", number, "release", "Insurer confirmed extra cover by phone");
        var afterFirst = await orders.OrderAsync(number);
        afterFirst.GetProperty("status").GetString().Should().Be("CreditBlocked", "one approval is not enough above the four-eyes threshold");
        afterFirst.GetProperty("firstApprover").GetString().Should().Be("claire");
        var second = (await orders.TasksAsync("cyril", number)).Should().ContainSingle().Subject;
        second.GetProperty("elementId").GetString().Should().Be("secondReview");

        await orders.DecideAsync("claire", number, "release", "Approving again myself");
        var refused = await orders.OrderAsync(number);
        refused.GetProperty("status").GetString().Should().Be("CreditBlocked", "the first approver cannot also be the second");
        (await orders.ExposureAsync("C-0001")).Should().Be(0m);
        (await orders.TasksAsync("cyril", number)).Should().ContainSingle("the second approval is asked again")
            .Which.GetProperty("elementId").GetString().Should().Be("secondReview");

        await orders.DecideAsync("cyril", number, "release", "Agreed, with the insurer's confirmation on file");
        var released = await orders.OrderAsync(number);
        released.GetProperty("status").GetString().Should().Be("Accepted");
        released.GetProperty("firstApprover").GetString().Should().Be("claire");
        released.GetProperty("decidedBy").GetString().Should().Be("cyril");
        (await orders.ExposureAsync("C-0001")).Should().Be(108_000m);
        (await orders.TasksAsync("cyril", number)).Should().BeEmpty();
    }

    [Fact]
    public async Task A_decision_on_a_task_nobody_claimed_is_refused_and_the_question_is_asked_again()
    {
        var number = (await PlaceSmallBlockedOrderAsync()).GetProperty("number").GetString()!;
        var task = (await orders.TasksAsync("claire", number)).Should().ContainSingle().Subject;
        using var credit = orders.Client("claire");

        var completed = await credit.PostAsJsonAsync(new Uri($"/api/tasks/{task.GetProperty("id").GetString()}/complete", UriKind.Relative), new { outputs = new { decision = "release", comment = "quick" } });

        completed.StatusCode.Should().Be(HttpStatusCode.OK);
        (await orders.OrderAsync(number)).GetProperty("status").GetString().Should().Be("CreditBlocked");
        (await orders.TasksAsync("claire", number)).Should().ContainSingle().Which.GetProperty("id").GetString().Should().NotBe(task.GetProperty("id").GetString());
    }

    [Fact]
    public async Task An_answer_that_is_neither_release_nor_reject_is_refused_and_changes_nothing()
    {
        var number = (await PlaceSmallBlockedOrderAsync()).GetProperty("number").GetString()!;

        var taskId = (await orders.TasksAsync("claire", number)).Should().ContainSingle().Subject.GetProperty("id").GetString();
        using var client = orders.Client("claire");
        (await client.PostAsync(new Uri($"/api/tasks/{taskId}/claim", UriKind.Relative), null)).StatusCode.Should().Be(HttpStatusCode.OK);

        var refused = await client.PostAsJsonAsync(new Uri($"/api/tasks/{taskId}/complete", UriKind.Relative), new { outputs = new { decision = "maybe", comment = "not sure" } });

        refused.StatusCode.Should().Be(HttpStatusCode.UnprocessableEntity);
        (await refused.Content.ReadAsStringAsync()).Should().Contain("'maybe' is not a value of 'decision': answer one of release, reject.");
        (await orders.OrderAsync(number)).GetProperty("status").GetString().Should().Be("CreditBlocked");
        (await orders.TasksAsync("claire", number)).Should().ContainSingle();
    }
}
