using System.Text;
using System.Text.Json;
using System.Xml;
using System.Xml.Linq;
using Microsoft.Playwright;
using OrderToCash.UiTests.Infrastructure;

namespace OrderToCash.UiTests.Designer;

/// <summary>The designer against the server: check as you draw, publish, open a published version and see its running instances.</summary>
[Collection(UiCollection.Name)]
public sealed class PublishingTests(UiFixture ui)
{
    private static readonly XNamespace Bpmn = "http://www.omg.org/spec/BPMN/20100524/MODEL";
    private const string NotExhaustive = "has only conditional outgoing flows and no default flow: when no condition holds the instance would be stuck.";

    [BrowserFact]
    public async Task A_gateway_without_default_flow_is_marked_fixed_in_the_panel_then_published_once()
    {
        var processId = UniqueProcessId();
        var page = await ui.NewPageAsync();
        await OpenDesignerAsync(page);
        await OpenFileAsync(page, processId, RoutingXml(processId));

        await page.GetByRole(AriaRole.Button, new() { Name = "Check", Exact = true }).ClickAsync();

        // Opening the file started a check of its own: wait until the checks are over before reading their result.
        await WaitForSummaryAsync(page, "1 error: fix them to publish.");
        var marker = page.Locator("[data-test=problem-marker][data-element=Decide]");
        await marker.WaitForAsync();
        (await marker.GetAttributeAsync("title")).Should().StartWith("BPMN030: ").And.Contain(NotExhaustive, "the badge carries the validator's message");
        (await page.Locator("g.djs-element.o2c-has-error[data-element-id='Decide']").CountAsync()).Should().Be(1, "the gateway is outlined");
        var problem = page.Locator("[data-test=problem]").Filter(new() { HasText = NotExhaustive });
        (await problem.CountAsync()).Should().Be(1);
        (await problem.GetAttributeAsync("title")).Should().StartWith($"{processId}.bpmn(").And.Contain(": error BPMN030 [Decide]: ", "the list gives the same line as o2c validate");
        (await page.GetByRole(AriaRole.Button, new() { Name = "Publish", Exact = true }).IsDisabledAsync()).Should().BeTrue("publishing is refused while there are errors");
        await page.ScreenshotAsync("designer-problems");

        await problem.ClickAsync();
        await page.Locator("[data-test=element-id]").Filter(new() { HasText = "Decide" }).WaitForAsync();

        // A straight flow has no height, which Playwright calls invisible: click the middle of its line instead.
        var flow = (await page.Locator("g.djs-element[data-element-id='Small'] .djs-hit").BoundingBoxAsync())!;
        await page.Mouse.ClickAsync(flow.X + (flow.Width / 2), flow.Y + (flow.Height / 2));
        await page.Locator("[data-test=element-id]").Filter(new() { HasText = "Small" }).WaitForAsync();
        (await page.GetByLabel("Condition", new() { Exact = true }).InputValueAsync()).Should().Be("amount <= 1000");
        await page.GetByLabel("Default path: taken when no condition holds").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Check", Exact = true }).ClickAsync();

        await page.Locator("[data-test=problems-summary]").Filter(new() { HasText = "No problems: the definition can be published." }).WaitForAsync();
        (await page.Locator("[data-test=problem-marker]").CountAsync()).Should().Be(0);
        (await page.Locator("g.djs-element.o2c-has-error").CountAsync()).Should().Be(0);

        await page.GetByRole(AriaRole.Button, new() { Name = "Publish", Exact = true }).ClickAsync();
        await page.Locator("#designer-status").Filter(new() { HasText = $"Published {processId} version 1." }).WaitForAsync();
        (await page.Locator("[data-test=document-name]").TextContentAsync()).Should().Be($"{processId} · version 1 ({processId}.bpmn)", "the diagram is saved on the server as that version");

        await page.GetByRole(AriaRole.Button, new() { Name = "Publish", Exact = true }).ClickAsync();
        await page.Locator("#designer-status").Filter(new() { HasText = $"{processId} unchanged: version 1 is already the latest." }).WaitForAsync();

        var published = await PublishedAsync(page, processId);
        published.Should().ContainSingle().Which.Should().Be(1);
        var xml = await PublishedXmlAsync(page, processId, 1);
        ((string?)xml.Descendants(Bpmn + "exclusiveGateway").Single().Attribute("default")).Should().Be("Small");
        xml.Descendants(Bpmn + "sequenceFlow").Single(f => (string?)f.Attribute("id") == "Small").Element(Bpmn + "conditionExpression").Should().BeNull("a default path has no condition");
        await page.ScreenshotAsync("designer-published");
        page.ShouldHaveNoScriptErrors();
    }

    [BrowserFact]
    public async Task A_definition_published_through_the_api_is_listed_and_opens_in_the_modeller()
    {
        var processId = UniqueProcessId();
        var page = await ui.NewPageAsync();
        await OpenDesignerAsync(page);
        var response = await page.APIRequest.PostAsync($"/api/definitions?file={processId}.bpmn", new()
        {
            Headers = new Dictionary<string, string> { ["Content-Type"] = "application/xml" },
            DataString = FixedRoutingXml(processId),
        });
        response.Status.Should().Be(201, await response.TextAsync());
        var started = await page.APIRequest.PostAsync("/api/instances", new() { DataObject = new { processId, businessKey = "SO-1", variables = new { amount = 5000m } } });
        started.Status.Should().Be(201, await started.TextAsync());

        await page.GetByRole(AriaRole.Button, new() { Name = "Open published…" }).ClickAsync();

        var row = page.Locator($"[data-test=definition][data-process='{processId}']");
        await row.WaitForAsync();
        (await row.Locator("td").AllTextContentsAsync()).Should().HaveCount(6);
        (await row.Locator("td").Nth(0).TextContentAsync()).Should().Contain("Route an order").And.Contain(processId);
        (await row.Locator("td").Nth(1).TextContentAsync()).Should().Be("1");
        (await row.Locator("td").Nth(2).TextContentAsync()).Should().Be(UiUsers.ProcessOwner);
        (await row.Locator("time").GetAttributeAsync("datetime")).Should().NotBeNullOrEmpty();
        (await row.Locator("[data-test=instances]").TextContentAsync()).Should().Be("1 running", "the large order waits for its review");
        await page.ScreenshotAsync("designer-published-list");

        await row.GetByRole(AriaRole.Button, new() { Name = $"Open {processId} version 1" }).ClickAsync();

        await page.Locator("#designer-status").Filter(new() { HasText = $"Opened {processId} version 1, published by {UiUsers.ProcessOwner}." }).WaitForAsync();
        foreach (var id in new[] { "OrderReceived", "Decide", "Small", "Large", "Released", "Review", "Reviewed" })
        {
            (await page.Locator($"g.djs-element[data-element-id='{id}']").CountAsync()).Should().Be(1, $"{id} is in the published version");
        }

        await page.Locator("[data-test=document-name]").Filter(new() { HasText = $"{processId} · version 1 ({processId}.bpmn)" }).WaitForAsync();
        await page.Locator("[data-test=problems-summary]").Filter(new() { HasText = "No problems" }).WaitForAsync();
        (await page.Locator("#published-dialog").IsVisibleAsync()).Should().BeFalse();
        page.ShouldHaveNoScriptErrors();
    }

    [BrowserFact]
    public async Task A_publication_the_server_refuses_shows_its_problems_as_markers()
    {
        var processId = UniqueProcessId();
        var page = await ui.NewPageAsync();
        await OpenDesignerAsync(page);
        // Checks never answer, so Publish is clicked before the designer knows of any error: the server must refuse.
        await page.RouteAsync("**/api/definitions/validate**", _ => Task.CompletedTask);
        await OpenFileAsync(page, processId, RoutingXml(processId));

        await page.GetByRole(AriaRole.Button, new() { Name = "Publish", Exact = true }).ClickAsync();

        await page.Locator("#designer-status[data-kind=error]").Filter(new() { HasText = "Not published: The definition is not valid; nothing was published." }).WaitForAsync();
        await page.Locator("[data-test=problem-marker][data-element=Decide]").WaitForAsync();
        (await page.Locator("[data-test=problem]").Filter(new() { HasText = NotExhaustive }).CountAsync()).Should().Be(1);
        (await page.GetByRole(AriaRole.Button, new() { Name = "Publish", Exact = true }).IsDisabledAsync()).Should().BeTrue();
        (await PublishedAsync(page, processId)).Should().BeEmpty();
        page.ShouldHaveNoScriptErrors();
    }

    [BrowserFact]
    public async Task An_imported_file_is_checked_straight_away_and_again_after_an_edit()
    {
        var processId = UniqueProcessId();
        var page = await ui.NewPageAsync();
        await OpenDesignerAsync(page);

        await OpenFileAsync(page, processId, RoutingXml(processId));

        await page.Locator("[data-test=problem-marker][data-element=Decide]").WaitForAsync();
        await WaitForSummaryAsync(page, "1 error: fix them to publish.");

        // Removing the condition leaves one path that is always taken: no Check click, the edit itself is checked.
        var flow = (await page.Locator("g.djs-element[data-element-id='Small'] .djs-hit").BoundingBoxAsync())!;
        await page.Mouse.ClickAsync(flow.X + (flow.Width / 2), flow.Y + (flow.Height / 2));
        await page.GetByLabel("Condition", new() { Exact = true }).FillAsync(string.Empty);
        await page.GetByLabel("Condition", new() { Exact = true }).PressAsync("Enter");

        await page.Locator("[data-test=problems-summary]").Filter(new() { HasText = "No problems" }).WaitForAsync();
        (await page.Locator("[data-test=problem-marker]").CountAsync()).Should().Be(0);
        (await PublishedAsync(page, processId)).Should().BeEmpty("checking publishes nothing");
        page.ShouldHaveNoScriptErrors();
    }

    private static string UniqueProcessId() => "Routing_" + Guid.NewGuid().ToString("N")[..8];

    private static string RoutingXml(string processId) =>
        File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Fixtures", "routing.bpmn")).Replace("\"Routing\"", $"\"{processId}\"", StringComparison.Ordinal);

    /// <summary>The routing fixture with its "small" path made the default and its condition removed: valid.</summary>
    private static string FixedRoutingXml(string processId)
    {
        var document = XDocument.Parse(RoutingXml(processId));
        document.Descendants(Bpmn + "exclusiveGateway").Single().SetAttributeValue("default", "Small");
        document.Descendants(Bpmn + "sequenceFlow").Single(f => (string?)f.Attribute("id") == "Small").Element(Bpmn + "conditionExpression")!.Remove();
        return document.ToString();
    }

    private static async Task OpenDesignerAsync(IPage page)
    {
        await page.OpenSignedInAsync("/designer", UiUsers.ProcessOwner);
        await page.Locator("#designer-workspace[aria-busy=false]").WaitForAsync(new() { State = WaitForSelectorState.Attached });
    }

    private static async Task OpenFileAsync(IPage page, string processId, string xml)
    {
        await page.Locator("#open-file").SetInputFilesAsync(new FilePayload { Name = $"{processId}.bpmn", MimeType = "application/xml", Buffer = Encoding.UTF8.GetBytes(xml) });
        await page.Locator("#designer-status").Filter(new() { HasText = $"Opened “{processId}.bpmn”." }).WaitForAsync();
    }

    /// <summary>The versions of the process the server lists, through the page's own signed-in session.</summary>
    private static async Task<List<int>> PublishedAsync(IPage page, string processId)
    {
        var response = await page.APIRequest.GetAsync("/api/definitions");
        response.Ok.Should().BeTrue();
        using var list = JsonDocument.Parse(await response.TextAsync());
        return [.. list.RootElement.EnumerateArray().Where(d => d.GetProperty("processId").GetString() == processId).Select(d => d.GetProperty("version").GetInt32())];
    }

    private static async Task<XDocument> PublishedXmlAsync(IPage page, string processId, int version)
    {
        var response = await page.APIRequest.GetAsync($"/api/definitions/{processId}/{version}");
        response.Ok.Should().BeTrue();
        using var reader = XmlReader.Create(new StringReader(await response.TextAsync()), new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null });
        return XDocument.Load(reader);
    }

    /// <summary>Waits (Playwright's timeout) until the problems summary reads exactly <paramref name="text"/>.</summary>
    private static Task WaitForSummaryAsync(IPage page, string text) =>
        page.Locator("[data-test=problems-summary]").Filter(new() { HasTextRegex = new System.Text.RegularExpressions.Regex("^" + System.Text.RegularExpressions.Regex.Escape(text) + "$") }).WaitForAsync();
}
