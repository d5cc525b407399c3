using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OrderToCash.Core.Infrastructure.Persistence;
using OrderToCash.Core.Payments;
using OrderToCash.IntegrationTests.Cycle;

namespace OrderToCash.IntegrationTests.ReferenceTables;

/// <summary>
/// ADR 0101: a late settlement in a semester the ECB rate table lacks records its interest as pending, asks the credit
/// manager for the rate with one task per semester and alerts the control tower; entering the rate charges it once.
/// C-0001 pays 60 days from the invoice date: invoiced on 1 June 2026, due on 31 July 2026 (2026-H2, not in the seeded
/// table, which ends at 2026-H1). The 2.00 % rate below is a test figure, not the ECB's.
/// </summary>
public sealed class PendingInterestTests : IAsyncLifetime, IDisposable
{
    private readonly CycleScenario cycle = new();

    public async Task InitializeAsync()
    {
        await cycle.InitializeAsync();
        using var owner = cycle.Client("olivia");
        var xml = await File.ReadAllTextAsync(Path.Combine(RepositoryPaths.Root, "workflows", "ecb-rate.bpmn"));
        var published = await owner.PostAsync(new Uri("/api/definitions?file=ecb-rate.bpmn", UriKind.Relative), new StringContent(xml, Encoding.UTF8, "application/xml"));
        published.StatusCode.Should().Be(HttpStatusCode.Created, await published.Content.ReadAsStringAsync());
        using var credit = cycle.Client("claire");
        var rules = await credit.PostAsJsonAsync(new Uri("/api/rules/publish", UriKind.Relative), new
        {
            files = new[] { new { name = "control-tower.json", content = await File.ReadAllTextAsync(Path.Combine(RepositoryPaths.Root, "rules", "control-tower.json")) } },
            comment = "Shipped control-tower rules",
        });
        rules.StatusCode.Should().Be(HttpStatusCode.Created, await rules.Content.ReadAsStringAsync());
    }

    public Task DisposeAsync() => cycle.DisposeAsync();

    public void Dispose() => cycle.Dispose();

    [Fact]
    public async Task A_late_payment_in_a_semester_without_a_rate_waits_as_pending_interest_with_one_task_and_an_alert_then_entering_the_rate_charges_it_to_the_cent_once()
    {
        var (first, second) = await TwoInvoicesDueOn31July2026Async();
        cycle.AdvanceTo(new DateOnly(2026, 8, 30));
        await CycleScenario.BodyAsync(await cycle.PayAsync("VIR-H2-1", "C-0001", 1_200m, first), HttpStatusCode.Created);
        cycle.AdvanceTo(new DateOnly(2026, 9, 14));
        await CycleScenario.BodyAsync(await cycle.PayAsync("VIR-H2-2", "C-0001", 1_200m, second), HttpStatusCode.Created);

        foreach (var number in new[] { first, second })
        {
            var invoice = await cycle.InvoiceAsync(number);
            invoice.GetProperty("lateInterest").GetDecimal().Should().Be(0m, "the interest waits for the rate: it is pending, not zero");
            invoice.GetProperty("indemnityCharged").GetDecimal().Should().Be(40m, "the indemnity does not depend on the rate");
        }

        var pending = await PendingAsync();
        pending.Should().HaveCount(2);
        pending.Should().AllSatisfy(p => p.Semester.Should().Be("2026-H2"));
        pending.Select(p => (p.InvoiceNumber, p.BasisAmount, p.Days)).Should().BeEquivalentTo(new[] { (first, 1_200m, 30), (second, 1_200m, 45) });
        var table = await cycle.GetAsync("claire", "/api/reference/ecb-rates");
        var missing = table.GetProperty("missing").EnumerateArray().Should().ContainSingle().Subject;
        missing.GetProperty("semester").GetString().Should().Be("2026-H2");
        missing.GetProperty("label").GetString().Should().Be("2nd semestre 2026");
        missing.GetProperty("invoices").GetInt32().Should().Be(2);
        missing.GetProperty("basisAmount").GetDecimal().Should().Be(2_400m);
        var task = (await EcbTasksAsync()).Should().ContainSingle("one task per semester, not one per invoice").Subject;
        task.GetProperty("name").GetString().Should().Be("Saisir le taux BCE du 2nd semestre");
        task.GetProperty("businessKey").GetString().Should().Be("2026-H2");
        var tower = await cycle.GetAsync("claire", "/api/control-tower");
        tower.EnumerateArray().Single(l => l.GetProperty("processId").GetString() == "ecb-rate" && l.GetProperty("elementId").GetString() == "enterSecondHalf")
            .GetProperty("alerts").EnumerateArray().Select(a => a.GetProperty("rule").GetString()).Should().Contain("EcbRateMissing");

        var entered = await PutAsync("claire", new Dictionary<string, decimal> { ["2026-H2"] = 2.00m }, "Test rate");

        entered.StatusCode.Should().Be(HttpStatusCode.OK, await entered.Content.ReadAsStringAsync());
        // 1,200.00 × (2.00 + 10) % × 30 / 365 = 11.835616… → 11.84 (due 31 July, paid 30 August)
        (await cycle.InvoiceAsync(first)).GetProperty("lateInterest").GetDecimal().Should().Be(11.84m);
        // 1,200.00 × 12.00 % × 45 / 365 = 17.753424… → 17.75 (paid 14 September)
        (await cycle.InvoiceAsync(second)).GetProperty("lateInterest").GetDecimal().Should().Be(17.75m);
        (await PendingAsync()).Should().AllSatisfy(p => p.Status.Should().Be(PendingInterestStatus.Charged));
        (await EcbTasksAsync()).Should().BeEmpty("the rate entered on the page answers the task");
        var after = await cycle.GetAsync("claire", "/api/reference/ecb-rates");
        after.GetProperty("missing").GetArrayLength().Should().Be(0);
        after.GetProperty("version").GetInt32().Should().Be(2);
        after.GetProperty("author").GetString().Should().Be("claire");

        var corrected = await PutAsync("claire", new Dictionary<string, decimal> { ["2026-H2"] = 2.10m }, "Correction");

        corrected.StatusCode.Should().Be(HttpStatusCode.OK);
        (await cycle.InvoiceAsync(first)).GetProperty("lateInterest").GetDecimal().Should().Be(11.84m, "charged interest is charged once; a later correction does not charge it again");
        (await cycle.InvoiceAsync(second)).GetProperty("lateInterest").GetDecimal().Should().Be(17.75m);
    }

    [Fact]
    public async Task The_credit_manager_answers_the_task_a_refused_rate_asks_again_and_the_accepted_one_charges_the_interest()
    {
        var (first, _) = await TwoInvoicesDueOn31July2026Async();
        cycle.AdvanceTo(new DateOnly(2026, 8, 30));
        await CycleScenario.BodyAsync(await cycle.PayAsync("VIR-H2-T", "C-0001", 1_200m, first), HttpStatusCode.Created);
        using var credit = cycle.Client("claire");

        var task = (await EcbTasksAsync()).Single().GetProperty("id").GetString()!;
        (await credit.PostAsync(new Uri($"/api/tasks/{task}/claim", UriKind.Relative), null)).StatusCode.Should().Be(HttpStatusCode.OK);
        (await credit.PostAsJsonAsync(new Uri($"/api/tasks/{task}/complete", UriKind.Relative), new { outputs = new { rate = 215m, comment = "typo" } })).StatusCode.Should().Be(HttpStatusCode.OK);

        (await cycle.InvoiceAsync(first)).GetProperty("lateInterest").GetDecimal().Should().Be(0m, "215 % is refused");
        var again = (await EcbTasksAsync()).Should().ContainSingle("the refused answer asks again").Subject.GetProperty("id").GetString()!;
        (await credit.PostAsync(new Uri($"/api/tasks/{again}/claim", UriKind.Relative), null)).StatusCode.Should().Be(HttpStatusCode.OK);
        (await credit.PostAsJsonAsync(new Uri($"/api/tasks/{again}/complete", UriKind.Relative), new { outputs = new { rate = 2.00m, comment = "Test rate" } })).StatusCode.Should().Be(HttpStatusCode.OK);

        // 1,200.00 × 12.00 % × 30 / 365 = 11.835616… → 11.84
        (await cycle.InvoiceAsync(first)).GetProperty("lateInterest").GetDecimal().Should().Be(11.84m);
        (await EcbTasksAsync()).Should().BeEmpty();
        var table = await cycle.GetAsync("cora", "/api/reference/ecb-rates");
        table.GetProperty("rates").EnumerateArray().Last().GetProperty("semester").GetString().Should().Be("2026-H2");
        table.GetProperty("author").GetString().Should().Be("claire");
    }

    [Fact]
    public async Task Two_entries_of_the_rate_at_once_charge_each_pending_interest_exactly_once()
    {
        var (first, second) = await TwoInvoicesDueOn31July2026Async();
        cycle.AdvanceTo(new DateOnly(2026, 8, 30));
        await cycle.PayAsync("VIR-H2-C1", "C-0001", 1_200m, first);
        await cycle.PayAsync("VIR-H2-C2", "C-0001", 1_200m, second);

        var responses = await Task.WhenAll(
            PutAsync("claire", new Dictionary<string, decimal> { ["2026-H2"] = 2.00m }, "first"),
            PutAsync("claire", new Dictionary<string, decimal> { ["2026-H2"] = 2.00m }, "second"));

        responses.Should().AllSatisfy(r => r.StatusCode.Should().Be(HttpStatusCode.OK));
        // Each: 1,200.00 × 12.00 % × 30 / 365 = 11.84, once.
        (await cycle.InvoiceAsync(first)).GetProperty("lateInterest").GetDecimal().Should().Be(11.84m);
        (await cycle.InvoiceAsync(second)).GetProperty("lateInterest").GetDecimal().Should().Be(11.84m);
        (await cycle.GetAsync("claire", "/api/reference/ecb-rates")).GetProperty("version").GetInt32().Should().Be(2, "the same table twice is one version");
    }

    [Fact]
    public async Task Bad_tables_get_a_422_naming_the_semester_and_change_nothing_and_only_a_credit_manager_may_enter_a_rate()
    {
        using var credit = cycle.Client("claire");
        var cases = new object[]
        {
            new { rates = new Dictionary<string, object> { ["2026-H3"] = 2.0m }, comment = "x" },
            new { rates = new Dictionary<string, object> { ["2026-H2"] = 215m }, comment = "x" },
            new { rates = new Dictionary<string, object> { ["2026-H2"] = 2.15555m }, comment = "x" },
            new { rates = new Dictionary<string, object> { ["2026-H2"] = "2,15" }, comment = "x" },
            new { rates = new Dictionary<string, object>(), comment = "x" },
        };
        foreach (var body in cases)
        {
            var response = await credit.PutAsJsonAsync(new Uri("/api/reference/ecb-rates", UriKind.Relative), body);
            response.StatusCode.Should().Be(HttpStatusCode.UnprocessableEntity, JsonSerializer.Serialize(body));
        }

        var removal = await credit.PutAsJsonAsync(new Uri("/api/reference/ecb-rates", UriKind.Relative), new { rates = new Dictionary<string, decimal> { ["2026-H1"] = 2.15m } });
        removal.StatusCode.Should().Be(HttpStatusCode.UnprocessableEntity);
        (await removal.Content.ReadAsStringAsync()).Should().Contain("2023-H1").And.Contain("cannot be removed");
        (await PutAsync("cora", new Dictionary<string, decimal> { ["2026-H2"] = 2m }, "collector")).StatusCode.Should().Be(HttpStatusCode.Forbidden);

        var table = await cycle.GetAsync("claire", "/api/reference/ecb-rates");
        table.GetProperty("version").GetInt32().Should().Be(1);
        table.GetProperty("rates").EnumerateArray().Select(r => (r.GetProperty("semester").GetString(), r.GetProperty("ratePercent").GetDecimal()))
            .Should().Equal(("2023-H1", 2.50m), ("2023-H2", 4.00m), ("2024-H1", 4.50m), ("2024-H2", 4.25m), ("2025-H1", 3.15m), ("2025-H2", 2.15m), ("2026-H1", 2.15m));
    }

    private async Task<(string First, string Second)> TwoInvoicesDueOn31July2026Async()
    {
        cycle.AdvanceTo(new DateOnly(2026, 6, 1));
        var first = await cycle.InvoicedOrderAsync("C-0001", 1m, 1_000m);
        var second = await cycle.InvoicedOrderAsync("C-0001", 1m, 1_000m);
        var due = (await cycle.InvoiceAsync(first)).GetProperty("invoice").GetProperty("dueDate").GetString();
        due.Should().Be("2026-07-31");
        (await cycle.InvoiceAsync(first)).GetProperty("mentions").GetProperty("penaltyClause").GetString()
            .Should().Contain("au taux de refinancement de la BCE en vigueur au 1er juillet 2026, majoré de 10 points").And.NotContain("%");
        return (first, second);
    }

    private async Task<HttpResponseMessage> PutAsync(string user, Dictionary<string, decimal> added, string comment)
    {
        var current = await cycle.GetAsync("claire", "/api/reference/ecb-rates");
        var rates = current.GetProperty("rates").EnumerateArray().ToDictionary(r => r.GetProperty("semester").GetString()!, r => r.GetProperty("ratePercent").GetDecimal());
        foreach (var (semester, rate) in added)
        {
            rates[semester] = rate;
        }

        using var client = cycle.Client(user);
        return await client.PutAsJsonAsync(new Uri("/api/reference/ecb-rates", UriKind.Relative), new { rates, comment });
    }

    private async Task<List<JsonElement>> EcbTasksAsync() =>
        [.. (await cycle.GetAsync("claire", "/api/tasks")).EnumerateArray().Where(t => t.GetProperty("processId").GetString() == EcbRateWorkflow.ProcessId)];

    private async Task<List<PendingInterest>> PendingAsync()
    {
        var createContext = cycle.Orders.Host.Services.GetRequiredService<Func<OrderToCashDbContext>>();
        await using var db = createContext();
        return await db.Set<PendingInterest>().AsNoTracking().OrderBy(p => p.PaidOn).ToListAsync();
    }
}
