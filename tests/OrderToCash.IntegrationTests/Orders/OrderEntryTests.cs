using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace OrderToCash.IntegrationTests.Orders;

public sealed class OrderEntryTests : IAsyncLifetime, IDisposable
{
    private readonly OrdersHost orders = new();

    public Task InitializeAsync() => orders.PublishRulesAndWorkflowAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    public void Dispose() => orders.Dispose();

    [Fact]
    public async Task An_order_within_the_limit_is_accepted_numbered_totalled_to_the_cent_and_the_exposure_grows_by_its_total()
    {
        var before = await orders.ExposureAsync("C-0001");

        var order = await orders.PlaceAsync("salesperson", new
        {
            customerId = "C-0001",
            lines = new object[]
            {
                new { description = "Flour T55, 25 kg", quantity = 10m, unitPrice = 12.345m, vatRate = 5.5m },
                new { description = "Oven maintenance", quantity = 1.5m, unitPrice = 99.99m, vatRate = 20m },
            },
        });

        order.GetProperty("number").GetString().Should().MatchRegex(@"^SO-\d{4}-000001$");
        order.GetProperty("status").GetString().Should().Be("Accepted");
        order.GetProperty("currency").GetString().Should().Be("EUR");
        order.GetProperty("createdBy").GetString().Should().Be("salesperson");
        // 10 × 12.345 = 123.45 (VAT 5.5 % = 6.79); 1.5 × 99.99 = 149.985 → 149.99 (VAT 20 % = 30.00)
        order.GetProperty("netTotal").GetDecimal().Should().Be(273.44m);
        order.GetProperty("vatTotal").GetDecimal().Should().Be(36.79m);
        order.GetProperty("grossTotal").GetDecimal().Should().Be(310.23m);
        order.GetProperty("creditBlockReasons").GetArrayLength().Should().Be(0);
        (await orders.ExposureAsync("C-0001")).Should().Be(before + 310.23m);
    }

    [Fact]
    public async Task An_order_over_the_limit_is_blocked_with_the_rules_reason_and_the_decision_and_a_task_waits_for_the_credit_manager()
    {
        var before = await orders.ExposureAsync("C-0001");

        var order = await orders.PlaceAsync("salesperson", OrdersHost.OneLine("C-0001", 1m, 90_000m));

        var number = order.GetProperty("number").GetString()!;
        order.GetProperty("status").GetString().Should().Be("CreditBlocked");
        order.GetProperty("grossTotal").GetDecimal().Should().Be(108_000m);
        order.GetProperty("creditBlockReasons").EnumerateArray().Select(r => r.GetString()).Should()
            .Contain(r => r!.StartsWith("WithinCreditLimit: Exposure after this order exceeds the credit limit", StringComparison.Ordinal));
        order.GetProperty("releaseNeedsSecondApprover").GetBoolean().Should().BeTrue("108,000 EUR is above the four-eyes threshold of 50,000 EUR");
        order.GetProperty("releaseInstanceId").GetString().Should().NotBeNullOrEmpty();
        (await orders.ExposureAsync("C-0001")).Should().Be(before, "a blocked order is not in the exposure");

        var task = (await orders.TasksAsync("claire", number)).Should().ContainSingle().Subject;
        task.GetProperty("name").GetString().Should().Be("Release or reject the blocked order");
        task.GetProperty("candidateRole").GetString().Should().Be("CreditManager");
        (await orders.TasksAsync("salesperson", number)).Should().BeEmpty("only credit managers decide");

        var read = await orders.OrderAsync(number);
        var decision = read.GetProperty("decisions").EnumerateArray().Should().ContainSingle().Subject;
        decision.GetRawText().Should().Contain("credit-limit").And.Contain("WithinCreditLimit");
        decision.GetProperty("decision").GetProperty("id").GetInt64().Should().Be(order.GetProperty("creditDecisionId").GetInt64());
        decision.GetProperty("version").GetProperty("version").GetInt32().Should().Be(1, "the rule version that blocked the order is named");
        using var credit = orders.Client("claire");
        var explained = await credit.GetStringAsync(new Uri($"/api/decisions/order/{number}", UriKind.Relative));
        explained.Should().Contain("WithinCreditLimit");
    }

    [Fact]
    public async Task The_customer_sees_its_blocked_order_but_not_the_internal_credit_reasons()
    {
        var order = await orders.PlaceAsync("salesperson", OrdersHost.OneLine("C-0001", 1m, 90_000m));
        var number = order.GetProperty("number").GetString();
        using var customer = orders.Client("carl");

        var seen = JsonDocument.Parse(await customer.GetStringAsync(new Uri($"/api/orders/{number}", UriKind.Relative))).RootElement;

        seen.GetProperty("status").GetString().Should().Be("CreditBlocked");
        seen.GetProperty("creditBlockReasons").GetArrayLength().Should().Be(0);
        seen.TryGetProperty("decisions", out var decisions).Should().BeTrue();
        decisions.ValueKind.Should().BeOneOf(JsonValueKind.Null, JsonValueKind.Array);
        if (decisions.ValueKind == JsonValueKind.Array)
        {
            decisions.GetArrayLength().Should().Be(0, "the credit decision is the company's internal judgement");
        }
    }

    [Fact]
    public async Task A_sales_administrator_enters_orders_for_any_customer_and_the_numbers_follow_each_other()
    {
        var first = await orders.PlaceAsync("sabine", OrdersHost.OneLine("C-0002", 2m, 100m));
        var second = await orders.PlaceAsync("sabine", OrdersHost.OneLine("C-0004", 3m, 100m));

        var a = first.GetProperty("number").GetString()!;
        var b = second.GetProperty("number").GetString()!;
        b.Should().Be(a[..^6] + "000002");
        using var sales = orders.Client("salesperson");
        var listed = JsonDocument.Parse(await sales.GetStringAsync(new Uri("/api/orders", UriKind.Relative))).RootElement;
        listed.EnumerateArray().Select(o => o.GetProperty("number").GetString()).Should().BeEquivalentTo([a, b]);
    }

    [Fact]
    public async Task Concurrent_orders_for_one_customer_get_distinct_consecutive_numbers_and_the_exposure_counts_each_once()
    {
        var placed = await Task.WhenAll(Enumerable.Range(1, 6).Select(i => orders.PlaceAsync(i % 2 == 0 ? "salesperson" : "sabine", OrdersHost.OneLine("C-0001", i, 10m))));

        placed.Select(o => o.GetProperty("number").GetString()![^6..]).Should().BeEquivalentTo(Enumerable.Range(1, 6).Select(i => $"{i:000000}"));
        placed.Should().OnlyContain(o => o.GetProperty("status").GetString() == "Accepted");
        // 1..6 units at 10 EUR + 20 % VAT = 12 EUR a unit, 21 units in all.
        (await orders.ExposureAsync("C-0001")).Should().Be(252m);
    }

    [Fact]
    public async Task The_order_list_filters_by_status()
    {
        var accepted = await orders.PlaceAsync("salesperson", OrdersHost.OneLine("C-0001", 1m, 10m));
        var blocked = await orders.PlaceAsync("salesperson", OrdersHost.OneLine("C-0001", 1m, 90_000m));
        using var credit = orders.Client("claire");

        var list = JsonDocument.Parse(await credit.GetStringAsync(new Uri("/api/orders?status=CreditBlocked", UriKind.Relative))).RootElement;

        list.EnumerateArray().Select(o => o.GetProperty("number").GetString()).Should().Equal(blocked.GetProperty("number").GetString());
        accepted.GetProperty("status").GetString().Should().Be("Accepted");
    }

    [Fact]
    public async Task A_salesperson_cannot_order_for_or_read_the_orders_of_another_salespersons_customer()
    {
        var placed = await orders.PlaceAsync("salesperson", OrdersHost.OneLine("C-0001", 1m, 100m));
        var number = placed.GetProperty("number").GetString();
        using var sam = orders.Client("sam");

        var refused = await sam.PostAsJsonAsync(new Uri("/api/orders", UriKind.Relative), OrdersHost.OneLine("C-0001", 1m, 100m));

        refused.StatusCode.Should().Be(HttpStatusCode.UnprocessableEntity);
        (await refused.Content.ReadAsStringAsync()).Should().Contain("Customer 'C-0001' was not found.");
        (await sam.GetAsync(new Uri($"/api/orders/{number}", UriKind.Relative))).StatusCode.Should().Be(HttpStatusCode.NotFound);
        JsonDocument.Parse(await sam.GetStringAsync(new Uri("/api/orders", UriKind.Relative))).RootElement.GetArrayLength().Should().Be(0);
    }

    [Fact]
    public async Task Roles_that_do_not_sell_cannot_enter_orders()
    {
        using var credit = orders.Client("claire");
        using var anonymous = orders.Host.CreateClient();

        (await credit.PostAsJsonAsync(new Uri("/api/orders", UriKind.Relative), OrdersHost.OneLine("C-0001", 1m, 100m))).StatusCode.Should().Be(HttpStatusCode.Forbidden);
        (await anonymous.PostAsJsonAsync(new Uri("/api/orders", UriKind.Relative), OrdersHost.OneLine("C-0001", 1m, 100m))).StatusCode.Should().Be(HttpStatusCode.Unauthorized);
    }

    public static TheoryData<string, string> BadOrders => new()
    {
        { """{"customerId":"C-9999","lines":[{"description":"x","quantity":1,"unitPrice":10,"vatRate":20}]}""", "Customer 'C-9999' was not found." },
        { """{"customerId":"C-0001","lines":[]}""", "An order needs at least one line." },
        { """{"customerId":"C-0001"}""", "An order needs at least one line." },
        { """{"customerId":"C-0001","lines":[{"description":"x","quantity":0,"unitPrice":10,"vatRate":20}]}""", "Line 1: the quantity must be greater than zero, not 0." },
        { """{"customerId":"C-0001","lines":[{"description":"x","quantity":1,"unitPrice":10,"vatRate":20},{"description":"y","quantity":-2,"unitPrice":10,"vatRate":20}]}""", "Line 2: the quantity must be greater than zero, not -2." },
        { """{"customerId":"C-0001","lines":[{"description":"x","quantity":1,"unitPrice":-5,"vatRate":20}]}""", "Line 1: the unit price cannot be negative (-5)" },
        { """{"customerId":"C-0001","lines":[{"description":"x","quantity":1,"unitPrice":10,"vatRate":19.6}]}""", "Line 1: 19.6 % is not a French VAT rate; use one of 20, 10, 5.5, 2.1." },
        { """{"lines":[{"description":"x","quantity":1,"unitPrice":10,"vatRate":20}]}""", "The customer is missing" },
    };

    [Theory]
    [MemberData(nameof(BadOrders))]
    public async Task A_bad_order_is_refused_with_a_precise_message_and_nothing_is_written(string body, string message)
    {
        using var sales = orders.Client("salesperson");

        var refused = await sales.PostAsync(new Uri("/api/orders", UriKind.Relative), new StringContent(body, System.Text.Encoding.UTF8, "application/json"));

        refused.StatusCode.Should().Be(HttpStatusCode.UnprocessableEntity);
        (await refused.Content.ReadAsStringAsync()).Should().Contain(message);
        JsonDocument.Parse(await sales.GetStringAsync(new Uri("/api/orders", UriKind.Relative))).RootElement.GetArrayLength().Should().Be(0);
        (await orders.ExposureAsync("C-0001")).Should().Be(0m);
        var next = await orders.PlaceAsync("salesperson", OrdersHost.OneLine("C-0001", 1m, 10m));
        next.GetProperty("number").GetString().Should().EndWith("-000001", "a refused order takes no number");
    }
}
