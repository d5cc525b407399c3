using System.Text.Json;
using Microsoft.Playwright;
using OrderToCash.UiTests.Infrastructure;

namespace OrderToCash.UiTests.Rules;

/// <summary>A credit manager (the rules page's user) creates a rule set the code does not know from the rules page (in French): name, declared inputs, rule, case.</summary>
[Collection(UiCollection.Name)]
public sealed class NewRuleSetTests(UiFixture ui)
{
    private const string Name = "gros-montant";

    [BrowserFact]
    public async Task A_credit_manager_creates_a_rule_set_with_its_declared_inputs_and_one_case_from_the_editor_and_publishes_it()
    {
        var page = await ui.NewPageAsync("fr");
        await page.OpenSignedInAsync("/rules", UiUsers.CreditManager);
        await page.Locator("#rules-workspace[aria-busy=false]").WaitForAsync(new() { State = WaitForSelectorState.Attached });

        await page.GetByRole(AriaRole.Button, new() { Name = "Nouvel ensemble de règles" }).ClickAsync();
        await page.Locator("[data-test=new-rule-set-name]").FillAsync(Name);
        (await page.Locator("[data-test=inputs] h2").TextContentAsync()).Should().Be("Entrées déclarées");

        // Two declared fields of the input "order": a decimal amount and a currency.
        await page.Locator("[data-test=input-add]").ClickAsync();
        var amount = page.Locator("[data-test=input-row]").Nth(0);
        await amount.Locator("[data-test=input-parameter]").FillAsync("order");
        await amount.Locator("[data-test=input-field]").FillAsync("Amount");
        await amount.Locator("[data-test=input-type]").SelectOptionAsync("decimal");
        await page.Locator("[data-test=input-add]").ClickAsync();
        var currency = page.Locator("[data-test=input-row]").Nth(1);
        await currency.Locator("[data-test=input-field]").FillAsync("Currency");
        await currency.Locator("[data-test=input-type]").SelectOptionAsync("string");

        var rule = page.Locator("[data-test=rule]").First;
        await rule.Locator("[data-test=rule-name]").FillAsync("BigOrder");
        await rule.Locator("[data-test=expression]").FillAsync("order.Amount > 1000 && order.Currency == \"EUR\"");
        await rule.Locator("[data-test=success-event]").FillAsync("review");
        await rule.Locator("[data-test=expression-check]").Filter(new() { HasText = "The expression compiles" }).WaitForAsync();

        // The case form is made from the declaration: a number field for the decimal, a text field for the currency.
        await page.Locator("[data-test=case-add]").ClickAsync();
        var amountField = page.Locator("[data-test=case-input][data-input=order][data-field=Amount]");
        (await amountField.GetAttributeAsync("type")).Should().Be("number");
        (await page.Locator("[data-test=case-input][data-input=order][data-field=Currency]").GetAttributeAsync("type")).Should().Be("text");
        await page.Locator("[data-test=case-name]").FillAsync("Une commande de 1 500 EUR est revue");
        await amountField.FillAsync("1500");
        await page.Locator("[data-test=case-input][data-input=order][data-field=Currency]").FillAsync("EUR");
        await page.Locator("[data-test=case-expect][data-rule=BigOrder]").SelectOptionAsync("true");
        await page.Locator("[data-test=case-save]").ClickAsync();

        await page.Locator("[data-test=what-if-summary]").Filter(new() { HasText = "Le cas de simulation passe" }).WaitForAsync();
        await page.Locator("[data-test=publish-comment]").FillAsync("Les commandes de plus de 1 000 EUR sont revues");
        await page.Locator("[data-test=publish]:not([disabled])").WaitForAsync();
        await page.ScreenshotAsync("rules-new-rule-set");
        await page.Locator("[data-test=publish]").ClickAsync();

        await page.Locator("[data-test=editor-status]").Filter(new() { HasText = $"{Name} version 1 publiée." }).WaitForAsync();
        await page.Locator($"[data-test=rule-set][data-name={Name}]").WaitForAsync();
        var latest = await RulesApi.LatestAsync(page, Name);
        latest.GetProperty("author").GetString().Should().Be(UiUsers.CreditManager);
        latest.GetProperty("content").GetProperty("Inputs").GetRawText().Should().Be("""{"order":{"Amount":"decimal","Currency":"string"}}""");
        var stored = latest.GetProperty("cases").EnumerateArray().Should().ContainSingle().Subject;
        stored.GetProperty("inputs").GetProperty("order").GetProperty("Amount").GetDecimal().Should().Be(1500m);
        stored.GetProperty("expect").GetProperty("BigOrder").GetBoolean().Should().BeTrue();
        page.ShouldHaveNoScriptErrors();
    }
}
