using System.Text.Json;
using System.Xml.Linq;
using Microsoft.Playwright;
using OrderToCash.UiTests.Infrastructure;
using OrderToCash.UiTests.Rules;

namespace OrderToCash.UiTests.Designer;

/// <summary>
/// Issue 12's first scenario in Chromium (the API version is FinanceApprovalScenarioTests): a process owner opens the
/// published order-to-cash in the designer, inserts after the credit check a gateway "100 000 EUR ou plus ?" whose
/// conditioned path goes through a new user task "Finance approval" for a role created from the panel, and publishes;
/// an administrator gives the role to a finance controller; a new order of 120,000 EUR then waits in that task in the
/// controller's /tasks while an order entered before stays on its version. No code, no restart.
/// </summary>
[Collection(UiCollection.Name)]
public sealed class FinanceApprovalTests(UiFixture ui)
{
    private static readonly XNamespace Bpmn = "http://www.omg.org/spec/BPMN/20100524/MODEL";
    private static readonly XNamespace O2c = "https://ordertocash.dev/schema/bpmn";

    /// <summary>The demo customer of FinanceApprovalScenarioTests; 100,000 EUR + 20 % VAT is over its limit (a release follows).</summary>
    private const string Customer = "C-0001";

    [BrowserFact]
    public async Task A_process_owner_adds_a_finance_approval_in_the_designer_and_a_new_big_order_waits_in_it_while_an_older_one_stays_on_its_version()
    {
        // A host of its own: the other tests' orders of 100,000 EUR or more must not meet the new task.
        await using var host = new UiHost();
        await UiInvoices.EnsureCycleAsync(host);
        var before = (await RulesApi.PlaceOrderAsync(host, Customer, 100_000m)).GetProperty("number").GetString()!;
        var page = await ui.NewPageAsync("en", host);
        await page.OpenSignedInAsync("/designer", UiUsers.ProcessOwner);
        await page.Locator("#designer-workspace[aria-busy=false]").WaitForAsync(new() { State = WaitForSelectorState.Attached });
        var current = await OpenLatestOrderToCashAsync(page);

        await MakeRoomAfterTheCreditCheckAsync(page);
        var gateway = await DropGatewayOnFlowAsync(page, "toCreditBlocked");
        await Canvas.CommitAsync(page.GetByLabel("Name", new() { Exact = true }), "100 000 EUR ou plus ?");
        var flows = await Canvas.FlowIdsAsync(page);
        var noFinance = flows.Single(f => !Initial.Contains(f));
        var task = await AppendUserTaskAsync(page, gateway);
        var toFinance = (await Canvas.FlowIdsAsync(page)).Single(f => !flows.Contains(f));
        await Canvas.CommitAsync(page.GetByLabel("Name", new() { Exact = true }), "Finance approval");
        await CreateRoleFromThePanelAsync(page, UiUsers.FinanceRole, "Direction financière");
        flows = await Canvas.FlowIdsAsync(page);
        await ConnectAsync(page, task, "creditBlocked");
        var afterFinance = (await Canvas.FlowIdsAsync(page)).Single(f => !flows.Contains(f));

        await Canvas.ClickFlowAsync(page, toFinance);
        await Canvas.CommitAsync(page.GetByLabel("Name", new() { Exact = true }), "oui");
        await Canvas.CommitAsync(page.GetByLabel("Condition", new() { Exact = true }), "amount >= 100000");
        await Canvas.ClickFlowAsync(page, noFinance);
        await Canvas.CommitAsync(page.GetByLabel("Name", new() { Exact = true }), "non");
        await page.GetByLabel("Default path: taken when no condition holds").CheckAsync();
        await page.Locator("[data-test=problems-summary]").Filter(new() { HasText = "No problems: the definition can be published." }).WaitForAsync();
        await page.ScreenshotAsync("designer-finance-approval");
        await page.GetByRole(AriaRole.Button, new() { Name = "Publish", Exact = true }).ClickAsync();
        await page.Locator("#designer-status").Filter(new() { HasText = $"Published order-to-cash version {current + 1}." }).WaitForAsync();
        page.ShouldHaveNoScriptErrors();

        var published = await PublishedXmlAsync(page, current + 1);
        var process = published.Root!.Element(Bpmn + "process")!;
        Flow(process, "toCreditBlocked").Attribute("targetRef")!.Value.Should().Be(gateway, "the credit check now leads to the new gateway");
        process.Elements(Bpmn + "exclusiveGateway").Single(g => (string?)g.Attribute("id") == gateway).Attribute("default")!.Value.Should().Be(noFinance);
        var userTask = process.Elements(Bpmn + "userTask").Single(t => (string?)t.Attribute("id") == task);
        ((string?)userTask.Attribute("name"), (string?)userTask.Attribute(O2c + "candidateRole")).Should().Be(("Finance approval", UiUsers.FinanceRole));
        ((string?)Flow(process, toFinance).Element(Bpmn + "conditionExpression")).Should().Be("amount >= 100000");
        ((string?)Flow(process, noFinance).Attribute("targetRef"), (string?)Flow(process, afterFinance).Attribute("targetRef")).Should().Be(("creditBlocked", "creditBlocked"));

        // No page gives roles to people yet: the administrator uses the API (ADR 0132).
        using (var admin = RulesApi.ClientFor(host, UiUsers.Administrator))
        {
            var granted = await admin.PutAsync(new Uri($"/api/users/{UiUsers.FinanceController}/roles/{UiUsers.FinanceRole}", UriKind.Relative), null);
            ((int)granted.StatusCode).Should().Be(200, await granted.Content.ReadAsStringAsync());
        }

        var big = await RulesApi.PlaceOrderAsync(host, Customer, 100_000m);
        big.GetProperty("grossTotal").GetDecimal().Should().Be(120_000m);
        var number = big.GetProperty("number").GetString()!;
        var finance = await ui.NewPageAsync("fr", host);
        await finance.OpenSignedInAsync("/tasks", UiUsers.FinanceController);
        var row = finance.Locator("tr[data-task]").Filter(new() { HasText = number });
        await row.GetByRole(AriaRole.Button, new() { Name = "Finance approval" }).WaitForAsync();
        (await finance.Locator("tr[data-task]").Filter(new() { HasText = before }).CountAsync()).Should().Be(0, "the order entered before the change goes on without the finance approval");
        await finance.ScreenshotAsync("tasks-finance-approval");
        finance.ShouldHaveNoScriptErrors();

        var inbox = await TasksAsync(host, UiUsers.FinanceController);
        var waiting = inbox.Should().ContainSingle(t => t.GetProperty("businessKey").GetString() == number).Subject;
        (waiting.GetProperty("name").GetString(), waiting.GetProperty("candidateRole").GetString(), waiting.GetProperty("version").GetInt32())
            .Should().Be(("Finance approval", UiUsers.FinanceRole, current + 1));
        (await TasksAsync(host, UiUsers.CreditManager)).Should().NotContain(t => t.GetProperty("businessKey").GetString() == number, "the credit release comes after the finance approval");
        (await TasksAsync(host, UiUsers.CreditManager)).Should().Contain(t => t.GetProperty("businessKey").GetString() == before, "the older order goes on to its release on its version");
        (await CycleVersionAsync(page, host, number)).Should().Be(current + 1);
        (await CycleVersionAsync(page, host, before)).Should().Be(current, "a running instance stays on its version");
    }

    /// <summary>The flows of the published order-to-cash: a flow not among them was drawn in the test.</summary>
    private static readonly HashSet<string> Initial = [.. XDocument.Parse(File.ReadAllText(Path.Combine(RepositoryPaths.Root, "workflows", "order-to-cash.bpmn")))
        .Descendants(Bpmn + "sequenceFlow").Select(f => (string)f.Attribute("id")!)];

    private static XElement Flow(XElement process, string id) => process.Elements(Bpmn + "sequenceFlow").Single(f => (string?)f.Attribute("id") == id);

    /// <summary>"Open published…", then the newest order-to-cash version; returns its number.</summary>
    private static async Task<int> OpenLatestOrderToCashAsync(IPage page)
    {
        await page.GetByRole(AriaRole.Button, new() { Name = "Open published…" }).ClickAsync();
        var row = page.Locator("[data-test=definition][data-process='order-to-cash']").First;
        await row.WaitForAsync();
        var version = int.Parse((await row.GetAttributeAsync("data-version"))!, System.Globalization.CultureInfo.InvariantCulture);
        await row.GetByRole(AriaRole.Button, new() { Name = $"Open order-to-cash version {version}" }).ClickAsync();
        await page.Locator("#designer-status").Filter(new() { HasText = $"Opened order-to-cash version {version}" }).WaitForAsync();
        await page.Locator("[data-test=problems-summary]").Filter(new() { HasText = "No problems" }).WaitForAsync();
        return version;
    }

    /// <summary>
    /// The space tool of the palette, dragged from between the credit check and "Credit-blocked?" to the right: the
    /// steps after the credit check move right by about two task widths, leaving room for the gateway.
    /// </summary>
    private static async Task MakeRoomAfterTheCreditCheckAsync(IPage page)
    {
        var check = await Canvas.BoxAsync(page, "applyCreditCheck");
        var blocked = await Canvas.BoxAsync(page, "creditBlocked");
        var scale = check.Width / 100;
        var x = (check.X + check.Width + blocked.X) / 2;
        var y = check.Y - (40 * scale);
        await Canvas.PaletteEntry(page, "space-tool").ClickAsync();
        await Canvas.DragAsync(page, (x, y), (x + (220 * scale), y));
        var moved = await Canvas.BoxAsync(page, "creditBlocked");
        moved.X.Should().BeGreaterThan(blocked.X + (150 * scale), "the space tool moved the rest of the process to the right");
    }

    /// <summary>Drags an exclusive gateway from the palette onto the middle of a flow, which splits it; returns the gateway's id.</summary>
    private static async Task<string> DropGatewayOnFlowAsync(IPage page, string flowId)
    {
        var entry = (await Canvas.PaletteEntry(page, "create.exclusive-gateway").BoundingBoxAsync())!;
        await Canvas.DragAsync(page, (entry.X + (entry.Width / 2), entry.Y + (entry.Height / 2)), await Canvas.FlowPointAsync(page, flowId));
        await page.Locator("[data-test=panel-type]").Filter(new() { HasText = "Exclusive gateway" }).WaitForAsync();
        return await Canvas.SelectedIdAsync(page);
    }

    /// <summary>
    /// Drags "Append task" from the gateway's context pad to above the main line, between the gateway and "Credit-
    /// blocked?" (bpmn-js then edits the new task's label in place: Escape leaves that); the wrench changes the task to a
    /// user task. Returns the user task's id.
    /// </summary>
    private static async Task<string> AppendUserTaskAsync(IPage page, string gateway)
    {
        await Canvas.ClickShapeAsync(page, gateway);
        var from = await Canvas.BoxAsync(page, gateway);
        var to = await Canvas.BoxAsync(page, "creditBlocked");
        var scale = from.Width / 50;
        var entry = (await Canvas.ContextPadEntry(page, "append.append-task").BoundingBoxAsync())!;
        await Canvas.DragAsync(page, (entry.X + (entry.Width / 2), entry.Y + (entry.Height / 2)), ((from.X + from.Width + to.X) / 2, from.Y - (110 * scale)));
        await page.Locator("[data-test=panel-type]").Filter(new() { HasTextRegex = new System.Text.RegularExpressions.Regex("^Task$") }).WaitForAsync();
        await page.Keyboard.PressAsync("Escape");
        await Canvas.ContextPadEntry(page, "replace").ClickAsync();
        await page.Locator(".djs-popup .entry[data-id='replace-with-user-task']").ClickAsync();
        await page.Locator("[data-test=panel-type]").Filter(new() { HasText = "User task" }).WaitForAsync();
        return await Canvas.SelectedIdAsync(page);
    }

    /// <summary>"New role…" in the panel of the selected user task: creates the role and makes the task theirs.</summary>
    private static async Task CreateRoleFromThePanelAsync(IPage page, string name, string label)
    {
        await page.Locator("[data-test=new-role] summary").ClickAsync();
        await page.Locator("[data-test=new-role-name]").FillAsync(name);
        await page.Locator("[data-test=new-role-label]").FillAsync(label);
        await page.Locator("[data-test=new-role-create]").ClickAsync();
        await page.Locator("[data-field=candidateRole]").Locator($"option[value='{name}']").WaitForAsync(new() { State = WaitForSelectorState.Attached });
        (await page.GetByLabel("Who does it").InputValueAsync()).Should().Be(name);
    }

    /// <summary>The context pad's connect tool, from a shape to another.</summary>
    private static async Task ConnectAsync(IPage page, string from, string to)
    {
        await Canvas.ClickShapeAsync(page, from);
        var entry = (await Canvas.ContextPadEntry(page, "connect").BoundingBoxAsync())!;
        var target = await Canvas.BoxAsync(page, to);
        await Canvas.DragAsync(page, (entry.X + (entry.Width / 2), entry.Y + (entry.Height / 2)), (target.X + (target.Width / 2), target.Y + (target.Height / 2)));
    }

    private static async Task<XDocument> PublishedXmlAsync(IPage page, int version)
    {
        var response = await page.APIRequest.GetAsync($"/api/definitions/order-to-cash/{version}");
        response.Ok.Should().BeTrue();
        return XDocument.Parse(await response.TextAsync());
    }

    private static async Task<List<JsonElement>> TasksAsync(UiHost host, string userName)
    {
        using var client = RulesApi.ClientFor(host, userName);
        using var inbox = JsonDocument.Parse(await client.GetStringAsync(new Uri("/api/tasks", UriKind.Relative)));
        return [.. inbox.RootElement.EnumerateArray().Select(t => t.Clone())];
    }

    /// <summary>The version of order-to-cash the order's cycle runs on, read by the process owner.</summary>
    private static async Task<int> CycleVersionAsync(IPage page, UiHost host, string orderNumber)
    {
        var instance = (await RulesApi.OrderAsync(host, orderNumber)).GetProperty("cycleInstanceId").GetString()!;
        return JsonDocument.Parse(await (await page.APIRequest.GetAsync($"/api/instances/{instance}")).TextAsync()).RootElement.GetProperty("version").GetInt32();
    }
}
