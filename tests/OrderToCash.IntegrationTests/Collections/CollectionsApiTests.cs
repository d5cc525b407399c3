using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OrderToCash.Core.Collections;
using OrderToCash.Core.Dunning;
using OrderToCash.Core.Infrastructure.Persistence;
using OrderToCash.IntegrationTests.Remind;

namespace OrderToCash.IntegrationTests.Collections;

/// <summary>The collector's worklist and the contact log through the API, on a fixed clock (RemindHost: 2 March 2026).</summary>
public sealed class CollectionsApiTests : IAsyncLifetime, IDisposable
{
    private readonly RemindHost host = new();

    public Task InitializeAsync() => host.PublishAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    public void Dispose() => host.Dispose();

    [Fact]
    public async Task The_worklist_ranks_accounts_by_overdue_amount_times_days_late_times_risk_class_and_pages_on_the_server()
    {
        // C-0001 (class B): 1,000 EUR 20 days late = 20,000 euro-days × 2; C-0002 (class A): 3,000 EUR 10 days late = 30,000 × 1.
        await host.IssueInvoiceAsync("C-0001", 1_000m, host.Today.AddDays(-20));
        await host.IssueInvoiceAsync("C-0002", 3_000m, host.Today.AddDays(-10));
        await host.IssueInvoiceAsync("C-0004", 500m, host.Today.AddDays(20));

        using var cora = host.Client("cora");
        var page = JsonDocument.Parse(await cora.GetStringAsync(new Uri("/api/collections/worklist?pageSize=2", UriKind.Relative))).RootElement;
        page.GetProperty("total").GetInt32().Should().Be(3);
        var accounts = page.GetProperty("accounts").EnumerateArray().ToList();
        accounts.Select(a => a.GetProperty("customerId").GetString()).Should().Equal("C-0001", "C-0002");
        accounts[0].GetProperty("riskScore").GetDecimal().Should().Be(40_000m);
        accounts[1].GetProperty("riskScore").GetDecimal().Should().Be(30_000m);
        accounts[0].GetProperty("oldestDaysLate").GetInt32().Should().Be(20);

        var second = JsonDocument.Parse(await cora.GetStringAsync(new Uri("/api/collections/worklist?pageSize=2&page=2", UriKind.Relative))).RootElement;
        second.GetProperty("accounts").EnumerateArray().Single().GetProperty("customerId").GetString().Should().Be("C-0004", "an account with nothing overdue comes last");
        var overdueOnly = JsonDocument.Parse(await cora.GetStringAsync(new Uri("/api/collections/worklist?overdueOnly=true&sort=overdue", UriKind.Relative))).RootElement;
        overdueOnly.GetProperty("accounts").EnumerateArray().Select(a => a.GetProperty("customerId").GetString()).Should().Equal("C-0002", "C-0001");
    }

    [Theory]
    [InlineData("page=0", "page")]
    [InlineData("pageSize=500", "pageSize")]
    [InlineData("sort=amount", "sort")]
    [InlineData("direction=up", "direction")]
    [InlineData("overdueOnly=yes", "overdueOnly")]
    public async Task A_bad_worklist_parameter_is_a_400_problem_naming_it(string query, string field)
    {
        using var cora = host.Client("cora");
        var response = await cora.GetAsync(new Uri($"/api/collections/worklist?{query}", UriKind.Relative));
        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        problem.GetProperty("errors").TryGetProperty(field, out _).Should().BeTrue(problem.ToString());
    }

    [Fact]
    public async Task A_collector_logs_a_call_with_a_promise_to_pay_in_one_transaction_and_the_salesperson_reads_it()
    {
        var invoice = await host.IssueInvoiceAsync("C-0001", 1_200m, host.Today.AddDays(-15));
        var promisedFor = host.Today.AddDays(7).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

        var refused = await host.PostAsync("cora", "/api/customers/C-0001/contacts", new { kind = "Call", outcome = "PromiseToPay", invoiceNumber = invoice, promise = new { amount = 5_000m, promisedFor } });
        refused.Status.Should().Be((HttpStatusCode)422, refused.Body.ToString());
        refused.Body.GetProperty("errors").TryGetProperty("promise.amount", out _).Should().BeTrue(refused.Body.ToString());
        (await CountAsync<ContactLogEntry>()).Should().Be(0, "a refused promise leaves no contact behind");

        var salesPromise = await host.PostAsync("salesperson", "/api/customers/C-0001/contacts", new { kind = "Call", outcome = "PromiseToPay", invoiceNumber = invoice, promise = new { amount = 100m, promisedFor } });
        salesPromise.Status.Should().Be(HttpStatusCode.Forbidden, "only a collector records a promise");

        var logged = await host.PostAsync("cora", "/api/customers/C-0001/contacts", new
        {
            kind = "Call", outcome = "PromiseToPay", contactName = "Sophie Martin", note = "Paiement par virement la semaine prochaine", invoiceNumber = invoice,
            nextAction = "Vérifier le virement", nextActionOn = promisedFor, promise = new { amount = 1_200m, promisedFor },
        });
        logged.Status.Should().Be(HttpStatusCode.Created, logged.Body.ToString());
        logged.Body.GetProperty("promiseId").GetString().Should().NotBeNullOrEmpty();
        await using (var db = host.Services.GetRequiredService<Func<OrderToCashDbContext>>()())
        {
            (await db.Set<PromiseToPay>().SingleAsync()).Id.ToString().Should().Be(logged.Body.GetProperty("promiseId").GetString());
        }

        host.Clock.Advance(TimeSpan.FromMinutes(5));
        var note = await host.PostAsync("salesperson", "/api/customers/C-0001/contacts", new { kind = "Note", outcome = "Information", note = "Client rencontré au salon" });
        note.Status.Should().Be(HttpStatusCode.Created, note.Body.ToString());
        using var sales = host.Client("salesperson");
        var log = JsonDocument.Parse(await sales.GetStringAsync(new Uri("/api/customers/C-0001/contacts", UriKind.Relative))).RootElement;
        log.GetProperty("entries").EnumerateArray().Select(e => e.GetProperty("outcome").GetString()).Should().Equal("Information", "PromiseToPay");

        using var sam = host.Client("sam");
        (await sam.GetAsync(new Uri("/api/customers/C-0001/contacts", UriKind.Relative))).StatusCode.Should().Be(HttpStatusCode.NotFound, "sam is not C-0001's salesperson");
        var samList = JsonDocument.Parse(await sam.GetStringAsync(new Uri("/api/collections/worklist", UriKind.Relative))).RootElement;
        samList.GetProperty("total").GetInt32().Should().Be(0, "a salesperson's worklist holds only their own customers");
    }

    [Theory]
    [InlineData("""{"kind":"Visit","outcome":"Reached"}""", "kind")]
    [InlineData("""{"kind":"Call","outcome":"Maybe"}""", "outcome")]
    [InlineData("""{"kind":"Call","outcome":"Reached","nextAction":"Rappeler"}""", "nextActionOn")]
    [InlineData("""{"kind":"Call","outcome":"Reached","nextAction":"Rappeler","nextActionOn":"2020-01-01"}""", "nextActionOn")]
    [InlineData("""{"kind":"Call","outcome":"Reached","invoiceNumber":"FA-0000-999999"}""", "invoiceNumber")]
    [InlineData("""{"kind":"Call","outcome":"PromiseToPay"}""", "promise")]
    public async Task A_bad_contact_is_refused_naming_the_field_and_nothing_is_written(string body, string field)
    {
        var response = await host.PostAsync("cora", "/api/customers/C-0001/contacts", JsonDocument.Parse(body).RootElement);
        response.Status.Should().Be((HttpStatusCode)422, response.Body.ToString());
        response.Body.GetProperty("errors").TryGetProperty(field, out _).Should().BeTrue(response.Body.ToString());
        (await CountAsync<ContactLogEntry>()).Should().Be(0);
    }

    private async Task<int> CountAsync<T>()
        where T : class
    {
        await using var db = host.Services.GetRequiredService<Func<OrderToCashDbContext>>()();
        return await db.Set<T>().CountAsync();
    }
}
