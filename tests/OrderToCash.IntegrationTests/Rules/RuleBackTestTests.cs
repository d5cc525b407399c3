using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OrderToCash.Core.Infrastructure.Persistence;
using OrderToCash.Engine.Rules.Decisions;
using OrderToCash.Engine.Rules.Store;
using OrderToCash.IntegrationTests.Infrastructure;

using OrderToCash.IntegrationTests.Orders;

namespace OrderToCash.IntegrationTests.Rules;

/// <summary>
/// The back-test on the demo company's 120 days of orders: raising the new-customer cap from 5,000 to 8,000 EUR is
/// replayed through the decision log, and its answer is checked against a count made by hand from the recorded inputs.
/// </summary>
public sealed class RuleBackTestTests(DemoCompanyHost demo) : IClassFixture<DemoCompanyHost>
{
    private readonly TestHost host = demo.Host;

    [Fact]
    public async Task Raising_the_new_customer_cap_to_8000_lists_the_blocked_new_customer_orders_it_would_have_accepted_as_counted_by_hand()
    {
        using var claire = host.ClientFor("claire");
        // The demo's long-standing accounts carry their history over (ADR 0151): a young account's larger order meets the cap.
        using var sales = host.ClientFor("salesperson");
        (await sales.PostAsJsonAsync(new Uri("/api/orders", UriKind.Relative), OrdersHost.OneLine("C-0003", 1m, 3_500m))).EnsureSuccessStatusCode();
        var latest = await claire.GetFromJsonAsync<JsonElement>(new Uri("/api/rules/credit-limit/latest", UriKind.Relative));
        var edited = WithNewCustomerCap(latest.GetProperty("content"), 8000);

        var response = await claire.PostAsJsonAsync(new Uri("/api/rules/credit-limit/backtest", UriKind.Relative),
            new { content = edited, from = Today().AddDays(-130).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) });
        var body = await response.Content.ReadAsStringAsync();
        response.StatusCode.Should().Be(HttpStatusCode.OK, body);
        var report = JsonDocument.Parse(body).RootElement;

        // By hand: orders whose recorded check failed the cap (its only blocking failure, for "released") with an
        // exposure after the order of at most 8,000 EUR, from the inputs the log kept.
        var (released, releasedAmount, changed) = await HandCountAsync(8000m);
        released.Should().NotBeEmpty("the demo company blocks some new customers' orders over 5,000 EUR and up to 8,000 EUR");

        report.GetProperty("replayed").GetInt32().Should().Be(await DecisionCountAsync());
        report.GetProperty("unreadable").GetInt32().Should().Be(0);
        report.GetProperty("released").GetInt32().Should().Be(released.Count);
        report.GetProperty("releasedAmount").GetDecimal().Should().Be(releasedAmount);
        report.GetProperty("held").GetInt32().Should().Be(0, "a higher cap blocks nothing more");
        report.GetProperty("changed").GetInt32().Should().Be(changed);
        report.GetProperty("changes").EnumerateArray()
            .Where(c => c.GetProperty("direction").GetString() == "released")
            .Select(c => c.GetProperty("subjectId").GetString())
            .Should().BeEquivalentTo(released);
        report.GetProperty("changes").EnumerateArray().First().GetProperty("before").GetString().Should().Contain("NewCustomerCap");
    }

    [Fact]
    public async Task The_same_content_changes_nothing_and_a_back_test_writes_nothing()
    {
        using var claire = host.ClientFor("claire");
        var latest = await claire.GetFromJsonAsync<JsonElement>(new Uri("/api/rules/credit-limit/latest", UriKind.Relative));
        var versions = await CountAsync<RuleSetVersion>();

        var response = await claire.PostAsJsonAsync(new Uri("/api/rules/credit-limit/backtest", UriKind.Relative),
            new { content = latest.GetProperty("content").GetRawText(), from = Today().AddDays(-130).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) });

        var report = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        report.GetProperty("replayed").GetInt32().Should().BeGreaterThan(0);
        report.GetProperty("changed").GetInt32().Should().Be(0);
        (await CountAsync<RuleSetVersion>()).Should().Be(versions);
    }

    [Fact]
    public async Task A_period_backwards_or_over_a_year_or_another_rule_set_is_refused_naming_the_field()
    {
        using var claire = host.ClientFor("claire");
        var latest = await claire.GetFromJsonAsync<JsonElement>(new Uri("/api/rules/credit-limit/latest", UriKind.Relative));
        var content = latest.GetProperty("content").GetRawText();

        var backwards = await claire.PostAsJsonAsync(new Uri("/api/rules/credit-limit/backtest", UriKind.Relative), new { content, from = "2026-05-01", to = "2026-04-01" });
        backwards.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await backwards.Content.ReadAsStringAsync()).Should().Contain("from").And.Contain("2026-05-01");

        var tooLong = await claire.PostAsJsonAsync(new Uri("/api/rules/credit-limit/backtest", UriKind.Relative), new { content, from = "2024-01-01", to = "2026-01-01" });
        tooLong.StatusCode.Should().Be(HttpStatusCode.BadRequest);

        var other = await claire.PostAsJsonAsync(new Uri("/api/rules/escalation/backtest", UriKind.Relative), new { content });
        other.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await other.Content.ReadAsStringAsync()).Should().Contain("named 'escalation'");

        using var salesperson = host.ClientFor("sam");
        (await salesperson.PostAsJsonAsync(new Uri("/api/rules/credit-limit/backtest", UriKind.Relative), new { content })).StatusCode.Should().Be(HttpStatusCode.Forbidden);
    }

    private static string WithNewCustomerCap(JsonElement content, decimal cap)
    {
        var node = JsonNode.Parse(content.GetRawText())!;
        var rule = node["Rules"]!.AsArray().Single(r => r!["RuleName"]!.GetValue<string>() == "NewCustomerCap")!;
        rule["LocalParams"]!.AsArray().Single(p => p!["Name"]!.GetValue<string>() == "newCustomerCap")!["Expression"] = cap.ToString(CultureInfo.InvariantCulture);
        return node.ToJsonString();
    }

    private async Task<(List<string> Released, decimal ReleasedAmount, int Changed)> HandCountAsync(decimal cap)
    {
        await using var db = Context();
        var decisions = await db.Set<DecisionRecord>().AsNoTracking().Where(d => d.RuleSetName == "credit-limit").ToListAsync();
        var released = new List<string>();
        var amount = 0m;
        var changed = 0;
        foreach (var decision in decisions)
        {
            var check = JsonDocument.Parse(decision.InputsJson).RootElement.GetProperty("check");
            var orderAmount = check.GetProperty("orderAmount").GetDecimal();
            var exposureAfter = check.GetProperty("exposure").GetDecimal() + orderAmount;
            var failed = JsonDocument.Parse(decision.ResultsJson).RootElement.EnumerateArray()
                .Where(r => !r.GetProperty("isSuccess").GetBoolean())
                .Select(r => r.GetProperty("ruleName").GetString())
                .ToList();
            if (!failed.Contains("NewCustomerCap") || exposureAfter > cap)
            {
                continue;
            }

            changed++;
            if (failed.All(f => f is "NewCustomerCap" or "ReleaseNeedsSecondApprover"))
            {
                released.Add(decision.SubjectId);
                amount += orderAmount;
            }
        }

        return (released, amount, changed);
    }

    private async Task<int> DecisionCountAsync()
    {
        await using var db = Context();
        return await db.Set<DecisionRecord>().CountAsync(d => d.RuleSetName == "credit-limit");
    }

    private async Task<int> CountAsync<T>()
        where T : class
    {
        await using var db = Context();
        return await db.Set<T>().CountAsync();
    }

    private OrderToCashDbContext Context() => DatabaseConfigurator.CreateContext(DatabaseProvider.Sqlite, demo.Directory.SqliteConnectionString());

    private DateOnly Today() => DateOnly.FromDateTime(host.Services.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime);
}

/// <summary>A host seeded once with the demo company and its 120 days of activity (a minute or two), shared by a test class.</summary>
public sealed class DemoCompanyHost : IDisposable
{
    public DemoCompanyHost()
    {
        Host = TestHost.Sqlite(Directory, ("Scheduler:AutoStart", "false"), ("Demo:Seed", "true"), ("Demo:Activity", "true"));
        Host.CreateClient().Dispose();
    }

    public TempDirectory Directory { get; } = new();

    public TestHost Host { get; }

    public void Dispose()
    {
        Host.Dispose();
        Directory.Dispose();
    }
}
