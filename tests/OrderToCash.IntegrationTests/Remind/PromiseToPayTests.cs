using System.Net;
using Microsoft.EntityFrameworkCore;
using OrderToCash.Core.Dunning;

namespace OrderToCash.IntegrationTests.Remind;

public sealed class PromiseToPayTests : IAsyncLifetime, IDisposable
{
    private readonly RemindHost host = new();

    public Task InitializeAsync() => host.PublishAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    public void Dispose() => host.Dispose();

    [Fact]
    public async Task A_promise_pauses_the_ladder_and_a_broken_promise_resumes_it_the_day_after_its_tolerance()
    {
        var number = await host.IssueInvoiceAsync("C-0001", 2_400m, new DateOnly(2026, 3, 15));
        await host.AdvanceToAsync(new DateOnly(2026, 3, 20));

        // Promised for 3 April with 3 days of tolerance: judged on 7 April. The formal reminder (due 30 March) waits.
        var promised = await host.PostAsync("cora", $"/api/invoices/{number}/promises", new { amount = 2_400m, promisedFor = "2026-04-03", toleranceDays = 3 });
        promised.Status.Should().Be(HttpStatusCode.Created, promised.Body.ToString());
        promised.Body.GetProperty("checkDate").GetString().Should().Be("2026-04-06");

        await host.AdvanceToAsync(new DateOnly(2026, 4, 6));
        (await host.RemindersAsync(number)).Select(r => r.Step).Should().NotContain("FormalReminder", "a pending promise pauses the ladder");

        await host.AdvanceToAsync(new DateOnly(2026, 4, 7));
        var formal = (await host.RemindersAsync(number)).Should().ContainSingle(r => r.Step == "FormalReminder").Subject;
        DateOnly.FromDateTime(formal.CreatedAt.UtcDateTime).Should().Be(new DateOnly(2026, 4, 7));
        formal.AmountDue.Should().Be(2_400m);
        var promise = (await host.GetAsync("cora", $"/api/invoices/{number}/promises")).EnumerateArray().Single();
        promise.GetProperty("status").GetString().Should().Be("Broken");
        promise.GetProperty("checkedOn").GetString().Should().Be("2026-04-07");
    }

    [Fact]
    public async Task A_partly_kept_promise_is_judged_partially_kept_and_the_ladder_resumes_on_what_is_left()
    {
        var number = await host.IssueInvoiceAsync("C-0001", 2_400m, new DateOnly(2026, 3, 15));
        await host.AdvanceToAsync(new DateOnly(2026, 3, 20));
        (await host.PostAsync("carl", $"/api/invoices/{number}/promises", new { amount = 2_400m, promisedFor = "2026-04-01", toleranceDays = 0 }))
            .Status.Should().Be(HttpStatusCode.Created, "the customer promises on the portal for its own invoice");
        await host.AdvanceToAsync(new DateOnly(2026, 4, 1));
        await using (var db = host.NewContext())
        {
            var invoice = await db.Set<Core.Invoicing.Invoice>().SingleAsync(i => i.Number == number);
            invoice.ApplyPayment(Core.Money.Euros(1_000m), host.Today);
            await db.SaveChangesAsync();
        }

        await host.AdvanceToAsync(new DateOnly(2026, 4, 2));

        await using var check = host.NewContext();
        var promise = await check.Set<PromiseToPay>().AsNoTracking().SingleAsync(p => p.InvoiceNumber == number);
        promise.Status.Should().Be(PromiseStatus.PartiallyKept);
        promise.PaidToward.Should().Be(1_000m);
        (await host.RemindersAsync(number)).Single(r => r.Step == "FormalReminder").AmountDue.Should().Be(1_400m);
    }

    [Theory]
    [InlineData(0, "2026-04-01", "amount")]
    [InlineData(2_400.01, "2026-04-01", "amount")]
    [InlineData(100, "2026-03-01", "promisedFor")]
    public async Task A_bad_promise_is_refused_with_its_reason_and_nothing_is_recorded(decimal amount, string promisedFor, string field)
    {
        var number = await host.IssueInvoiceAsync("C-0001", 2_400m, new DateOnly(2026, 3, 15));

        var refused = await host.PostAsync("cora", $"/api/invoices/{number}/promises", new { amount, promisedFor });

        refused.Status.Should().Be(HttpStatusCode.UnprocessableEntity);
        refused.Body.GetProperty("errors").TryGetProperty(field, out _).Should().BeTrue(refused.Body.ToString());
        await using var db = host.NewContext();
        (await db.Set<PromiseToPay>().CountAsync()).Should().Be(0);
    }

    [Fact]
    public async Task A_promise_on_a_settled_invoice_is_refused()
    {
        var number = await host.IssueInvoiceAsync("C-0001", 2_400m, new DateOnly(2026, 3, 15), startDunning: false);
        await using (var db = host.NewContext())
        {
            (await db.Set<Core.Invoicing.Invoice>().SingleAsync(i => i.Number == number)).ApplyPayment(Core.Money.Euros(2_400m), host.Today);
            await db.SaveChangesAsync();
        }

        var refused = await host.PostAsync("cora", $"/api/invoices/{number}/promises", new { amount = 100m, promisedFor = "2026-04-01" });

        refused.Status.Should().Be(HttpStatusCode.UnprocessableEntity);
        refused.Body.GetProperty("title").GetString().Should().Contain("settled");
    }
}
