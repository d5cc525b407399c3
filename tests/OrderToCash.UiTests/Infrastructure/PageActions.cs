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
        await page.WaitForURLAsync(url => new Uri(url).AbsolutePath == "/login");
        await page.SignInAsync(userName);
        await page.WaitForURLAsync(url => new Uri(url).PathAndQuery == path);
    }

    public static async Task ScreenshotAsync(this IPage page, string name) =>
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(UiFixture.ScreenshotFolder, name + ".png"), FullPage = false });
}
