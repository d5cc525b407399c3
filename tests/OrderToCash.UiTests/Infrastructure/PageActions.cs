using System.Diagnostics;
using Microsoft.Playwright;

namespace OrderToCash.UiTests.Infrastructure;

/// <summary>What a person does on the pages, in one place so the tests read as steps.</summary>
internal static class PageActions
{
    public static async Task SignInAsync(this IPage page, string userName, string? password = null)
    {
        // By id, so the same steps sign in on the French and the English page.
        await page.Locator("#userName").FillAsync(userName);
        await page.Locator("#password").FillAsync(password ?? UiUsers.Password(userName));
        await page.Locator("#login-submit").ClickAsync();
    }

    /// <summary>Opens a page as a signed-out visitor, signs in on the sign-in page it is sent to, and waits to be back.</summary>
    public static async Task OpenSignedInAsync(this IPage page, string path, string userName)
    {
        await page.GotoAsync(path);
        await page.WaitForPathAsync("/login");
        await page.SignInAsync(userName);
        await page.WaitForPathAsync(path);
    }

    /// <summary>
    /// Waits until the browser is on that path (and query, when given). It polls the page's address instead of
    /// waiting for a navigation event, which a redirect made by the page's script can fire before the wait begins.
    /// The page's content is awaited by the caller's next locator.
    /// </summary>
    public static async Task WaitForPathAsync(this IPage page, string pathAndQuery)
    {
        bool Arrived() => pathAndQuery.Contains('?', StringComparison.Ordinal)
            ? new Uri(page.Url).PathAndQuery == pathAndQuery
            : new Uri(page.Url).AbsolutePath == pathAndQuery;

        var deadline = Stopwatch.StartNew();
        while (!Arrived())
        {
            if (deadline.Elapsed > NavigationTimeout)
            {
                throw new TimeoutException($"Still on {page.Url} after {NavigationTimeout.TotalSeconds:0} s instead of {pathAndQuery}; the page shows: {await BodyTextAsync(page)}");
            }

            await Task.Delay(50);
        }
    }

    private static readonly TimeSpan NavigationTimeout = TimeSpan.FromSeconds(30);

    private static async Task<string> BodyTextAsync(IPage page)
    {
        try
        {
            return await page.InnerTextAsync("body", new() { Timeout = 2_000 });
        }
        catch (PlaywrightException e)
        {
            return $"(unreadable: {e.Message})";
        }
    }

    /// <summary>
    /// Saves a screenshot for a person to look at. Best effort: the screenshots are not what a test asserts, and a
    /// loaded CI machine sometimes cannot capture one.
    /// </summary>
    public static async Task ScreenshotAsync(this IPage page, string name)
    {
        try
        {
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(UiFixture.ScreenshotFolder, name + ".png"), FullPage = false });
        }
        catch (PlaywrightException)
        {
            // Nothing asserted depends on the picture.
        }
    }
}
