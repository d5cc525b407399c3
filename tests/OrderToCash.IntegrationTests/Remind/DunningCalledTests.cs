using System.Net;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OrderToCash.Engine.Durable;
using OrderToCash.Engine.Durable.Storage;

namespace OrderToCash.IntegrationTests.Remind;

/// <summary>The way the invoicing side uses dunning.bpmn: as a call activity of its own process.</summary>
public sealed class DunningCalledTests : IAsyncLifetime, IDisposable
{
    private readonly RemindHost host = new();

    public Task InitializeAsync() => host.PublishAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    public void Dispose() => host.Dispose();

    [Fact]
    public async Task Called_from_a_parent_process_the_ladder_runs_and_a_settlement_returns_to_the_parent()
    {
        using (var owner = host.Client("olivia"))
        {
            var xml = await File.ReadAllTextAsync(Path.Combine(RepositoryPaths.Root, "tests", "OrderToCash.IntegrationTests", "Remind", "Fixtures", "invoice-cycle.bpmn"));
            var published = await owner.PostAsync(new Uri("/api/definitions?file=invoice-cycle.bpmn", UriKind.Relative), new StringContent(xml, Encoding.UTF8, "application/xml"));
            published.StatusCode.Should().Be(HttpStatusCode.Created, await published.Content.ReadAsStringAsync());
        }

        var number = await host.IssueInvoiceAsync("C-0002", 5_000m, new DateOnly(2026, 3, 15), startDunning: false);
        var runtime = host.Services.GetRequiredService<DurableWorkflowRuntime>();
        var parent = await runtime.StartAsync("invoice-cycle", new Dictionary<string, object?> { ["number"] = number, ["customer"] = "C-0002" }, "SO-2026-000042", CancellationToken.None);

        await host.AdvanceToAsync(new DateOnly(2026, 3, 8));
        (await host.RemindersAsync(number)).Select(r => r.Step).Should().Equal("PreDueNotice");
        (await host.InvoiceAsync(number)).DunningInstanceId.Should().Be(parent.Id);
        // The reminder step's decision is about the invoice the called ladder reminds, not the parent's business key.
        (await host.GetAsync("cora", $"/api/decisions/invoice/{number}")).EnumerateArray()
            .Should().Contain(d => d.GetProperty("decision").GetProperty("ruleSetName").GetString() == "escalation");
        (await host.GetAsync("cora", "/api/decisions/order/SO-2026-000042")).GetArrayLength().Should().Be(0);

        await using (var db = host.NewContext())
        {
            (await db.Set<Core.Invoicing.Invoice>().SingleAsync(i => i.Number == number)).ApplyPayment(Core.Money.Euros(5_000m), host.Today);
            await db.SaveChangesAsync();
        }

        await runtime.CorrelateAsync(new IncomingMessage("InvoiceSettled", number, $"settled:{number}"), CancellationToken.None);
        await host.DispatchAsync();

        await using var check = host.NewContext();
        (await check.Set<InstanceRecord>().AsNoTracking().SingleAsync(i => i.Id == parent.Id)).Status.Should().Be("Completed");
    }
}
