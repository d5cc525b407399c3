using Microsoft.Playwright;

namespace OrderToCash.UiTests.Infrastructure;

/// <summary>What a person does on the pages, in one place so the tests read as steps.</summary>
internal static class PageActions
{
    public static async Task SignInAsync(this IPage page, string userName, string? password = null)
    {
        await page.GetByLabel("User name").FillAsync(userName);
        await page.GetByLabel("Password").FillAsync(password ?? UiUsers.Password(userName));
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
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
    /// Waits until the browser is on that path (and query, when given). The page's own content is awaited by the
    /// caller's next locator, so this does not wait for every asset to load.
    /// </summary>
    public static Task WaitForPathAsync(this IPage page, string pathAndQuery) =>
        page.WaitForURLAsync(
            url => pathAndQuery.Contains('?', StringComparison.Ordinal) ? new Uri(url).PathAndQuery == pathAndQuery : new Uri(url).AbsolutePath == pathAndQuery,
            new() { WaitUntil = WaitUntilState.Commit });

    public static async Task ScreenshotAsync(this IPage page, string name) =>
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(UiFixture.ScreenshotFolder, name + ".png"), FullPage = false });
}
