using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OrderToCash.Core.Customers;
using OrderToCash.Core.Infrastructure.Persistence;
using OrderToCash.IntegrationTests.Remind;

namespace OrderToCash.IntegrationTests.Collections;

/// <summary>GET /api/sales/cockpit: salespeople only, each seeing their own customers only (RemindHost: 2 March 2026).</summary>
public sealed class SalesCockpitApiTests : IAsyncLifetime, IDisposable
{
    private readonly RemindHost host = new();

    public Task InitializeAsync() => host.PublishAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    public void Dispose() => host.Dispose();

    [Fact]
    public async Task Each_salesperson_reads_the_headroom_and_overdue_items_of_their_own_customers_only()
    {
        await using (var db = host.Services.GetRequiredService<Func<OrderToCashDbContext>>()())
        {
            (await db.Set<Customer>().Where(c => c.Id == "C-0003").ExecuteUpdateAsync(s => s.SetProperty(c => c.Salesperson, "sam"))).Should().Be(1);
        }

        var late = await host.IssueInvoiceAsync("C-0001", 1_200m, host.Today.AddDays(-15));
        var samsLate = await host.IssueInvoiceAsync("C-0003", 600m, host.Today.AddDays(-10));
        await host.IssueInvoiceAsync("C-0002", 300m, host.Today.AddDays(10));

        var mine = await CockpitAsync("salesperson", "pageSize=100");
        mine.GetProperty("total").GetInt32().Should().Be(7);
        var customers = mine.GetProperty("customers").EnumerateArray().ToList();
        customers.Select(c => c.GetProperty("customerId").GetString()).Should().NotContain("C-0003", "C-0003 is sam's customer").And.HaveCount(7);
        var boulangeries = customers.Single(c => c.GetProperty("customerId").GetString() == "C-0001");
        (boulangeries.GetProperty("creditLimit").GetDecimal(), boulangeries.GetProperty("exposure").GetDecimal(), boulangeries.GetProperty("headroom").GetDecimal(), boulangeries.GetProperty("overdueAmount").GetDecimal())
            .Should().Be((80_000m, 1_200m, 78_800m, 1_200m), "50,000 EUR internal + 30,000 EUR insurer cover, 1,200 EUR invoiced and overdue");
        customers.Single(c => c.GetProperty("customerId").GetString() == "C-0002").GetProperty("overdueAmount").GetDecimal().Should().Be(0m, "its invoice is not due yet");
        var overdue = mine.GetProperty("overdueItems").EnumerateArray().Should().ContainSingle().Subject;
        (overdue.GetProperty("number").GetString(), overdue.GetProperty("daysLate").GetInt32()).Should().Be((late, 15));
        mine.GetProperty("customerNames").TryGetProperty("C-0003", out _).Should().BeFalse();

        var sams = await CockpitAsync("sam", "pageSize=100");
        sams.GetProperty("total").GetInt32().Should().Be(1);
        sams.GetProperty("customers").EnumerateArray().Single().GetProperty("customerId").GetString().Should().Be("C-0003");
        sams.GetProperty("overdueItems").EnumerateArray().Single().GetProperty("number").GetString().Should().Be(samsLate);

        var byHeadroom = (await CockpitAsync("salesperson", "sort=headroom&pageSize=2")).GetProperty("customers").EnumerateArray().Select(c => c.GetProperty("headroom").GetDecimal()).ToList();
        byHeadroom.Should().Equal([5_000m, 8_000m], "Start'Innov (5,000 EUR) and Menuiserie Garnier (8,000 EUR) have the least headroom");
    }

    [Theory]
    [InlineData("cora")]
    [InlineData("claire")]
    [InlineData("carl")]
    public async Task Other_roles_are_refused(string userName)
    {
        using var client = host.Client(userName);
        (await client.GetAsync(new Uri("/api/sales/cockpit", UriKind.Relative))).StatusCode.Should().Be(HttpStatusCode.Forbidden);
    }

    [Theory]
    [InlineData("sort=amount", "sort")]
    [InlineData("page=0", "page")]
    [InlineData("pageSize=500", "pageSize")]
    public async Task A_bad_parameter_is_a_400_problem_naming_it(string query, string field)
    {
        using var client = host.Client("salesperson");
        var response = await client.GetAsync(new Uri($"/api/sales/cockpit?{query}", UriKind.Relative));
        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("errors").TryGetProperty(field, out _).Should().BeTrue();
    }

    private async Task<JsonElement> CockpitAsync(string userName, string query)
    {
        using var client = host.Client(userName);
        var response = await client.GetAsync(new Uri($"/api/sales/cockpit?{query}", UriKind.Relative));
        var body = await response.Content.ReadAsStringAsync();
        response.StatusCode.Should().Be(HttpStatusCode.OK, body);
        return JsonDocument.Parse(body).RootElement.Clone();
    }
}
