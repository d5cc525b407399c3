using System.Net;
using System.Net.Http.Json;

namespace OrderToCash.IntegrationTests.Remind;

public sealed class RemindAuthTests : IAsyncLifetime, IDisposable
{
    private readonly RemindHost host = new();
    private string own = string.Empty;
    private string other = string.Empty;

    public async Task InitializeAsync()
    {
        await host.PublishAsync();
        own = await host.IssueInvoiceAsync("C-0001", 1_200m, new DateOnly(2026, 3, 15));
        other = await host.IssueInvoiceAsync("C-0002", 1_200m, new DateOnly(2026, 3, 15));
    }

    public Task DisposeAsync() => Task.CompletedTask;

    public void Dispose() => host.Dispose();

    [Theory]
    [InlineData("/api/reminders")]
    [InlineData("/api/disputes")]
    [InlineData("/api/reasons")]
    public async Task Without_credentials_the_answer_is_401(string path)
    {
        using var anonymous = host.Anonymous();
        (await anonymous.GetAsync(new Uri(path, UriKind.Relative))).StatusCode.Should().Be(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task The_wrong_role_gets_403()
    {
        (await host.PostAsync("quentin", $"/api/invoices/{own}/promises", new { amount = 100m, promisedFor = "2026-04-01" })).Status.Should().Be(HttpStatusCode.Forbidden);
        (await host.PostAsync("quentin", $"/api/invoices/{own}/disputes", new { amount = 100m, reasonCode = "PRICE_ERROR" })).Status.Should().Be(HttpStatusCode.Forbidden);
        (await host.PostAsync("cora", $"/api/invoices/{own}/lifecycle", new { status = "Suspendue", messageId = "m" })).Status.Should().Be(HttpStatusCode.Forbidden);
        using var collector = host.Client("cora");
        (await collector.PutAsJsonAsync(new Uri("/api/reasons/PRICE_ERROR", UriKind.Relative), new { kind = "Dispute", label = "x", department = "ADV" }))
            .StatusCode.Should().Be(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task A_customer_acts_only_on_its_own_invoices_and_sees_only_its_own_disputes()
    {
        var mine = await host.PostAsync("carl", $"/api/invoices/{own}/disputes", new { amount = 100m, reasonCode = "WRONG_ITEM" });
        mine.Status.Should().Be(HttpStatusCode.Created, mine.Body.ToString());
        mine.Body.GetProperty("source").GetString().Should().Be("Portal");
        (await host.PostAsync("carl", $"/api/invoices/{other}/disputes", new { amount = 100m, reasonCode = "WRONG_ITEM" })).Status.Should().Be(HttpStatusCode.NotFound);
        (await host.PostAsync("carl", $"/api/invoices/{other}/promises", new { amount = 100m, promisedFor = "2026-04-01" })).Status.Should().Be(HttpStatusCode.NotFound);
        (await host.PostAsync("cora", $"/api/invoices/{other}/disputes", new { amount = 50m, reasonCode = "WRONG_ITEM" })).Status.Should().Be(HttpStatusCode.Created);

        var seen = (await host.GetAsync("carl", "/api/disputes")).EnumerateArray().ToList();
        seen.Select(d => d.GetProperty("customerId").GetString()).Should().Equal("C-0001");
        seen.Single().GetProperty("route").ValueKind.Should().Be(System.Text.Json.JsonValueKind.Null, "the routing is internal");
        (await host.GetAsync("cora", "/api/disputes")).GetArrayLength().Should().Be(2);
    }

    [Fact]
    public async Task The_customer_reads_its_reminders_but_not_the_salespersons_call_sheet()
    {
        await host.AdvanceToAsync(new DateOnly(2026, 3, 16));

        (await host.GetAsync("cora", $"/api/reminders?invoice={own}")).EnumerateArray().Select(r => r.GetProperty("step").GetString())
            .Should().BeEquivalentTo("PreDueNotice", "SalespersonCordialCall");
        (await host.GetAsync("carl", "/api/reminders")).EnumerateArray().Select(r => r.GetProperty("step").GetString())
            .Should().Equal("PreDueNotice");
    }

    [Fact]
    public async Task A_salesperson_raises_disputes_for_its_own_customers_only()
    {
        (await host.PostAsync("salesperson", $"/api/invoices/{own}/disputes", new { amount = 100m, reasonCode = "PRICE_ERROR" })).Status.Should().Be(HttpStatusCode.Created);
        (await host.PostAsync("sam", $"/api/invoices/{own}/disputes", new { amount = 100m, reasonCode = "PRICE_ERROR" })).Status.Should().Be(HttpStatusCode.NotFound);
        await host.AdvanceToAsync(new DateOnly(2026, 3, 8));
        (await host.GetAsync("sam", "/api/reminders")).GetArrayLength().Should().Be(0);
        (await host.GetAsync("salesperson", "/api/reminders")).GetArrayLength().Should().BeGreaterThan(0);
    }
}
