using Microsoft.Playwright;

namespace OrderToCash.UiTests.Designer;

/// <summary>
/// What a process owner does with the mouse on the designer's canvas: pick a tool in the palette, use an element's
/// context pad, click a shape or a flow. Positions are read from the SVG the page draws, never from bpmn-js itself.
/// </summary>
internal static class Canvas
{
    /// <summary>The screen point at a fraction of a flow's length.</summary>
    public static async Task<(float X, float Y)> FlowPointAsync(IPage page, string flowId, double fraction = 0.5)
    {
        var point = await page.EvalOnSelectorAsync<double[]>(
            $"g.djs-element[data-element-id='{flowId}'] .djs-hit",
            """
            (hit, fraction) => {
              const p = hit.getPointAtLength(hit.getTotalLength() * fraction);
              const m = hit.getScreenCTM();
              return [p.x * m.a + p.y * m.c + m.e, p.x * m.b + p.y * m.d + m.f];
            }
            """,
            fraction);
        return ((float)point[0], (float)point[1]);
    }

    /// <summary>
    /// A point of a flow's line where a click selects it. Hovering a flow shows handles that move a segment or a bend
    /// (a press there drags instead of selecting): the first point along the line whose topmost element is the line.
    /// </summary>
    private static async Task<(float X, float Y)> ClickableFlowPointAsync(IPage page, string flowId)
    {
        foreach (var fraction in new[] { 0.3, 0.2, 0.4, 0.15, 0.6, 0.7, 0.8 })
        {
            var point = await FlowPointAsync(page, flowId, fraction);
            await page.Mouse.MoveAsync(point.X, point.Y);
            var onLine = await page.EvaluateAsync<bool>(
                "({ x, y, id }) => document.elementFromPoint(x, y)?.closest('g.djs-element')?.dataset.elementId === id",
                new { x = (double)point.X, y = (double)point.Y, id = flowId });
            if (onLine)
            {
                return point;
            }
        }

        throw new InvalidOperationException($"No point of flow {flowId} can be clicked: handles or other elements cover it.");
    }

    /// <summary>The screen box of a shape.</summary>
    public static async Task<LocatorBoundingBoxResult> BoxAsync(IPage page, string elementId) =>
        (await page.Locator($"g.djs-element[data-element-id='{elementId}'] .djs-hit").First.BoundingBoxAsync())!;

    /// <summary>Selects a shape with a click and waits until the properties panel shows it.</summary>
    public static async Task ClickShapeAsync(IPage page, string elementId)
    {
        var box = await BoxAsync(page, elementId);
        await ClickAtAsync(page, (box.X + (box.Width / 2), box.Y + (box.Height / 2)), elementId);
    }

    /// <summary>Selects a flow with a click on its line and waits until the properties panel shows it.</summary>
    public static async Task ClickFlowAsync(IPage page, string flowId) => await ClickAtAsync(page, await ClickableFlowPointAsync(page, flowId), flowId);

    /// <summary>A click on the selected element would deselect it (diagram-js toggles): then nothing is clicked.</summary>
    private static async Task ClickAtAsync(IPage page, (float X, float Y) point, string elementId)
    {
        if (await SelectedIdAsync(page) == elementId)
        {
            return;
        }

        await page.Mouse.ClickAsync(point.X, point.Y);
        await page.Locator("[data-test=element-id]").Filter(new() { HasText = elementId }).WaitForAsync();
    }

    /// <summary>
    /// Presses the mouse at one point, moves in small steps to another and releases it there. diagram-js ignores any
    /// element click in the 400 ms after a drop (the ghost click of the drop): a person's next click comes later.
    /// </summary>
    public static async Task DragAsync(IPage page, (float X, float Y) from, (float X, float Y) to)
    {
        await page.Mouse.MoveAsync(from.X, from.Y);
        await page.Mouse.DownAsync();
        await page.Mouse.MoveAsync(to.X, to.Y, new() { Steps = 12 });
        await page.Mouse.UpAsync();
        await Task.Delay(GhostClickTrap);
    }

    private static readonly TimeSpan GhostClickTrap = TimeSpan.FromMilliseconds(500);

    /// <summary>The context pad entry of the selected element (e.g. "append.append-task", "replace", "connect").</summary>
    public static ILocator ContextPadEntry(IPage page, string action) => page.Locator($".djs-context-pad.open .entry[data-action='{action}']");

    public static ILocator PaletteEntry(IPage page, string action) => page.Locator($".djs-palette .entry[data-action='{action}']");

    /// <summary>The id the properties panel shows for the selected element.</summary>
    public static async Task<string> SelectedIdAsync(IPage page) => (await page.Locator("[data-test=element-id]").TextContentAsync())!.Trim();

    /// <summary>The ids of the flows drawn on the canvas.</summary>
    public static async Task<HashSet<string>> FlowIdsAsync(IPage page) =>
        [.. await page.Locator("g.djs-connection[data-element-id]").EvaluateAllAsync<string[]>("gs => gs.map(g => g.dataset.elementId)")];

    /// <summary>Types into a text field of the panel and leaves it, which is when the panel writes the value.</summary>
    public static async Task CommitAsync(ILocator field, string value)
    {
        await field.FillAsync(value);
        await field.PressAsync("Enter");
    }
}
