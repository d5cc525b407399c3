using System.Net;
using Microsoft.EntityFrameworkCore;
using OrderToCash.Core.Disputes;
using OrderToCash.Core.Invoicing;
using OrderToCash.IntegrationTests.Infrastructure;

namespace OrderToCash.IntegrationTests.Remind;

[Collection(PostgresCollection.Name)]
public sealed class PostgreSqlRemindTests(PostgresServer server)
{
    [PostgresFact]
    public async Task On_postgresql_concurrent_disputes_never_hold_back_more_than_is_open_and_are_numbered_without_gaps()
    {
        await using var host = new RemindHost(await server.CreateDatabaseAsync());
        await host.PublishAsync();
        var number = await host.IssueInvoiceAsync("C-0002", 1_000m, new DateOnly(2026, 3, 15));

        var raised = await Task.WhenAll(Enumerable.Range(1, 6).Select(i =>
            host.PostAsync(i % 2 == 0 ? "cora" : "sabine", $"/api/invoices/{number}/disputes", new { amount = 300m, reasonCode = "PRICE_ERROR", comment = $"Raise {i}" })));

        raised.Count(r => r.Status == HttpStatusCode.Created).Should().Be(3, "3 × 300 fit in 1,000, a fourth does not: {0}", string.Join(" | ", raised.Select(r => $"{r.Status} {r.Body}")));
        raised.Where(r => r.Status != HttpStatusCode.Created).Should().OnlyContain(r => r.Status == HttpStatusCode.UnprocessableEntity);
        raised.Where(r => r.Status == HttpStatusCode.Created).Select(r => r.Body.GetProperty("number").GetString())
            .Should().BeEquivalentTo("LI-2026-000001", "LI-2026-000002", "LI-2026-000003");
        (await host.InvoiceAsync(number)).DisputedAmount.Should().Be(900m);
        await using var db = host.NewContext();
        (await db.Set<Dispute>().CountAsync()).Should().Be(3);
    }

    [PostgresFact]
    public async Task On_postgresql_the_same_platform_message_received_concurrently_is_recorded_once()
    {
        await using var host = new RemindHost(await server.CreateDatabaseAsync());
        await host.PublishAsync();
        var number = await host.IssueInvoiceAsync("C-0002", 1_000m, new DateOnly(2026, 3, 15));

        var answers = await Task.WhenAll(Enumerable.Range(1, 5).Select(_ =>
            host.PostAsync("sabine", $"/api/invoices/{number}/lifecycle", new { status = "Refusee", reasonCode = "QTE_ERR", messageId = "PPF-42", amount = 200m })));

        answers.Should().OnlyContain(a => a.Status == HttpStatusCode.Created || a.Status == HttpStatusCode.OK);
        answers.Count(a => !a.Body.GetProperty("duplicate").GetBoolean()).Should().Be(1);
        await using var db = host.NewContext();
        (await db.Set<InvoiceLifecycleEvent>().CountAsync()).Should().Be(1);
        (await db.Set<Dispute>().CountAsync()).Should().Be(1);
        (await host.InvoiceAsync(number)).DisputedAmount.Should().Be(200m);
    }

    [PostgresFact]
    public async Task On_postgresql_different_platform_messages_received_concurrently_each_open_their_dispute()
    {
        await using var host = new RemindHost(await server.CreateDatabaseAsync());
        await host.PublishAsync();
        var invoices = new List<string>();
        for (var i = 0; i < 4; i++)
        {
            invoices.Add(await host.IssueInvoiceAsync("C-0002", 1_000m, new DateOnly(2026, 3, 15)));
        }

        var answers = await Task.WhenAll(invoices.Select((invoice, i) =>
            host.PostAsync("sabine", $"/api/invoices/{invoice}/lifecycle", new { status = "EnLitige", reasonCode = "DOUBLON", messageId = $"PPF-{i}" })));

        answers.Should().OnlyContain(a => a.Status == HttpStatusCode.Created, string.Join(" | ", answers.Select(a => a.Body.ToString())));
        answers.Select(a => a.Body.GetProperty("dispute").GetProperty("number").GetString()).Should().OnlyHaveUniqueItems().And.HaveCount(4);
        answers.Should().OnlyContain(a => a.Body.GetProperty("dispute").GetProperty("department").GetString() == "Billing");
    }

    [PostgresFact]
    public async Task On_postgresql_two_promises_at_once_on_one_invoice_leave_one_pending_promise()
    {
        await using var host = new RemindHost(await server.CreateDatabaseAsync());
        await host.PublishAsync();
        var number = await host.IssueInvoiceAsync("C-0002", 1_000m, new DateOnly(2026, 3, 15));

        var answers = await Task.WhenAll(Enumerable.Range(1, 5).Select(i =>
            host.PostAsync("cora", $"/api/invoices/{number}/promises", new { amount = 100m * i, promisedFor = "2026-04-01" })));

        answers.Count(a => a.Status == HttpStatusCode.Created).Should().Be(1, string.Join(" | ", answers.Select(a => $"{a.Status} {a.Body}")));
        answers.Where(a => a.Status != HttpStatusCode.Created).Should().OnlyContain(a => a.Status == HttpStatusCode.UnprocessableEntity);
        await using var db = host.NewContext();
        (await db.Set<Core.Dunning.PromiseToPay>().CountAsync()).Should().Be(1);
    }
}
