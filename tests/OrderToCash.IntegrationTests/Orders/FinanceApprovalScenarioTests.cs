using System.Net;
using System.Text;
using System.Text.Json;
using System.Xml.Linq;
using OrderToCash.IntegrationTests.Cycle;

namespace OrderToCash.IntegrationTests.Orders;

/// <summary>
/// Issue 12's first scenario, with only the API a process owner and an administrator have: create the business role
/// Finance (ADR 0132) and give it to fanny; read the published order-to-cash diagram, add "Finance approval" (a user
/// task for Finance) for orders of 100,000 EUR or more right after the credit check, publish it; a new order of
/// 120,000 EUR then waits in that task while the instances already running stay on their version. No code, no restart.
/// </summary>
public sealed class FinanceApprovalScenarioTests : IAsyncLifetime, IDisposable
{
    private static readonly XNamespace Bpmn = "http://www.omg.org/spec/BPMN/20100524/MODEL";
    private static readonly XNamespace O2c = "https://ordertocash.dev/schema/bpmn";

    private readonly CycleScenario cycle = new();

    public Task InitializeAsync() => cycle.InitializeAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    public void Dispose() => cycle.Dispose();

    [Fact]
    public async Task A_process_owner_adds_a_finance_approval_after_the_credit_check_and_a_new_big_order_waits_in_it_while_running_orders_stay_on_their_version()
    {
        var running = await cycle.AcceptedOrderAsync("C-0001", 1m, 1_000m);
        var bigBefore = (await cycle.Orders.PlaceAsync("salesperson", OrdersHost.OneLine("C-0001", 1m, 100_000m))).GetProperty("number").GetString()!;
        using var owner = cycle.Client("olivia");
        using var admin = cycle.Client("ada");
        (await owner.PostAsync(new Uri("/api/roles", UriKind.Relative), new StringContent("""{ "name": "Finance", "label": "Direction financière" }""", Encoding.UTF8, "application/json")))
            .StatusCode.Should().Be(HttpStatusCode.Created);
        (await admin.PutAsync(new Uri("/api/users/fanny/roles/Finance", UriKind.Relative), null)).StatusCode.Should().Be(HttpStatusCode.OK);
        var versions = JsonDocument.Parse(await owner.GetStringAsync(new Uri("/api/definitions/order-to-cash/versions", UriKind.Relative))).RootElement;
        var current = versions.EnumerateArray().Max(v => v.GetProperty("version").GetInt32());

        var diagram = XDocument.Parse(await owner.GetStringAsync(new Uri($"/api/definitions/order-to-cash/{current}", UriKind.Relative)));
        AddFinanceApproval(diagram);
        var published = await owner.PostAsync(new Uri("/api/definitions?file=order-to-cash.bpmn", UriKind.Relative), new StringContent(diagram.ToString(), Encoding.UTF8, "application/xml"));

        published.StatusCode.Should().Be(HttpStatusCode.Created, await published.Content.ReadAsStringAsync());
        var big = await cycle.Orders.PlaceAsync("salesperson", OrdersHost.OneLine("C-0001", 1m, 100_000m));
        var small = await cycle.Orders.PlaceAsync("salesperson", OrdersHost.OneLine("C-0001", 1m, 10m));

        big.GetProperty("grossTotal").GetDecimal().Should().Be(120_000m);
        var bigNumber = big.GetProperty("number").GetString()!;
        var financeTask = (await cycle.Orders.TasksAsync("fanny", bigNumber)).Should().ContainSingle("the new version asks Finance about a 120,000 EUR order").Subject;
        financeTask.GetProperty("name").GetString().Should().Be("Finance approval");
        financeTask.GetProperty("candidateRole").GetString().Should().Be("Finance");
        financeTask.GetProperty("version").GetInt32().Should().Be(current + 1);
        (await cycle.Orders.TasksAsync("claire", bigNumber)).Should().BeEmpty("the credit release comes after the finance approval");
        (await cycle.Orders.TasksAsync("fanny", small.GetProperty("number").GetString()!)).Should().BeEmpty("12 EUR is under the threshold");
        small.GetProperty("status").GetString().Should().Be("Accepted");

        (await cycle.CycleInstanceAsync(running)).Version.Should().Be(current, "a running instance stays on its version");
        (await cycle.CycleInstanceAsync(bigBefore)).Version.Should().Be(current);
        (await cycle.Orders.TasksAsync("fanny", bigBefore)).Should().BeEmpty("the order entered before the change goes on without it");
        (await cycle.Orders.TasksAsync("claire", bigBefore)).Should().ContainSingle();
        var delivered = await cycle.DeliverAsync(running);
        delivered.StatusCode.Should().Be(HttpStatusCode.OK, await delivered.Content.ReadAsStringAsync());
        (await cycle.OrderStatusAsync(running)).Should().Be("Invoiced", "the old version carries its order on to the invoice");

        await ApproveAsync(financeTask.GetProperty("id").GetString()!);
        (await cycle.Orders.TasksAsync("claire", bigNumber)).Should().ContainSingle("after Finance, the blocked order goes to the credit manager")
            .Which.GetProperty("name").GetString().Should().Be("Release or reject the blocked order");
    }

    /// <summary>
    /// What the process owner draws: the flow out of "Accept or block the order" now goes to a gateway "100,000 EUR or
    /// more?", whose "yes" flow passes through "Finance approval" (role Finance) and whose default goes straight on to
    /// "Credit-blocked?".
    /// </summary>
    private static void AddFinanceApproval(XDocument diagram)
    {
        var process = diagram.Root!.Element(Bpmn + "process")!;
        var toCreditBlocked = process.Elements(Bpmn + "sequenceFlow").Single(f => (string?)f.Attribute("id") == "toCreditBlocked");
        toCreditBlocked.SetAttributeValue("targetRef", "financeNeeded");
        process.Add(
            new XElement(Bpmn + "exclusiveGateway", new XAttribute("id", "financeNeeded"), new XAttribute("name", "100,000 EUR or more?"), new XAttribute("default", "noFinanceApproval")),
            new XElement(Bpmn + "sequenceFlow", new XAttribute("id", "toFinanceApproval"), new XAttribute("name", "yes"), new XAttribute("sourceRef", "financeNeeded"), new XAttribute("targetRef", "financeApproval"),
                new XElement(Bpmn + "conditionExpression", "amount >= 100000")),
            new XElement(Bpmn + "sequenceFlow", new XAttribute("id", "noFinanceApproval"), new XAttribute("name", "no"), new XAttribute("sourceRef", "financeNeeded"), new XAttribute("targetRef", "creditBlocked")),
            new XElement(Bpmn + "userTask", new XAttribute("id", "financeApproval"), new XAttribute("name", "Finance approval"), new XAttribute(O2c + "candidateRole", "Finance"),
                new XElement(Bpmn + "extensionElements", new XElement(O2c + "output", new XAttribute("name", "financeComment"), new XAttribute("expression", "financeComment")))),
            new XElement(Bpmn + "sequenceFlow", new XAttribute("id", "afterFinanceApproval"), new XAttribute("sourceRef", "financeApproval"), new XAttribute("targetRef", "creditBlocked")));
        process.Element(Bpmn + "extensionElements")!.Add(new XElement(O2c + "variable", new XAttribute("name", "financeComment"), new XAttribute("type", "string")));
    }

    private async Task ApproveAsync(string taskId)
    {
        using var finance = cycle.Client("fanny");
        (await finance.PostAsync(new Uri($"/api/tasks/{taskId}/claim", UriKind.Relative), null)).StatusCode.Should().Be(HttpStatusCode.OK);
        var completed = await finance.PostAsync(new Uri($"/api/tasks/{taskId}/complete", UriKind.Relative),
            new StringContent("""{ "outputs": { "financeComment": "Budget confirmed" } }""", Encoding.UTF8, "application/json"));
        completed.StatusCode.Should().Be(HttpStatusCode.OK, await completed.Content.ReadAsStringAsync());
    }
}
