using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OrderToCash.Core.Payments;
using OrderToCash.Core.Infrastructure.Persistence;
using OrderToCash.Engine.Durable.Storage;
using OrderToCash.TestSupport;

namespace OrderToCash.IntegrationTests.Cycle;

/// <summary>The cycle with unapplied-cash.bpmn published, and the bank statement calls of the tests.</summary>
internal static class BankStatementScenario
{
    /// <summary>Transports Morel et Fils's account in the demo master (C-0002).</summary>
    public const string MorelIban = "FR7630003012348151997587343";

    /// <summary>A valid IBAN no customer has.</summary>
    public const string UnknownIban = "DE89370400440532013000";

    public static async Task PublishUnappliedCashAsync(this CycleScenario cycle)
    {
        using var owner = cycle.Client("olivia");
        var xml = await File.ReadAllTextAsync(Path.Combine(RepositoryPaths.Root, "workflows", "unapplied-cash.bpmn"));
        var published = await owner.PostAsync(new Uri("/api/definitions?file=unapplied-cash.bpmn", UriKind.Relative), new StringContent(xml, Encoding.UTF8, "application/xml"));
        published.StatusCode.Should().Be(HttpStatusCode.Created, await published.Content.ReadAsStringAsync());
    }

    public static async Task<HttpResponseMessage> ImportAsync(this CycleScenario cycle, string xml, string userName = "cora")
    {
        using var client = cycle.Client(userName);
        return await client.PostAsync(new Uri("/api/bank-statements", UriKind.Relative), new StringContent(xml, Encoding.UTF8, "application/xml"));
    }

    public static async Task<JsonElement> ImportedAsync(this CycleScenario cycle, string xml) =>
        await CycleScenario.BodyAsync(await cycle.ImportAsync(xml), HttpStatusCode.OK);

    /// <summary>The open unapplied-cash tasks in the collector's inbox.</summary>
    public static async Task<IReadOnlyList<JsonElement>> CashTasksAsync(this CycleScenario cycle)
    {
        var inbox = await cycle.GetAsync("cora", "/api/tasks");
        return [.. inbox.EnumerateArray().Where(t => t.GetProperty("processId").GetString() == UnappliedCashTasks.ProcessId)];
    }

    public static async Task<int> CashInstancesAsync(this CycleScenario cycle)
    {
        await using var db = cycle.Orders.Host.Services.GetRequiredService<Func<OrderToCashDbContext>>()();
        return await db.Set<InstanceRecord>().CountAsync(i => i.ProcessId == UnappliedCashTasks.ProcessId);
    }

    public static async Task<HttpResponseMessage> AnswerCashTaskAsync(this CycleScenario cycle, string taskId, string invoiceNumber)
    {
        using var client = cycle.Client("cora");
        var claimed = await client.PostAsync(new Uri($"/api/tasks/{taskId}/claim", UriKind.Relative), null);
        claimed.StatusCode.Should().Be(HttpStatusCode.OK, await claimed.Content.ReadAsStringAsync());
        return await client.PostAsJsonAsync(new Uri($"/api/tasks/{taskId}/complete", UriKind.Relative), new { outputs = new { invoiceNumber } });
    }

    public static decimal Paid(this JsonElement invoice) => invoice.GetProperty("invoice").GetProperty("paidAmount").GetDecimal();
}
