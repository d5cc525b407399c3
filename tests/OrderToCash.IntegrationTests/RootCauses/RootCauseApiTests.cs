using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using OrderToCash.Core.Disputes;
using OrderToCash.Core.Infrastructure.Persistence;
using OrderToCash.Core.Infrastructure.Security;
using OrderToCash.Core.Reasons;
using OrderToCash.IntegrationTests.Infrastructure;

namespace OrderToCash.IntegrationTests.RootCauses;

/// <summary>
/// The loop through the API on a SQLite file, with today's clock: 200 invoices over the last 89 days, 12 price-error
/// disputes raised yesterday at 4 customers (12 × 1,000 ÷ 200 = 60 per 1,000).
/// </summary>
public sealed class RootCauseApiTests : IAsyncLifetime, IDisposable
{
    private static readonly string[] CollectorAndJanitor = [Roles.Collector, "Janitor"];
    private static readonly string[] SalesAdministrationOnly = [Roles.SalesAdministration];
    private static readonly string[] CollectorOnly = [Roles.Collector];
    private readonly TempDirectory directory = new();
    private TestHost host = null!;

    public async Task InitializeAsync()
    {
        var extra = new List<(string, string?)> { ("Scheduler:AutoStart", "false") };
        var index = TestUsers.People.Length;
        extra.Add(($"Auth:Users:{index}:UserName", "sabine"));
        extra.Add(($"Auth:Users:{index}:PasswordHash", PasswordHashing.Hash(TestUsers.Password("sabine"))));
        extra.Add(($"Auth:Users:{index}:Roles:0", Roles.SalesAdministration));
        host = TestHost.Sqlite(directory, [.. extra]);
        using var credit = host.ClientFor("claire");
        var published = await credit.PostAsJsonAsync(new Uri("/api/rules/publish", UriKind.Relative), new
        {
            files = new[] { new { name = "root-cause.json", content = await File.ReadAllTextAsync(Path.Combine(RepositoryPaths.Rules, "root-cause.json")) } },
        });
        published.StatusCode.Should().Be(HttpStatusCode.Created, await published.Content.ReadAsStringAsync());

        await using var db = DatabaseConfigurator.CreateContext(DatabaseProvider.Sqlite, directory.SqliteConnectionString());
        var rows = new LedgerRows(db);
        rows.Reason("PRICE_ERROR", ReasonKind.Dispute, "ADV");
        var customers = Enumerable.Range(1, 4).Select(i => rows.Customer($"R-{i}", i % 2 == 0 ? "Key" : "Standard", i % 2 == 0 ? "sam" : "salesperson")).ToArray();
        var today = DateOnly.FromDateTime(TimeProvider.System.GetUtcNow().UtcDateTime);
        for (var k = 0; k < 200; k++)
        {
            var issued = today.AddDays(-1 - (k % 89));
            var invoice = rows.Invoice(customers[k % 4], $"FA-API-{k:0000}", issued, issued.AddDays(30), 1_000m);
            if (k < 12)
            {
                rows.Dispute(invoice, "PRICE_ERROR", "ADV", LedgerRows.At(today.AddDays(-1), 10), 100m);
            }
        }

        await db.SaveChangesAsync();
    }

    public Task DisposeAsync() => Task.CompletedTask;

    public void Dispose()
    {
        host.Dispose();
        directory.Dispose();
    }

    [Fact]
    public async Task Quality_gives_the_ADV_department_to_collections_and_its_task_moves_to_the_collectors_list_as_a_new_version()
    {
        using var quality = host.ClientFor("quentin");
        (await JsonAsync(await quality.PostAsync(new Uri("/api/root-causes/analyze", UriKind.Relative), null))).GetProperty("tasksCreated").GetInt32().Should().Be(1);
        using var adv = host.ClientFor("sabine");
        using var collector = host.ClientFor("cora");
        (await JsonAsync(await adv.GetAsync(new Uri("/api/improvement-tasks", UriKind.Relative)))).GetArrayLength().Should().Be(1);

        var refused = await quality.PutAsJsonAsync(new Uri("/api/reasons/departments/ADV", UriKind.Relative), new { roles = CollectorAndJanitor });
        refused.StatusCode.Should().Be(HttpStatusCode.UnprocessableEntity);
        (await refused.Content.ReadAsStringAsync()).Should().Contain("department: 'Janitor' is not a role a department can be given");
        (await adv.PutAsJsonAsync(new Uri("/api/reasons/departments/ADV", UriKind.Relative), new { roles = SalesAdministrationOnly }))
            .StatusCode.Should().Be(HttpStatusCode.Forbidden, "a department does not choose who answers for it");
        (await JsonAsync(await adv.GetAsync(new Uri("/api/improvement-tasks", UriKind.Relative)))).GetArrayLength().Should().Be(1, "a refused change changes nothing");

        var saved = await quality.PutAsJsonAsync(new Uri("/api/reasons/departments/ADV", UriKind.Relative), new { roles = CollectorOnly, comment = "ADV merged into the collections team" });
        saved.StatusCode.Should().Be(HttpStatusCode.OK, await saved.Content.ReadAsStringAsync());

        (await JsonAsync(await adv.GetAsync(new Uri("/api/improvement-tasks", UriKind.Relative)))).GetArrayLength().Should().Be(0);
        (await JsonAsync(await collector.GetAsync(new Uri("/api/improvement-tasks", UriKind.Relative)))).GetArrayLength().Should().Be(1);
        var latest = (await JsonAsync(await quality.GetAsync(new Uri("/api/reasons/versions", UriKind.Relative)))).EnumerateArray().First();
        latest.GetProperty("author").GetString().Should().Be("quentin");
        latest.GetProperty("comment").GetString().Should().Be("ADV merged into the collections team");
        var change = latest.GetProperty("changes").EnumerateArray().Should().ContainSingle().Subject;
        (change.GetProperty("subject").GetString(), change.GetProperty("field").GetString(), change.GetProperty("before").GetString(), change.GetProperty("after").GetString())
            .Should().Be(("ADV", "roles", "SalesAdministration", "Collector"));
    }

    [Fact]
    public async Task The_quality_team_analyses_on_demand_and_the_owning_department_works_its_task_to_fix_deployed()
    {
        using var quality = host.ClientFor("quentin");
        var first = await JsonAsync(await quality.PostAsync(new Uri("/api/root-causes/analyze", UriKind.Relative), null));
        first.GetProperty("tasksCreated").GetInt32().Should().Be(1);
        first.GetProperty("invoicesIssued").GetInt32().Should().Be(200);
        var price = first.GetProperty("causes").EnumerateArray().Should().ContainSingle().Subject;
        price.GetProperty("occurrences").GetInt32().Should().Be(12);
        price.GetProperty("ratePer1000Invoices").GetDecimal().Should().Be(60m, "12 × 1,000 ÷ 200");
        first.GetProperty("groups").EnumerateArray().Select(g => g.GetProperty("department").GetString()).Should().OnlyContain(d => d == "ADV");
        var second = await JsonAsync(await quality.PostAsync(new Uri("/api/root-causes/analyze", UriKind.Relative), null));
        second.GetProperty("tasksCreated").GetInt32().Should().Be(0, "the cause already has its open task");

        using var adv = host.ClientFor("sabine");
        using var collector = host.ClientFor("cora");
        var list = await JsonAsync(await adv.GetAsync(new Uri("/api/improvement-tasks", UriKind.Relative)));
        var number = list.EnumerateArray().Should().ContainSingle().Subject.GetProperty("number").GetString()!;
        (await JsonAsync(await collector.GetAsync(new Uri("/api/improvement-tasks", UriKind.Relative)))).GetArrayLength().Should().Be(0, "collections owns no ADV task");
        (await collector.PostAsync(new Uri($"/api/improvement-tasks/{number}/acknowledge", UriKind.Relative), null)).StatusCode.Should().Be(HttpStatusCode.NotFound);

        (await JsonAsync(await adv.PostAsync(new Uri($"/api/improvement-tasks/{number}/acknowledge", UriKind.Relative), null))).GetProperty("status").GetString().Should().Be("Acknowledged");
        var early = await adv.PostAsJsonAsync(new Uri($"/api/improvement-tasks/{number}/deploy-fix", UriKind.Relative), new { deployedOn = "2026-01-05", description = "Price list synchronised" });
        early.StatusCode.Should().Be(HttpStatusCode.UnprocessableEntity);
        (await early.Content.ReadAsStringAsync()).Should().Contain("is Acknowledged: it can move to FixDeployed only from FixInProgress");
        (await adv.PostAsync(new Uri($"/api/improvement-tasks/{number}/start-fix", UriKind.Relative), null)).StatusCode.Should().Be(HttpStatusCode.OK);
        var blank = await adv.PostAsJsonAsync(new Uri($"/api/improvement-tasks/{number}/deploy-fix", UriKind.Relative), new { deployedOn = "2026-01-05", description = " " });
        blank.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await blank.Content.ReadAsStringAsync()).Should().Contain("description");
        var deployed = await JsonAsync(await adv.PostAsJsonAsync(new Uri($"/api/improvement-tasks/{number}/deploy-fix", UriKind.Relative), new { deployedOn = "2026-01-05", description = "Price list synchronised with CRM deals" }));
        deployed.GetProperty("status").GetString().Should().Be("FixDeployed");
        deployed.GetProperty("updatedBy").GetString().Should().Be("sabine");

        var detail = await JsonAsync(await quality.GetAsync(new Uri($"/api/improvement-tasks/{number}", UriKind.Relative)));
        detail.GetProperty("evidence").GetArrayLength().Should().Be(12, "the twelve disputes are the evidence");
        detail.GetProperty("ratePer1000Before").GetDecimal().Should().Be(60m);
        var csv = await quality.GetAsync(new Uri("/api/improvement-tasks/tasks.csv", UriKind.Relative));
        csv.Content.Headers.ContentType!.MediaType.Should().Be("text/csv");
        (await csv.Content.ReadAsStringAsync()).Should().StartWith("number,reason,department,status,").And.Contain($"{number},PRICE_ERROR,ADV,FixDeployed,");
        var groups = await (await quality.GetAsync(new Uri("/api/root-causes/groups.csv", UriKind.Relative))).Content.ReadAsStringAsync();
        groups.Split('\n')[0].Trim().Should().Be("periodFrom,periodTo,reason,kind,department,segment,productFamily,count,amount,ratePer1000Invoices");
        groups.Should().Contain(",PRICE_ERROR,Dispute,ADV,Key,General,6,600.00,30.00", "6 disputes at the two Key customers: 6 × 1,000 ÷ 200 = 30 per 1,000");
    }

    [Fact]
    public async Task KPIs_answer_per_period_and_breakdown_a_salesperson_sees_only_their_accounts_and_bad_input_is_refused()
    {
        var to = DateOnly.FromDateTime(TimeProvider.System.GetUtcNow().UtcDateTime);
        var from = to.AddDays(-89);
        using var credit = host.ClientFor("claire");
        var company = await JsonAsync(await credit.GetAsync(new Uri($"/api/kpis?from={from:yyyy-MM-dd}&to={to:yyyy-MM-dd}&by=segment", UriKind.Relative)));
        company.GetProperty("total").GetProperty("creditSales").GetDecimal().Should().Be(200_000m, "200 invoices of 1,000 in the last 89 days");
        company.GetProperty("total").GetProperty("disputedInvoicesPercent").GetDecimal().Should().Be(6m, "12 of 200");
        company.GetProperty("breakdown").EnumerateArray().Select(b => (b.GetProperty("value").GetString(), b.GetProperty("kpis").GetProperty("creditSales").GetDecimal()))
            .Should().BeEquivalentTo(new[] { ("Key", 100_000m), ("Standard", 100_000m) });

        using var seller = host.ClientFor("sam");
        var own = await JsonAsync(await seller.GetAsync(new Uri($"/api/kpis?from={from:yyyy-MM-dd}&to={to:yyyy-MM-dd}&salesperson=salesperson", UriKind.Relative)));
        own.GetProperty("creditSales").GetDecimal().Should().Be(100_000m, "sam's two customers, whatever salesperson sam asks for");
        var bySalesperson = await JsonAsync(await seller.GetAsync(new Uri($"/api/kpis?from={from:yyyy-MM-dd}&to={to:yyyy-MM-dd}&by=salesperson", UriKind.Relative)));
        bySalesperson.GetProperty("breakdown").EnumerateArray().Select(b => b.GetProperty("value").GetString())
            .Should().Equal(["sam"], "a breakdown by salesperson never shows a salesperson someone else's accounts");
        var byCustomer = await JsonAsync(await seller.GetAsync(new Uri($"/api/kpis?from={from:yyyy-MM-dd}&to={to:yyyy-MM-dd}&by=customer", UriKind.Relative)));
        byCustomer.GetProperty("breakdown").GetArrayLength().Should().Be(2, "only sam's two customers are named");

        using var customer = host.ClientFor("carl");
        (await customer.GetAsync(new Uri($"/api/kpis?from={from:yyyy-MM-dd}&to={to:yyyy-MM-dd}", UriKind.Relative))).StatusCode.Should().Be(HttpStatusCode.Forbidden);
        var backwards = await credit.GetAsync(new Uri("/api/kpis?from=2026-05-01&to=2026-04-01&by=region", UriKind.Relative));
        backwards.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        var problem = await backwards.Content.ReadAsStringAsync();
        problem.Should().Contain("must not end before it starts").And.Contain("'region' is not a breakdown");
        var aged = await (await credit.GetAsync(new Uri($"/api/kpis/aged-balance.csv?at={to:yyyy-MM-dd}&by=segment", UriKind.Relative))).Content.ReadAsStringAsync();
        aged.Split('\n').Where(l => l.Length > 0).Should().HaveCount(4, "a header, the company and two segments");

        var monthly = await JsonAsync(await credit.GetAsync(new Uri($"/api/kpis/monthly?months=3&to={to:yyyy-MM-dd}", UriKind.Relative)));
        monthly.EnumerateArray().Select(m => m.GetProperty("to").GetString()).Last().Should().Be(to.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        monthly.EnumerateArray().Select(m => m.GetProperty("month").GetString()).Should().BeInAscendingOrder().And.HaveCount(3);
        var badMonths = await credit.GetAsync(new Uri("/api/kpis/monthly?months=0", UriKind.Relative));
        badMonths.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await badMonths.Content.ReadAsStringAsync()).Should().Contain("months must be a whole number from 1 to 24 (got '0').");
        (await customer.GetAsync(new Uri("/api/kpis/largest-exposures", UriKind.Relative))).StatusCode.Should().Be(HttpStatusCode.Forbidden);
        var samsCustomers = byCustomer.GetProperty("breakdown").EnumerateArray().Select(b => b.GetProperty("value").GetString()).ToList();
        var samsExposures = await JsonAsync(await seller.GetAsync(new Uri("/api/kpis/largest-exposures?top=50", UriKind.Relative)));
        samsExposures.EnumerateArray().Select(e => e.GetProperty("customerId").GetString()).Should().BeSubsetOf(samsCustomers, "a salesperson sees their own accounts only");
        var largest = await JsonAsync(await credit.GetAsync(new Uri("/api/kpis/largest-exposures?top=3", UriKind.Relative)));
        largest.EnumerateArray().Select(e => e.GetProperty("exposure").GetDecimal()).Should().BeInDescendingOrder().And.HaveCountLessThanOrEqualTo(3);
    }

    private static async Task<JsonElement> JsonAsync(HttpResponseMessage response)
    {
        var body = await response.Content.ReadAsStringAsync();
        response.IsSuccessStatusCode.Should().BeTrue(body);
        return JsonDocument.Parse(body).RootElement;
    }
}
