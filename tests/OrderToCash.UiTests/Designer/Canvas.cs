using Microsoft.Playwright;

namespace OrderToCash.UiTests.Designer;

/// <summary>
/// What a process owner does with the mouse on the designer's canvas: pick a tool in the palette, use an element's
/// context pad, click a shape or a flow. Positions are read from the SVG the page draws, never from bpmn-js itself.
/// </summary>
internal static class Canvas
{
    /// <summary>The screen point at the middle of a flow's line (half its length), where a click selects it.</summary>
    public static async Task<(float X, float Y)> FlowMiddleAsync(IPage page, string flowId)
    {
        var point = await page.EvalOnSelectorAsync<float[]>(
            $"g.djs-element[data-element-id='{flowId}'] .djs-hit",
            """
            hit => {
              const p = hit.getPointAtLength(hit.getTotalLength() / 2);
              const m = hit.getScreenCTM();
              return [p.x * m.a + p.y * m.c + m.e, p.x * m.b + p.y * m.d + m.f];
            }
            """);
        return (point[0], point[1]);
    }

    /// <summary>The screen box of a shape.</summary>
    public static async Task<LocatorBoundingBoxResult> BoxAsync(IPage page, string elementId) =>
        (await page.Locator($"g.djs-element[data-element-id='{elementId}'] .djs-hit").First.BoundingBoxAsync())!;

    /// <summary>Clicks a shape and waits until the properties panel shows it.</summary>
    public static async Task ClickShapeAsync(IPage page, string elementId)
    {
        var box = await BoxAsync(page, elementId);
        await page.Mouse.ClickAsync(box.X + (box.Width / 2), box.Y + (box.Height / 2));
        await page.Locator("[data-test=element-id]").Filter(new() { HasText = elementId }).WaitForAsync();
    }

    /// <summary>Clicks the middle of a flow's line and waits until the properties panel shows it.</summary>
    public static async Task ClickFlowAsync(IPage page, string flowId)
    {
        var (x, y) = await FlowMiddleAsync(page, flowId);
        await page.Mouse.ClickAsync(x, y);
        await page.Locator("[data-test=element-id]").Filter(new() { HasText = flowId }).WaitForAsync();
    }

    /// <summary>Presses the mouse at one point, moves in small steps to another and releases it there.</summary>
    public static async Task DragAsync(IPage page, (float X, float Y) from, (float X, float Y) to)
    {
        await page.Mouse.MoveAsync(from.X, from.Y);
        await page.Mouse.DownAsync();
        await page.Mouse.MoveAsync(to.X, to.Y, new() { Steps = 12 });
        await page.Mouse.UpAsync();
    }

    /// <summary>The context pad entry of the selected element (e.g. "append.append-task", "replace", "connect").</summary>
    public static ILocator ContextPadEntry(IPage page, string action) => page.Locator($".djs-context-pad.open .entry[data-action='{action}']");

    public static ILocator PaletteEntry(IPage page, string action) => page.Locator($".djs-palette .entry[data-action='{action}']");

    /// <summary>The id the properties panel shows for the selected element.</summary>
    public static async Task<string> SelectedIdAsync(IPage page) => (await page.Locator("[data-test=element-id]").TextContentAsync())!.Trim();

    /// <summary>The ids of the flows drawn on the canvas.</summary>
    public static async Task<HashSet<string>> FlowIdsAsync(IPage page) =>
        [.. (await page.Locator("g.djs-connection[data-element-id]").EvaluateAllAsync<string[]>("gs => gs.map(g => g.dataset.elementId)")).Where(id => !id.EndsWith("_label", StringComparison.Ordinal))];

    /// <summary>Types into a text field of the panel and leaves it, which is when the panel writes the value.</summary>
    public static async Task CommitAsync(ILocator field, string value)
    {
        await field.FillAsync(value);
        await field.PressAsync("Enter");
    }
}
