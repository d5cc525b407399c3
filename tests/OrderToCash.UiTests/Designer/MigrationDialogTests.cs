using System.Text.Json;
using System.Xml.Linq;
using Microsoft.Playwright;
using OrderToCash.UiTests.Infrastructure;

namespace OrderToCash.UiTests.Designer;

/// <summary>"Migrate instances…": a process owner moves the instances waiting in version 1 to version 2, mapping a renamed task.</summary>
[Collection(UiCollection.Name)]
public sealed class MigrationDialogTests(UiFixture ui)
{
    private static readonly XNamespace Bpmn = "http://www.omg.org/spec/BPMN/20100524/MODEL";
    private static readonly XNamespace Di = "http://www.omg.org/spec/BPMN/20100524/DI";

    [BrowserFact]
    public async Task A_renamed_review_is_refused_naming_the_instance_then_mapped_and_both_instances_move_to_version_2()
    {
        var processId = "Migrate_" + Guid.NewGuid().ToString("N")[..8];
        var page = await ui.NewPageAsync();
        await page.OpenSignedInAsync("/designer", UiUsers.ProcessOwner);
        await page.Locator("#designer-workspace[aria-busy=false]").WaitForAsync(new() { State = WaitForSelectorState.Attached });
        await PublishAsync(page, processId, Version1(processId));
        var first = await StartAsync(page, processId, "SO-UI-1");
        var second = await StartAsync(page, processId, "SO-UI-2");
        await PublishAsync(page, processId, Version2(processId));

        await page.GetByRole(AriaRole.Button, new() { Name = "Migrate instances…" }).ClickAsync();
        var dialog = page.Locator("#migrate-dialog");
        await dialog.GetByLabel("Process").SelectOptionAsync(processId);
        await dialog.GetByLabel("From version").SelectOptionAsync("1");
        await dialog.GetByLabel("To version").SelectOptionAsync("2");
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Check" }).ClickAsync();

        var row = dialog.Locator("[data-test=migration-element][data-element=Review]");
        await row.WaitForAsync();
        (await row.Locator("td.number").TextContentAsync()).Should().Be("2");
        var where = dialog.GetByLabel("Where “Review the order” goes");
        (await where.InputValueAsync()).Should().BeEmpty("version 2 has no element 'Review'");
        var outcome = dialog.Locator("[data-test=migration-outcome]");
        (await outcome.TextContentAsync()).Should().Contain("2 instances waiting. 2 cannot move as it stands");

        // Migrating as it stands is refused, naming the instance and the element; nothing moves.
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Migrate" }).ClickAsync();
        await dialog.Locator("[data-test=migration-outcome][data-kind=error]").WaitForAsync();
        (await outcome.TextContentAsync()).Should().StartWith("2 instances cannot move to version 2; no instance was migrated.")
            .And.Contain($"The instance '{first}' (SO-UI-1) waits in userTask 'Review' (Review the order), which version 2 does not have");
        (await VersionOfAsync(page, first)).Should().Be(1);

        await where.SelectOptionAsync("CreditReview");
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Migrate" }).ClickAsync();
        await outcome.Filter(new() { HasText = $"Moved 2 instances of {processId} from version 1 to version 2." }).WaitForAsync();
        await page.ScreenshotAsync("designer-migrate");

        (await VersionOfAsync(page, first)).Should().Be(2);
        (await VersionOfAsync(page, second)).Should().Be(2);
        var instance = JsonDocument.Parse(await (await page.APIRequest.GetAsync($"/api/instances/{second}")).TextAsync()).RootElement;
        instance.GetProperty("waiting")[0].GetProperty("elementId").GetString().Should().Be("CreditReview");
        var migration = instance.GetProperty("migrations")[0];
        (migration.GetProperty("migratedBy").GetString(), migration.GetProperty("elements").GetProperty("Review").GetString()).Should().Be((UiUsers.ProcessOwner, "CreditReview"));
        page.ShouldHaveNoScriptErrors();
    }

    private static async Task<int> VersionOfAsync(IPage page, string instanceId) =>
        JsonDocument.Parse(await (await page.APIRequest.GetAsync($"/api/instances/{instanceId}")).TextAsync()).RootElement.GetProperty("version").GetInt32();

    private static async Task PublishAsync(IPage page, string processId, string xml)
    {
        var response = await page.APIRequest.PostAsync($"/api/definitions?file={processId}.bpmn", new()
        {
            Headers = new Dictionary<string, string> { ["Content-Type"] = "application/xml" },
            DataString = xml,
        });
        response.Status.Should().Be(201, await response.TextAsync());
    }

    private static async Task<string> StartAsync(IPage page, string processId, string businessKey)
    {
        var response = await page.APIRequest.PostAsync("/api/instances", new() { DataObject = new { processId, businessKey, variables = new { amount = 5000 } } });
        response.Status.Should().Be(201, await response.TextAsync());
        return JsonDocument.Parse(await response.TextAsync()).RootElement.GetProperty("id").GetString()!;
    }

    /// <summary>The routing fixture made valid (small orders are the default path): large orders wait in "Review".</summary>
    private static XDocument Valid(string processId)
    {
        var xml = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Fixtures", "routing.bpmn")).Replace("\"Routing\"", $"\"{processId}\"", StringComparison.Ordinal);
        var document = XDocument.Parse(xml);
        document.Descendants(Bpmn + "exclusiveGateway").Single().SetAttributeValue("default", "Small");
        document.Descendants(Bpmn + "sequenceFlow").Single(f => (string?)f.Attribute("id") == "Small").Element(Bpmn + "conditionExpression")!.Remove();
        return document;
    }

    private static string Version1(string processId) => Valid(processId).ToString();

    /// <summary>Version 1 with the review's id changed to "CreditReview": instances waiting in "Review" need a mapping.</summary>
    private static string Version2(string processId)
    {
        var document = Valid(processId);
        foreach (var attribute in document.Descendants().Attributes().Where(a => a.Value == "Review" && a.Name.LocalName is "id" or "sourceRef" or "targetRef" or "bpmnElement"))
        {
            attribute.Value = "CreditReview";
        }

        document.Descendants(Di + "BPMNShape").Single(s => (string?)s.Attribute("bpmnElement") == "CreditReview").SetAttributeValue("id", "CreditReview_di");
        return document.ToString();
    }
}
