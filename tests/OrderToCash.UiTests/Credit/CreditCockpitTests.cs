using System.Net.Http.Json;
using Microsoft.Playwright;
using OrderToCash.UiTests.Infrastructure;
using OrderToCash.UiTests.Rules;

namespace OrderToCash.UiTests.Credit;

/// <summary>
/// The credit manager's cockpit: a new customer's order over its limit is listed with the rules it failed and the
/// exposure by component, and released in place; the salesperson's request for a higher limit is granted from the same
/// page. In French and in English, checked with axe.
/// </summary>
[Collection(UiCollection.Name)]
public sealed class CreditCockpitTests(UiFixture ui)
{
    [BrowserFact]
    public Task A_credit_manager_releases_a_blocked_order_and_grants_a_limit_in_french() =>
        ReleaseAndGrantAsync("fr", "C-0410", "512345679", "FR75512345679", decide: "Décider de la commande", rule: "Nouveau client plafonné à 5 000 €",
            release: "Libérer la commande", grant: "Accorder la limite de Fromagerie Neuve SAS", sent: "Décision envoyée pour la commande");

    [BrowserFact]
    public Task A_credit_manager_releases_a_blocked_order_and_grants_a_limit_in_english() =>
        ReleaseAndGrantAsync("en", "C-0411", "512345687", "FR02512345687", decide: "Decide on order", rule: "New customer capped at €5,000",
            release: "Release the order", grant: "Grant the limit of Fromagerie Neuve SAS", sent: "Decision sent for order");

    private async Task ReleaseAndGrantAsync(string language, string customer, string siren, string vat, string decide, string rule, string release, string grant, string sent)
    {
        await UiInvoices.EnsureCycleAsync(ui.Host);
        await RulesApi.CreateNewCustomerAsync(ui.Host, customer, creditLimit: 5_000m, siren, vat);
        var order = await RulesApi.PlaceOrderAsync(ui.Host, customer, 5_500m);
        order.GetProperty("status").GetString().Should().Be("CreditBlocked", "6,600 EUR is over the 5,000 EUR limit of a new customer");
        var number = order.GetProperty("number").GetString()!;
        using (var sales = RulesApi.ClientFor(ui.Host, UiUsers.Salesperson))
        {
            var asked = await sales.PostAsJsonAsync(new Uri($"/api/customers/{customer}/credit-limit-requests", UriKind.Relative), new { requestedLimit = 12_000m, reason = "Commandes de saison" });
            ((int)asked.StatusCode).Should().Be(201, await asked.Content.ReadAsStringAsync());
        }

        var page = await ui.NewPageAsync(language);
        await page.OpenSignedInAsync("/credit", UiUsers.CreditManager);
        var row = page.Locator($"[data-test=blocked-orders] tr[data-order='{number}']");
        await row.GetByRole(AriaRole.Button, new() { Name = $"{decide} {number}" }).ClickAsync();
        var panel = page.Locator("[data-test=decision-panel]");
        await panel.WaitForAsync();
        (await panel.Locator("[data-test=failed-rules] li").AllTextContentsAsync()).Should().Contain(rule);
        (await panel.Locator("[data-test=headroom]").TextContentAsync()).Should().Contain("€");
        await page.ShouldHaveNoSeriousAxeViolationsAsync();
        await page.ScreenshotAsync($"credit-cockpit-{language}");

        await panel.GetByRole(AriaRole.Combobox).SelectOptionAsync(new SelectOptionValue { Label = release });
        await panel.GetByRole(AriaRole.Textbox).FillAsync("Client connu du commercial, premier semestre garanti.");
        await panel.Locator("button[type=submit]").ClickAsync();
        await page.Locator("#credit-status").Filter(new() { HasText = $"{sent} {number}" }).WaitForAsync();
        await row.WaitForAsync(new() { State = WaitForSelectorState.Detached });
        (await RulesApi.OrderAsync(ui.Host, number)).GetProperty("status").GetString().Should().Be("Accepted");

        var request = page.Locator("[data-test=limit-requests] tr").Filter(new() { HasText = customer });
        await request.GetByRole(AriaRole.Button, new() { Name = grant }).ClickAsync();
        await request.WaitForAsync(new() { State = WaitForSelectorState.Detached });
        using var credit = RulesApi.ClientFor(ui.Host, UiUsers.CreditManager);
        using var after = System.Text.Json.JsonDocument.Parse(await credit.GetStringAsync(new Uri($"/api/customers/{customer}", UriKind.Relative)));
        after.RootElement.GetProperty("creditLimit").GetDecimal().Should().Be(12_000m);
        page.ShouldHaveNoScriptErrors();
    }
}
