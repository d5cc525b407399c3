using Microsoft.Playwright;
using OrderToCash.UiTests.Infrastructure;

namespace OrderToCash.UiTests.Shell;

/// <summary>The pages speak French first, switch to English on request, and pass axe in both languages.</summary>
[Collection(UiCollection.Name)]
public sealed class FrenchFirstTests(UiFixture ui)
{
    [BrowserFact]
    public async Task The_pages_open_in_French_with_French_numbers_and_switch_to_English_and_back()
    {
        var page = await ui.NewPageAsync(language: "fr");
        await page.GotoAsync("/login");
        await page.GetByRole(AriaRole.Heading, new() { Name = "Connexion" }).WaitForAsync();
        (await page.GetAttributeAsync("html", "lang")).Should().Be("fr");
        await page.ShouldHaveNoSeriousAxeViolationsAsync();
        await page.SignInAsync(UiUsers.Collector);

        await page.GetByRole(AriaRole.Heading, new() { Name = "Bonjour, Cora Petit" }).WaitForAsync();
        await page.ShouldHaveNoSeriousAxeViolationsAsync();
        await page.GotoAsync("/receivables");
        await page.GetByRole(AriaRole.Heading, new() { Name = "Encours clients", Exact = true }).WaitForAsync();
        var total = await page.Locator("[data-test=total-open]").TextContentAsync();
        total.Should().MatchRegex(@"^[\d\u202f\u00a0]+,\d{2}\s€$", "an amount in French is written 1 234,50 €");
        await page.ScreenshotAsync("receivables-fr");

        await page.Locator("[data-test=language]").ClickAsync();
        await page.GetByRole(AriaRole.Heading, new() { Name = "Receivables", Exact = true }).WaitForAsync();
        (await page.Locator("[data-test=total-open]").TextContentAsync()).Should().StartWith("€");
        await page.GotoAsync("/");
        await page.GetByRole(AriaRole.Heading, new() { Name = "Welcome, Cora Petit" }).WaitForAsync();
        await page.Locator("[data-test=language]").ClickAsync();
        await page.GetByRole(AriaRole.Heading, new() { Name = "Bonjour, Cora Petit" }).WaitForAsync();
        page.ShouldHaveNoScriptErrors();
    }

    [BrowserFact]
    public async Task Every_existing_page_passes_axe_in_French_for_the_role_it_serves()
    {
        var page = await ui.NewPageAsync(language: "fr");
        await page.OpenSignedInAsync("/tasks", UiUsers.Quality);
        await page.GetByRole(AriaRole.Heading, new() { Name = "Tâches", Exact = true }).WaitForAsync();
        await page.ShouldHaveNoSeriousAxeViolationsAsync();
        await page.GotoAsync("/root-causes");
        await page.GetByRole(AriaRole.Heading, new() { Name = "Causes racines", Exact = true }).WaitForAsync();
        await page.Locator("#kpis").GetByText("DSO par épuisement").WaitForAsync();
        await page.ShouldHaveNoSeriousAxeViolationsAsync();
        await page.ScreenshotAsync("root-causes-fr");
        await page.GotoAsync("/receivables");
        await page.GetByRole(AriaRole.Heading, new() { Name = "Encours clients", Exact = true }).WaitForAsync();
        await page.ShouldHaveNoSeriousAxeViolationsAsync();

        var customer = await ui.NewPageAsync(language: "fr");
        await customer.OpenSignedInAsync("/receivables", UiUsers.Customer);
        await customer.GetByRole(AriaRole.Heading, new() { Name = "Votre compte", Exact = true }).WaitForAsync();
        await customer.ShouldHaveNoSeriousAxeViolationsAsync();
        page.ShouldHaveNoScriptErrors();
        customer.ShouldHaveNoScriptErrors();
    }
}
