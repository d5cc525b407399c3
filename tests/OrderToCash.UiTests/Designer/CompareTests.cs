using System.Xml.Linq;
using Microsoft.Playwright;
using OrderToCash.UiTests.Infrastructure;

namespace OrderToCash.UiTests.Designer;

/// <summary>"Compare" with any other published version: which elements were added, removed or changed, on the diagram and in a list.</summary>
[Collection(UiCollection.Name)]
public sealed class CompareTests(UiFixture ui)
{
    private static readonly XNamespace Bpmn = "http://www.omg.org/spec/BPMN/20100524/MODEL";
    private static readonly XNamespace Di = "http://www.omg.org/spec/BPMN/20100524/DI";
    private static readonly XNamespace Waypoints = "http://www.omg.org/spec/DD/20100524/DI";
    private static readonly XNamespace Dc = "http://www.omg.org/spec/DD/20100524/DC";
    private static readonly XNamespace O2c = "https://ordertocash.dev/schema/bpmn";

    [BrowserFact]
    public async Task Version_2_shows_its_added_changed_and_removed_elements_on_the_diagram_and_in_a_list()
    {
        var processId = "Compare_" + Guid.NewGuid().ToString("N")[..8];
        var page = await ui.NewPageAsync();
        await page.OpenSignedInAsync("/designer", UiUsers.ProcessOwner);
        await page.Locator("#designer-workspace[aria-busy=false]").WaitForAsync(new() { State = WaitForSelectorState.Attached });
        await PublishAsync(page, processId, Version1(processId));
        await PublishAsync(page, processId, Version2(processId));
        var compare = page.GetByRole(AriaRole.Button, new() { Name = "Compare", Exact = true });
        (await compare.IsDisabledAsync()).Should().BeTrue("nothing published is open yet");

        await page.GetByRole(AriaRole.Button, new() { Name = "Open published…" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = $"Open {processId} version 2" }).ClickAsync();
        await page.Locator("#designer-status").Filter(new() { HasText = $"Opened {processId} version 2" }).WaitForAsync();
        (await page.Locator("[data-test=document-name]").TextContentAsync()).Should().Be($"{processId} · version 2 ({processId}.bpmn)", "the header names the open process and version");
        await Assertions.Expect(compare).ToBeEnabledAsync();
        (await page.GetByLabel("Compare with version").InputValueAsync()).Should().Be("1", "the previous version is chosen first");
        await compare.ClickAsync();

        await page.Locator("#designer-status").Filter(new() { HasText = $"{processId} version 2 against version 1: 2 added, 2 changed, 1 removed." }).WaitForAsync();
        (await page.Locator("[data-test=diff-marker][data-element=Confirm]").GetAttributeAsync("data-change")).Should().Be("Added");
        (await page.Locator("[data-test=diff-marker][data-element=Flow_Confirmed]").GetAttributeAsync("data-change")).Should().Be("Added");
        (await page.Locator("[data-test=diff-marker][data-element=Review]").GetAttributeAsync("data-change")).Should().Be("Changed");
        (await page.Locator("g.djs-element.o2c-diff-changed[data-element-id='Small']").CountAsync()).Should().Be(1, "the flow now leads to the new task");
        (await page.Locator("g.djs-element.o2c-diff-added[data-element-id='Confirm']").CountAsync()).Should().Be(1);
        var changes = page.Locator("[data-test=element-change]");
        (await changes.CountAsync()).Should().Be(5);
        (await page.Locator("[data-test=element-change][data-element=Review]").TextContentAsync()).Should().Contain("name").And.Contain("o2c:candidateRole");
        (await page.Locator("[data-test=element-change][data-element=Note]").GetAttributeAsync("data-change")).Should().Be("Removed");
        (await page.Locator("[data-test=element-change][data-element=Decide]").CountAsync()).Should().Be(0, "its incoming and outgoing references did not change");
        (await page.Locator("[data-test=removed-element]").CountAsync()).Should().Be(0, "the removed note had no shape to draw");
        await page.ScreenshotAsync("designer-compare");

        // An edit makes the comparison stale: its markers go.
        await page.Locator("[data-test=element-change][data-element=Review] button").ClickAsync();
        await page.GetByLabel("Who does it").SelectOptionAsync("CreditManager");
        await page.Locator("[data-test=diff-marker]").First.WaitForAsync(new() { State = WaitForSelectorState.Detached });
        (await page.Locator("[data-test=compare-panel]").IsVisibleAsync()).Should().BeFalse();
        page.ShouldHaveNoScriptErrors();
    }

    [BrowserFact]
    public async Task Version_1_compared_with_the_later_version_2_draws_the_elements_it_lacks_where_version_2_has_them()
    {
        var processId = "CompareAny_" + Guid.NewGuid().ToString("N")[..8];
        var page = await ui.NewPageAsync();
        await page.OpenSignedInAsync("/designer", UiUsers.ProcessOwner);
        await page.Locator("#designer-workspace[aria-busy=false]").WaitForAsync(new() { State = WaitForSelectorState.Attached });
        await PublishAsync(page, processId, Version1(processId));
        await PublishAsync(page, processId, Version2(processId));

        await page.GetByRole(AriaRole.Button, new() { Name = "Open published…" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = $"Open {processId} version 1" }).ClickAsync();
        await page.Locator("#designer-status").Filter(new() { HasText = $"Opened {processId} version 1" }).WaitForAsync();
        (await page.Locator("[data-test=document-name]").TextContentAsync()).Should().Be($"{processId} · version 1 ({processId}.bpmn)");
        var compare = page.GetByRole(AriaRole.Button, new() { Name = "Compare", Exact = true });
        await Assertions.Expect(compare).ToBeEnabledAsync();
        (await page.GetByLabel("Compare with version").InputValueAsync()).Should().Be("2", "version 1 has no previous one: the other version is offered");
        await compare.ClickAsync();

        await page.Locator("#designer-status").Filter(new() { HasText = $"{processId} version 1 against version 2:" }).WaitForAsync();
        (await page.Locator("[data-test=element-change][data-element=Confirm]").GetAttributeAsync("data-change")).Should().Be("Removed");
        var removed = page.Locator("[data-test=removed-element][data-element=Confirm]");
        (await removed.CountAsync()).Should().Be(1, "the task version 1 lacks is drawn from version 2's layout");
        (await removed.Locator("text").TextContentAsync()).Should().Be("− Confirm the order");
        (await page.Locator("[data-test=removed-element][data-element=Flow_Confirmed] polyline").CountAsync()).Should().Be(1);
        var box = (await removed.Locator("rect").BoundingBoxAsync())!;
        var canvas = (await page.Locator("#canvas").BoundingBoxAsync())!;
        box.X.Should().BeGreaterThan(canvas.X, "the removed task is drawn on the visible diagram");
        (box.X + box.Width).Should().BeLessThan(canvas.X + canvas.Width);
        await page.ScreenshotAsync("designer-compare-removed");

        page.ShouldHaveNoScriptErrors();
    }

    private static async Task PublishAsync(IPage page, string processId, string xml)
    {
        var response = await page.APIRequest.PostAsync($"/api/definitions?file={processId}.bpmn", new()
        {
            Headers = new Dictionary<string, string> { ["Content-Type"] = "application/xml" },
            DataString = xml,
        });
        response.Status.Should().Be(201, await response.TextAsync());
    }

    /// <summary>The routing fixture made valid (small orders are the default path), with a text annotation.</summary>
    private static XDocument Valid(string processId)
    {
        var xml = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Fixtures", "routing.bpmn")).Replace("\"Routing\"", $"\"{processId}\"", StringComparison.Ordinal);
        var document = XDocument.Parse(xml);
        document.Descendants(Bpmn + "exclusiveGateway").Single().SetAttributeValue("default", "Small");
        Element(document, "Small").Element(Bpmn + "conditionExpression")!.Remove();
        return document;
    }

    private static string Version1(string processId)
    {
        var document = Valid(processId);
        document.Descendants(Bpmn + "process").Single().Add(new XElement(Bpmn + "textAnnotation", new XAttribute("id", "Note"), new XElement(Bpmn + "text", "Draft")));
        return document.ToString();
    }

    /// <summary>Version 1 without the note, with the review renamed and given to collectors, and a confirmation step on the small path.</summary>
    private static string Version2(string processId)
    {
        var document = Valid(processId);
        var review = Element(document, "Review");
        review.SetAttributeValue("name", "Review the large order");
        review.SetAttributeValue(O2c + "candidateRole", "Collector");
        Element(document, "Small").SetAttributeValue("targetRef", "Confirm");
        var released = Element(document, "Released");
        released.Element(Bpmn + "incoming")!.Value = "Flow_Confirmed";
        released.AddBeforeSelf(
            new XElement(Bpmn + "task", new XAttribute("id", "Confirm"), new XAttribute("name", "Confirm the order"),
                new XElement(Bpmn + "incoming", "Small"), new XElement(Bpmn + "outgoing", "Flow_Confirmed")),
            new XElement(Bpmn + "sequenceFlow", new XAttribute("id", "Flow_Confirmed"), new XAttribute("sourceRef", "Confirm"), new XAttribute("targetRef", "Released")));
        var plane = document.Descendants(Di + "BPMNPlane").Single();
        var releasedShape = plane.Elements(Di + "BPMNShape").Single(s => (string?)s.Attribute("bpmnElement") == "Released");
        releasedShape.Element(Dc + "Bounds")!.SetAttributeValue("x", "642");
        plane.Add(
            new XElement(Di + "BPMNShape", new XAttribute("id", "Confirm_di"), new XAttribute("bpmnElement", "Confirm"),
                new XElement(Dc + "Bounds", new XAttribute("x", "450"), new XAttribute("y", "160"), new XAttribute("width", "100"), new XAttribute("height", "80"))),
            new XElement(Di + "BPMNEdge", new XAttribute("id", "Flow_Confirmed_di"), new XAttribute("bpmnElement", "Flow_Confirmed"),
                new XElement(Waypoints + "waypoint", new XAttribute("x", "550"), new XAttribute("y", "200")),
                new XElement(Waypoints + "waypoint", new XAttribute("x", "642"), new XAttribute("y", "200"))));
        var small = plane.Elements(Di + "BPMNEdge").Single(e => (string?)e.Attribute("bpmnElement") == "Small");
        small.Elements(Waypoints + "waypoint").Last().SetAttributeValue("x", "450");
        return document.ToString();
    }

    private static XElement Element(XDocument document, string id) =>
        document.Descendants().Single(e => e.Name.Namespace == Bpmn && (string?)e.Attribute("id") == id);
}
