using Microsoft.Playwright;
using OrderToCash.UiTests.Infrastructure;

namespace OrderToCash.UiTests.Designer;

/// <summary>Opening a diagram: what the import warns about is said in words, and the whole diagram is in view.</summary>
[Collection(UiCollection.Name)]
public sealed class OpeningTests(UiFixture ui)
{
    [BrowserFact]
    public async Task A_file_with_an_unresolved_reference_opens_with_the_warning_in_words()
    {
        var page = await ui.NewPageAsync();
        await OpenDesignerAsync(page);
        var xml = (await File.ReadAllTextAsync(Path.Combine(AppContext.BaseDirectory, "Fixtures", "routing.bpmn")))
            .Replace("<bpmn:exclusiveGateway id=\"Decide\" name=\"Large order?\">", "<bpmn:exclusiveGateway id=\"Decide\" name=\"Large order?\" default=\"Nowhere\">", StringComparison.Ordinal);

        await page.Locator("#open-file").SetInputFilesAsync(new FilePayload { Name = "broken-reference.bpmn", MimeType = "application/xml", Buffer = System.Text.Encoding.UTF8.GetBytes(xml) });

        var status = page.Locator("#designer-status[data-kind=warning]");
        await status.WaitForAsync();
        (await status.TextContentAsync()).Should().StartWith("Opened “broken-reference.bpmn” with 1 warning(s): unresolved reference <Nowhere>")
            .And.NotContain("[object Object]");
        page.ShouldHaveNoScriptErrors();
    }

    [BrowserFact]
    public async Task The_shipped_cycle_fits_the_canvas_when_opened()
    {
        var page = await ui.NewPageAsync();
        await OpenDesignerAsync(page);

        await page.Locator("#open-file").SetInputFilesAsync(Path.Combine(RepositoryPaths.Root, "workflows", "order-to-cash.bpmn"));
        await page.Locator("#designer-status").Filter(new() { HasTextRegex = new System.Text.RegularExpressions.Regex("^Opened “order-to-cash\\.bpmn”") }).WaitForAsync();

        var canvas = (await page.Locator("#canvas").BoundingBoxAsync())!;
        var shapes = page.Locator("g.djs-element.djs-shape:not(.djs-frame) .djs-visual");
        var count = await shapes.CountAsync();
        count.Should().BeGreaterThan(10);
        for (var i = 0; i < count; i++)
        {
            var box = await shapes.Nth(i).BoundingBoxAsync();
            if (box is null || box.Width == 0)
            {
                continue;
            }

            box.X.Should().BeGreaterThanOrEqualTo(canvas.X - 1, $"shape {i} is inside the canvas on the left");
            (box.X + box.Width).Should().BeLessThanOrEqualTo(canvas.X + canvas.Width + 1, $"shape {i} is inside the canvas on the right");
            box.Y.Should().BeGreaterThanOrEqualTo(canvas.Y - 1, $"shape {i} is inside the canvas at the top");
            (box.Y + box.Height).Should().BeLessThanOrEqualTo(canvas.Y + canvas.Height + 1, $"shape {i} is inside the canvas at the bottom");
        }

        page.ShouldHaveNoScriptErrors();
    }

    private static async Task OpenDesignerAsync(IPage page)
    {
        await page.OpenSignedInAsync("/designer", UiUsers.ProcessOwner);
        await page.Locator("#designer-workspace[aria-busy=false]").WaitForAsync(new() { State = WaitForSelectorState.Attached });
    }
}
