using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace OrderToCash.UiTests.Infrastructure;

/// <summary>axe-core run in the page (Deque's Playwright binding): a page must have no serious or critical violation.</summary>
internal static class Accessibility
{
    private static readonly string[] Blocking = ["serious", "critical"];

    public static async Task ShouldHaveNoSeriousAxeViolationsAsync(this IPage page)
    {
        var result = await page.RunAxe(new AxeRunOptions { ResultTypes = [ResultType.Violations] });
        var serious = result.Violations
            .Where(v => Blocking.Contains(v.Impact))
            .Select(v => $"{v.Id} ({v.Impact}): {v.Help} — {string.Join("; ", v.Nodes.Take(3).Select(n => string.Join(" ", n.Target)))}")
            .ToList();
        serious.Should().BeEmpty($"{new Uri(page.Url).AbsolutePath} must pass axe without serious violations");
    }
}
