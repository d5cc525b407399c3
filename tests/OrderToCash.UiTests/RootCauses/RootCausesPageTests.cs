using Microsoft.Playwright;
using OrderToCash.UiTests.Infrastructure;
using OrderToCash.UiTests.Rules;

namespace OrderToCash.UiTests.RootCauses;

[Collection(UiCollection.Name)]
public sealed class RootCausesPageTests(UiFixture ui)
{
    [BrowserFact]
    public async Task A_credit_manager_runs_the_analysis_from_the_page_and_sees_its_outcome_and_the_kpis()
    {
        var page = await ui.NewPageAsync();
        await page.OpenSignedInAsync("/root-causes", UiUsers.CreditManager);
        await RulesApi.PublishShippedAsync(page, "root-cause");
        await page.GetByRole(AriaRole.Heading, new() { Name = "Root causes", Exact = true }).WaitForAsync();
        await page.Locator("#kpis").GetByText("Count-back DSO").WaitForAsync();

        await page.Locator("[data-test=analyze]").ClickAsync();

        var status = page.Locator("#rc-status");
        await status.Filter(new() { HasTextRegex = new System.Text.RegularExpressions.Regex("Analysis done: \\d+ task\\(s\\) created") }).WaitForAsync();
        await page.ScreenshotAsync("root-causes");
        page.ShouldHaveNoScriptErrors();
    }

    [BrowserFact]
    public async Task The_quality_team_has_the_root_causes_page_in_its_navigation()
    {
        var page = await ui.NewPageAsync();
        await page.OpenSignedInAsync("/root-causes", UiUsers.Quality);

        (await page.GetByRole(AriaRole.Navigation, new() { Name = "Main" }).GetByRole(AriaRole.Link, new() { Name = "Root causes" }).GetAttributeAsync("aria-current"))
            .Should().Be("page");
        await page.Locator("#tasks").GetByRole(AriaRole.Heading, new() { Name = "Improvement tasks" }).WaitForAsync();
        page.ShouldHaveNoScriptErrors();
    }
}
