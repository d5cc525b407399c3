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
    public async Task A_credit_manager_enters_an_ecb_rate_on_the_rules_page_in_french_and_a_typo_is_refused()
    {
        var page = await ui.NewPageAsync("fr");
        await page.OpenSignedInAsync("/rules", UiUsers.CreditManager);
        var section = page.Locator("[data-test=ecb-rates]");
        await section.Locator("[data-test=ecb-form]").WaitForAsync();

        (await section.Locator("h2").TextContentAsync()).Should().Be("Taux BCE (pénalités de retard)");
        (await section.Locator("[data-test=ecb-rate][data-semester='2026-H1']").TextContentAsync()).Should().Contain("1er semestre 2026").And.Contain("2,15");
        // A far semester: the other browser tests share the database and need no rate of it.
        await section.Locator("[data-test=ecb-semester]").FillAsync("2999-H2");
        await section.Locator("[data-test=ecb-rate-input]").FillAsync("215");
        await section.Locator("[data-test=ecb-save]").ClickAsync();
        await Assertions.Expect(section.Locator("[data-test=ecb-status]")).ToContainTextAsync("not an ECB refinancing rate");
        (await section.Locator("[data-test=ecb-rate][data-semester='2999-H2']").CountAsync()).Should().Be(0, "a refused rate changes nothing");

        await section.Locator("[data-test=ecb-rate-input]").FillAsync("2,00");
        await section.Locator("[data-test=ecb-comment]").FillAsync("Test du navigateur");
        await section.Locator("[data-test=ecb-save]").ClickAsync();

        await Assertions.Expect(section.Locator("[data-test=ecb-status]")).ToContainTextAsync("enregistrée");
        (await section.Locator("[data-test=ecb-rate][data-semester='2999-H2']").TextContentAsync()).Should().Contain("2nd semestre 2999").And.Contain("2,00");
        (await section.Locator("[data-test=ecb-history]").TextContentAsync()).Should().Contain("claire").And.Contain("Test du navigateur");
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
