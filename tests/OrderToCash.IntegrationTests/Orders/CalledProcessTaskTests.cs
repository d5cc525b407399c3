using System.Net;
using System.Text.Json;

namespace OrderToCash.IntegrationTests.Orders;

/// <summary>
/// The release tasks run in credit-release, called by the order's order-to-cash instance: they are credit-release's
/// tasks (its id, its version), their form reads credit-release's elements and variables, and the versions list
/// counts the orders waiting in it.
/// </summary>
public sealed class CalledProcessTaskTests : IAsyncLifetime, IDisposable
{
    private readonly OrdersHost orders = new();

    public Task InitializeAsync() => orders.PublishRulesAndWorkflowAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    public void Dispose() => orders.Dispose();

    [Fact]
    public async Task A_release_task_belongs_to_credit_release_and_its_form_opens_even_for_the_second_approval()
    {
        var number = (await orders.PlaceAsync("salesperson", OrdersHost.OneLine("C-0001", 1m, 90_000m))).GetProperty("number").GetString()!;
        await orders.DecideAsync("claire", number, "release", "Insurer confirmed extra cover by phone");
        var task = (await orders.TasksAsync("cyril", number)).Should().ContainSingle().Subject;
        task.GetProperty("elementId").GetString().Should().Be("secondReview", "secondReview exists only in credit-release, not in order-to-cash");
        task.GetProperty("processId").GetString().Should().Be("credit-release");
        task.GetProperty("version").GetInt32().Should().Be(1);

        using var cyril = orders.Client("cyril");
        var response = await cyril.GetAsync(new Uri($"/api/tasks/{task.GetProperty("id").GetString()}/form", UriKind.Relative));

        var body = await response.Content.ReadAsStringAsync();
        response.StatusCode.Should().Be(HttpStatusCode.OK, body);
        var form = JsonDocument.Parse(body).RootElement;
        form.GetProperty("fields").EnumerateArray().Select(f => $"{f.GetProperty("name").GetString()}:{f.GetProperty("type").GetString()}")
            .Should().Equal("decision:string", "comment:string");
        var context = form.GetProperty("context");
        context.GetProperty("orderNumber").GetString().Should().Be(number);
        context.GetProperty("amount").GetDecimal().Should().Be(108_000m);
        context.GetProperty("releaseNeedsSecondApprover").GetBoolean().Should().BeTrue();
        context.GetProperty("outcome").GetString().Should().Be("awaiting-second-approver", "the context is credit-release's own variables");
    }

    [Fact]
    public async Task The_versions_and_element_statistics_of_a_called_process_count_the_orders_waiting_in_it()
    {
        using var owner = orders.Client("olivia");
        var before = await RunningAsync(owner);

        await orders.PlaceAsync("salesperson", OrdersHost.OneLine("C-0001", 5m, 1_000m));
        await orders.PlaceAsync("salesperson", OrdersHost.OneLine("C-0002", 5m, 1_000m));

        (await RunningAsync(owner)).Should().Be(before + 2);
        var elements = JsonDocument.Parse(await owner.GetStringAsync(new Uri("/api/definitions/credit-release/elements", UriKind.Relative))).RootElement;
        elements.EnumerateArray().Single(e => e.GetProperty("elementId").GetString() == "review").GetProperty("waitingNow").GetInt32().Should().Be(before + 2);
        var cycle = JsonDocument.Parse(await owner.GetStringAsync(new Uri("/api/definitions/order-to-cash/elements", UriKind.Relative))).RootElement;
        cycle.EnumerateArray().Select(e => e.GetProperty("elementId").GetString()).Should().NotContain("review", "credit-release's elements are not order-to-cash's");
    }

    private static async Task<int> RunningAsync(HttpClient owner)
    {
        var versions = JsonDocument.Parse(await owner.GetStringAsync(new Uri("/api/definitions/credit-release/versions", UriKind.Relative))).RootElement;
        return versions.EnumerateArray().Should().ContainSingle().Subject.GetProperty("running").GetInt32();
    }
}
