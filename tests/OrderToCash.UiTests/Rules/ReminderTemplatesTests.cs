using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using OrderToCash.UiTests.Infrastructure;

namespace OrderToCash.UiTests.Rules;

[Collection(UiCollection.Name)]
public sealed partial class ReminderTemplatesTests(UiFixture ui)
{
    [BrowserFact]
    public async Task A_credit_manager_edits_the_formal_reminder_previews_it_on_a_real_invoice_is_refused_an_unknown_variable_and_saves_a_new_version()
    {
        // 1,000.00 + 20 % VAT = 1,200.00 open; 200.00 disputed: 1,000.00 asked.
        var invoice = await UiInvoices.IssueAsync(ui.Host, "C-0004", 1_000.00m);
        using (var collector = RulesApi.ClientFor(ui.Host, UiUsers.Collector))
        {
            var raised = await collector.PostAsJsonAsync(new Uri($"/api/invoices/{invoice}/disputes", UriKind.Relative), new { amount = 200.00m, reasonCode = "PRICE_ERROR" });
            ((int)raised.StatusCode).Should().Be(201, await raised.Content.ReadAsStringAsync());
        }

        var page = await ui.NewPageAsync("fr");
        await page.OpenSignedInAsync("/rules", UiUsers.CreditManager);
        var panel = page.Locator("[data-test=reminder-templates]");
        await panel.GetByRole(AriaRole.Heading, new() { Name = "Modèles de relance (e-mail)" }).WaitForAsync();
        await page.Locator("[data-test=template-step]").SelectOptionAsync("FormalReminder");
        var versionsBefore = await page.Locator("[data-test=template-history] li").CountAsync();

        await page.Locator("[data-test=template-subject]").FillAsync("Relance : {{ total_asked }} à régler");
        await page.Locator("[data-test=template-body]").FillAsync(
            "Madame, Monsieur,\n{% for invoice in invoices %}Facture {{ invoice.number }} : {{ invoice.asked }} à régler\n{% endfor %}Pénalités de retard {{ penalty_terms }}.\n{{ seller.name }}");
        await page.Locator("[data-test=template-invoice]").FillAsync(invoice);
        await page.Locator("[data-test=template-preview-button]").ClickAsync();

        var invoices = Spaces(await page.Locator("[data-test=preview-invoices]").InnerTextAsync());
        invoices.Should().Contain(invoice).And.Contain("Montant réclamé : 1 000,00 €", "1,200.00 open − 200.00 disputed, written the French way");
        var body = Spaces(await page.Locator("[data-test=preview-body]").InnerTextAsync());
        body.Should().Contain($"Facture {invoice} : 1 000,00 € à régler");
        body.Should().Contain("taux de refinancement de la BCE").And.NotContain("12,15", "the rate comes from the ECB table, or the legal formula when it lacks the semester");
        Spaces(await page.Locator("[data-test=preview-subject]").InnerTextAsync()).Should().Be("Relance : 1 000,00 € à régler");

        await page.Locator("[data-test=template-body]").FillAsync("Madame, Monsieur,\nBonjour {{ customer.nme }},\n{{ total_asked }}");
        await page.Locator("[data-test=template-comment]").FillAsync("Essai");
        await page.Locator("[data-test=template-save]").ClickAsync();
        await page.Locator("[data-test=template-status]").Filter(new() { HasText = "rien n’est enregistré" }).WaitForAsync();
        (await page.Locator("[data-test=template-status]").InnerTextAsync()).Should().Contain("line 2").And.Contain("'nme'");
        (await page.Locator("[data-test=template-history] li").CountAsync()).Should().Be(versionsBefore, "a refused template saves nothing");

        await page.Locator("[data-test=template-body]").FillAsync("Madame, Monsieur,\nMerci de régler {{ total_asked }}.\n{% for invoice in invoices %}- {{ invoice.number }} : {{ invoice.asked }}\n{% endfor %}{{ seller.name }}");
        await page.Locator("[data-test=template-comment]").FillAsync("Texte plus direct");
        await page.Locator("[data-test=template-save]").ClickAsync();
        await page.Locator("[data-test=template-status]").Filter(new() { HasTextRegex = VersionSaved() }).WaitForAsync();
        (await page.Locator("[data-test=template-history] li").CountAsync()).Should().Be(versionsBefore + 1);
        var newest = await page.Locator("[data-test=template-history] li").First.InnerTextAsync();
        newest.Should().Contain(UiUsers.CreditManager).And.Contain("Texte plus direct");
        (await page.Locator("[data-test=template-body]").InputValueAsync()).Should().Contain("Merci de régler {{ total_asked }}.");
        await page.ScreenshotAsync("rules-reminder-templates-fr");

        await page.Locator("[data-test=language]").ClickAsync();
        await page.Locator("[data-test=reminder-templates]").GetByRole(AriaRole.Heading, new() { Name = "Reminder templates (e-mail)" }).WaitForAsync();
        page.ShouldHaveNoScriptErrors();
    }

    /// <summary>The text with every kind of space (narrow, no-break) as a plain space.</summary>
    private static string Spaces(string text) => SpaceLike().Replace(text, " ");

    [GeneratedRegex(@"[\u00A0\u202F\u2009]")]
    private static partial Regex SpaceLike();

    [GeneratedRegex(@"Version \d+ enregistrée")]
    private static partial Regex VersionSaved();
}
