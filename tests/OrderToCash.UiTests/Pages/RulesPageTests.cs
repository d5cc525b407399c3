using Microsoft.Playwright;
using OrderToCash.UiTests.Infrastructure;

namespace OrderToCash.UiTests.Pages;

[Collection(UiCollection.Name)]
public sealed class RulesPageTests(UiFixture ui)
{
    [BrowserFact]
    public async Task A_credit_manager_sees_the_published_rule_sets_with_their_versions()
    {
        var page = await ui.NewPageAsync();
        await page.OpenSignedInAsync("/rules", UiUsers.CreditManager);
        await Rules.RulesApi.PublishShippedAsync(page, "escalation");
        await page.ReloadAsync();

        var entry = page.Locator("[data-test=rule-set][data-name=escalation]");
        await entry.WaitForAsync();
        (await entry.TextContentAsync()).Should().MatchRegex(@"escalation\d+ versions? · latest v\d+ by claire");
        (await page.GetByRole(AriaRole.Navigation, new() { Name = "Main" }).GetByRole(AriaRole.Link, new() { Name = "Rules" }).GetAttributeAsync("aria-current"))
            .Should().Be("page");
        (await page.Locator("[data-test=pick-rule-set]").IsVisibleAsync()).Should().BeTrue();
        await page.ScreenshotAsync("rules");
        page.ShouldHaveNoScriptErrors();
    }

    [BrowserFact]
    public async Task A_process_owner_opening_the_rules_page_is_told_it_is_not_allowed()
    {
        var page = await ui.NewPageAsync();
        await page.OpenSignedInAsync("/rules", UiUsers.ProcessOwner);

        var notice = page.Locator("[data-test=not-allowed]");
        await notice.WaitForAsync();
        (await notice.TextContentAsync()).Should().Contain("credit manager role");
        (await page.Locator("[data-test=rule-set]").CountAsync()).Should().Be(0);
    }
}
