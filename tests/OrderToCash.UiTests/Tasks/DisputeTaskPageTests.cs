using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Playwright;
using OrderToCash.UiTests.Infrastructure;
using OrderToCash.UiTests.Rules;

namespace OrderToCash.UiTests.Tasks;

/// <summary>
/// Sales administration resolves a dispute from /tasks in French: the form shows the customer's comment and the
/// invoice's amounts, and offers the outcomes as a choice in words (an answer is needed before sending).
/// </summary>
[Collection(UiCollection.Name)]
public sealed class DisputeTaskPageTests(UiFixture ui)
{
    [BrowserFact]
    public async Task Sales_administration_reads_the_customers_comment_and_chooses_an_outcome_in_french()
    {
        var invoice = await UiInvoices.IssueAsync(ui.Host, "C-0003", 480m);
        using var collector = RulesApi.ClientFor(ui.Host, UiUsers.Collector);
        var raised = await collector.PostAsJsonAsync(new Uri($"/api/invoices/{invoice}/disputes", UriKind.Relative),
            new { amount = 96m, reasonCode = "PRICE_ERROR", comment = "Prix convenu au salon : 400 € HT, pas 480 €." });
        ((int)raised.StatusCode).Should().Be(201, await raised.Content.ReadAsStringAsync());
        var number = JsonDocument.Parse(await raised.Content.ReadAsStringAsync()).RootElement.GetProperty("number").GetString()!;

        var page = await ui.NewPageAsync("fr");
        await page.OpenSignedInAsync("/tasks", UiUsers.SalesAdministration);
        var row = page.Locator("tr[data-task]").Filter(new() { HasText = number });
        await row.GetByRole(AriaRole.Button, new() { Name = "Résoudre le litige (administration des ventes)" }).ClickAsync();
        // The page first shows the first task of the list (maybe another dispute): wait until this one is drawn.
        await page.Locator("[data-test=task-context]").Filter(new() { HasText = number }).WaitForAsync();
        var facts = page.Locator("[data-test=dispute-facts]");
        (await facts.Locator("[data-test=dispute-comment]").TextContentAsync()).Should().Be("Prix convenu au salon : 400 € HT, pas 480 €.");
        (await facts.Locator("[data-test=disputed-amount]").TextContentAsync()).Should().Contain("96,00").And.Contain("€");
        (await facts.TextContentAsync()).Should().Contain("Erreur de prix", "the reason is shown with its label, not its code");
        (await page.Locator("[data-test=task-context]").TextContentAsync()).Should().NotContain("PRICE_ERROR").And.NotContain("DecisionId");

        await page.Locator("[data-test=claim]").ClickAsync();
        await page.Locator("[data-test=task-form]").WaitForAsync();
        var outcome = page.Locator("#field-outcome");
        (await outcome.Locator("option").AllTextContentsAsync()).Should().Equal(
            "— Choisir —", "Fondé : avoir du montant contesté", "Fondé : facture rectificative (avoir et nouvelle facture)", "Facture non reçue : la renvoyer", "Non fondé : le montant reste dû");
        await page.Locator("[data-test=complete]").ClickAsync();
        (await page.Locator("[data-test=task-error]").TextContentAsync()).Should().Be("Choisissez d’abord : Résultat.");

        await outcome.SelectOptionAsync(new SelectOptionValue { Label = "Non fondé : le montant reste dû" });
        await page.Locator("#field-comment").FillAsync("Le tarif du salon ne s’appliquait qu’aux commandes passées sur place.");
        await page.ShouldHaveNoSeriousAxeViolationsAsync();
        await page.ScreenshotAsync("tasks-dispute-fr");
        await page.Locator("[data-test=complete]").ClickAsync();
        await row.WaitForAsync(new() { State = WaitForSelectorState.Detached });

        var dispute = JsonDocument.Parse(await collector.GetStringAsync(new Uri($"/api/disputes/{number}", UriKind.Relative))).RootElement;
        for (var tries = 0; tries < 60 && dispute.GetProperty("outcome").ValueKind == JsonValueKind.Null; tries++)
        {
            // The outcome is applied by the process's next step, which the dispatcher may run a moment later.
            await Task.Delay(500);
            dispute = JsonDocument.Parse(await collector.GetStringAsync(new Uri($"/api/disputes/{number}", UriKind.Relative))).RootElement;
        }

        dispute.GetProperty("outcome").GetString().Should().Be("Rejected");
        dispute.GetProperty("resolvedBy").GetString().Should().Be(UiUsers.SalesAdministration);
        page.ShouldHaveNoScriptErrors();
    }
}
