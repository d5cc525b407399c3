using Microsoft.Playwright;
using OrderToCash.UiTests.Infrastructure;
using OrderToCash.UiTests.Rules;

namespace OrderToCash.UiTests.Operations;

/// <summary>
/// The control tower draws each process with where its instances wait now: a process owner clicks the busy "Delivered"
/// step and goes from the waiting orders to one of them in operations; quality reads the same in English (without the
/// operations link, which is not theirs). Checked with axe.
/// </summary>
[Collection(UiCollection.Name)]
public sealed class ControlTowerPageTests(UiFixture ui)
{
    /// <summary>A demo customer whose small orders pass the credit check.</summary>
    private const string Customer = "C-0002";

    [BrowserFact]
    public async Task A_process_owner_clicks_from_a_busy_step_to_its_orders_in_french()
    {
        var order = await WaitingOrderAsync();
        var page = await ui.NewPageAsync("fr");
        await page.OpenSignedInAsync("/control-tower", UiUsers.ProcessOwner);
        var badge = page.Locator(".heat-badge[data-element=delivered]");
        await badge.WaitForAsync();
        int.Parse(await badge.TextContentAsync() ?? "0", System.Globalization.CultureInfo.InvariantCulture).Should().BeGreaterThan(0);
        (await page.Locator(".djs-element[data-element-id=delivered]").GetAttributeAsync("class")).Should().MatchRegex("heat-(1|2|3|breach)");
        await page.ShouldHaveNoSeriousAxeViolationsAsync();
        await page.ScreenshotAsync("control-tower-fr");

        // A click on the step on the diagram lists the orders waiting there.
        await page.Locator(".djs-element[data-element-id=delivered]").ClickAsync();
        var waiting = page.Locator("[data-test=waiting-instances]");
        await waiting.WaitForAsync();
        (await page.Locator("#tower-waiting h2").TextContentAsync()).Should().StartWith("En attente à « Delivered »");
        await waiting.GetByRole(AriaRole.Link, new() { Name = order }).ClickAsync();
        await page.Locator("[data-test=instance-facts]").WaitForAsync();
        (await page.Locator("#instance-title").TextContentAsync()).Should().Be($"Cycle commande-encaissement · {order}", "a shipped process is named in the page's language");
        (await page.Locator(".djs-element.path-active[data-element-id=delivered]").CountAsync()).Should().Be(1, "the order waits for its delivery");
        await page.ScreenshotAsync("control-tower-to-operations-fr");
        page.ShouldHaveNoScriptErrors();
    }

    [BrowserFact]
    public async Task Quality_reads_the_waiting_lines_and_lists_the_orders_of_a_step_in_english()
    {
        var order = await WaitingOrderAsync();
        var page = await ui.NewPageAsync("en");
        await page.OpenSignedInAsync("/control-tower", UiUsers.Quality);
        var row = page.Locator("[data-test=waiting-lines] tr[data-element=delivered]");
        await row.WaitForAsync();
        await row.GetByRole(AriaRole.Button, new() { Name = "Show the instances waiting at “Delivered”" }).ClickAsync();
        var waiting = page.Locator("[data-test=waiting-instances]");
        await waiting.WaitForAsync();
        (await waiting.TextContentAsync()).Should().Contain(order);
        (await waiting.GetByRole(AriaRole.Link).CountAsync()).Should().Be(0, "operations is not a quality page");
        await page.ShouldHaveNoSeriousAxeViolationsAsync();
        await page.ScreenshotAsync("control-tower-en");
        page.ShouldHaveNoScriptErrors();
    }

    /// <summary>An accepted order, which waits in the cycle at "Delivered" until sales administration records its delivery.</summary>
    private async Task<string> WaitingOrderAsync()
    {
        await UiInvoices.EnsureCycleAsync(ui.Host);
        var order = await RulesApi.PlaceOrderAsync(ui.Host, Customer, 150m);
        order.GetProperty("status").GetString().Should().Be("Accepted", order.ToString());
        return order.GetProperty("number").GetString()!;
    }
}
