using Microsoft.Playwright;
using OrderToCash.UiTests.Infrastructure;

namespace OrderToCash.UiTests.Pages;

[Collection(UiCollection.Name)]
public sealed class SignInTests(UiFixture ui)
{
    [BrowserFact]
    public async Task A_wrong_password_shows_the_inline_error_and_stays_on_the_sign_in_page()
    {
        var page = await ui.NewPageAsync();
        await page.GotoAsync("/login");

        await page.SignInAsync(UiUsers.ProcessOwner, "not-the-password");

        var error = page.Locator("#login-error");
        await error.WaitForAsync();
        (await error.TextContentAsync()).Should().Be("Invalid user name or password.");
        new Uri(page.Url).AbsolutePath.Should().Be("/login");
        (await page.Context.CookiesAsync()).Should().BeEmpty("a failed sign-in must not leave a session");
        await page.ScreenshotAsync("login-error");
    }

    [BrowserFact]
    public async Task Signing_in_from_a_protected_page_comes_back_to_that_page()
    {
        var page = await ui.NewPageAsync();
        await page.GotoAsync("/designer");

        await page.WaitForPathAsync("/login");
        new Uri(page.Url).Query.Should().Be("?returnUrl=%2Fdesigner");
        await page.ScreenshotAsync("login");
        await page.SignInAsync(UiUsers.ProcessOwner);

        await page.WaitForPathAsync("/designer");
        await page.GetByRole(AriaRole.Heading, new() { Name = "Workflow designer" }).WaitForAsync();
    }

    [BrowserFact]
    public async Task A_return_address_on_another_site_is_ignored_after_sign_in()
    {
        var page = await ui.NewPageAsync();
        await page.GotoAsync("/login?returnUrl=%2F%2Fevil.example%2Fsteal");

        await page.SignInAsync(UiUsers.ProcessOwner);

        await page.WaitForPathAsync("/");
        new Uri(page.Url).Host.Should().Be(ui.Host.BaseAddress.Host);
    }

    [BrowserFact]
    public async Task The_home_page_shows_the_user_and_only_the_pages_of_their_roles()
    {
        var page = await ui.NewPageAsync();
        await page.OpenSignedInAsync("/rules", UiUsers.CreditManager);
        await page.GotoAsync("/");

        await page.GetByRole(AriaRole.Heading, new() { Name = "Welcome, Claire Dubois" }).WaitForAsync();
        var nav = page.GetByRole(AriaRole.Navigation, new() { Name = "Main" });
        (await nav.GetByRole(AriaRole.Link).AllTextContentsAsync()).Should().Equal("Receivables", "Customers", "Root causes", "Reasons and departments", "Tasks", "Credit cockpit", "KPIs", "Control tower", "Rules");
        (await page.Locator("[data-test=user-name]").TextContentAsync()).Should().Be("Claire Dubois");
        await page.ScreenshotAsync("home-credit-manager");
    }

    [BrowserFact]
    public async Task A_customer_sees_only_their_account_page_and_none_of_the_back_office_pages()
    {
        var page = await ui.NewPageAsync();
        await page.GotoAsync("/login");
        await page.SignInAsync(UiUsers.Customer);

        await page.GetByRole(AriaRole.Heading, new() { Name = "Welcome, Carl Lefebvre" }).WaitForAsync();
        (await page.GetByRole(AriaRole.Navigation, new() { Name = "Main" }).GetByRole(AriaRole.Link).AllTextContentsAsync()).Should().Equal("Receivables");
    }

    [BrowserFact]
    public async Task Signing_out_returns_to_the_sign_in_page_and_ends_the_session()
    {
        var page = await ui.NewPageAsync();
        await page.GotoAsync("/login");
        await page.SignInAsync(UiUsers.ProcessOwner);
        await page.GetByRole(AriaRole.Heading, new() { Name = "Welcome, Olivia Martin" }).WaitForAsync();

        await page.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync();

        await page.WaitForPathAsync("/login");
        (await page.APIRequest.GetAsync("/api/auth/me")).Status.Should().Be(401);
        await page.GotoAsync("/designer");
        await page.WaitForPathAsync("/login");
    }
}
