using Microsoft.Playwright;
using OrderToCash.UiTests.Infrastructure;

namespace OrderToCash.UiTests.Receivables;

[Collection(UiCollection.Name)]
public sealed class ReceivablesPageTests(UiFixture ui)
{
    [BrowserFact]
    public async Task A_customer_sees_their_account_page_without_the_customer_filter_of_the_back_office()
    {
        var page = await ui.NewPageAsync();
        await page.OpenSignedInAsync("/receivables", UiUsers.Customer);

        await page.GetByRole(AriaRole.Heading, new() { Name = "Your account", Exact = true }).WaitForAsync();
        await page.Locator("#totals").GetByText("Open").First.WaitForAsync();
        (await page.Locator("#customer-filter").IsHiddenAsync()).Should().BeTrue("a customer only ever sees its own company");
        await page.ScreenshotAsync("receivables-customer");
        page.ShouldHaveNoScriptErrors();
    }

    [BrowserFact]
    public async Task A_collector_can_filter_by_customer_and_by_state()
    {
        var page = await ui.NewPageAsync();
        await page.OpenSignedInAsync("/receivables", UiUsers.Collector);

        await page.GetByRole(AriaRole.Heading, new() { Name = "Receivables", Exact = true }).WaitForAsync();
        await page.Locator("#customer-filter option[value='C-0001']").WaitForAsync(new() { State = WaitForSelectorState.Attached });
        await page.Locator("#invoice-filter").SelectOptionAsync("overdue");
        await page.Locator("#invoice-list").Filter(new() { HasText = "invoice" }).WaitForAsync();
        page.ShouldHaveNoScriptErrors();
    }
}
