using Microsoft.Playwright;
using OrderToCash.UiTests.Infrastructure;

namespace OrderToCash.UiTests.RootCauses;

/// <summary>Quality's levers on the reasons page: the reason taxonomy and the department → role map, each change a version.</summary>
[Collection(UiCollection.Name)]
public sealed class ReasonsPageTests(UiFixture ui)
{
    [BrowserFact]
    public async Task Quality_adds_a_reason_gives_logistics_to_the_collectors_in_French_and_sees_both_versions_with_author_and_comment()
    {
        var quality = await ui.NewPageAsync(language: "fr");
        await quality.OpenSignedInAsync("/reasons", UiUsers.Quality);
        await quality.GetByRole(AriaRole.Heading, new() { Name = "Motifs et services", Exact = true }).WaitForAsync();
        await quality.Locator("tr[data-reason='PRICE_ERROR']").Filter(new() { HasText = "Erreur de prix ou de remise" }).WaitForAsync();
        await quality.ShouldHaveNoSeriousAxeViolationsAsync();

        await quality.Locator("[data-test=new-reason]").ClickAsync();
        await quality.GetByLabel("Code", new() { Exact = true }).FillAsync("PACKAGING_ERROR");
        await quality.GetByLabel("Libellé", new() { Exact = true }).FillAsync("Emballage non conforme à la commande");
        await quality.GetByLabel("Service", new() { Exact = true }).FillAsync("Logistics");
        await quality.GetByLabel("Codes de refus e-facture", new() { Exact = true }).FillAsync("PU_ERR");
        await quality.Locator("[data-test=save-reason]").ClickAsync();
        await quality.Locator("#reasons-status").Filter(new() { HasText = "Rien n’a été enregistré" }).Filter(new() { HasText = "'PU_ERR' already maps to PRICE_ERROR" }).WaitForAsync();
        (await quality.Locator("tr[data-reason='PACKAGING_ERROR']").CountAsync()).Should().Be(0, "a refused reason saves nothing");

        await quality.GetByLabel("Codes de refus e-facture", new() { Exact = true }).FillAsync("EMB_ERR");
        await quality.GetByLabel("Commentaire de la modification", new() { Exact = true }).First.FillAsync("Nouveau motif demandé par la logistique");
        await quality.Locator("[data-test=save-reason]").ClickAsync();
        await quality.Locator("#reasons-status").Filter(new() { HasTextRegex = new System.Text.RegularExpressions.Regex("Enregistré : version \\d+") }).WaitForAsync();
        await quality.Locator("tr[data-reason='PACKAGING_ERROR']").Filter(new() { HasText = "Emballage non conforme à la commande" }).WaitForAsync();

        var logistics = quality.Locator("tr[data-department='Logistics']");
        await logistics.GetByRole(AriaRole.Checkbox, new() { Name = "Logistique · Chargé de recouvrement" }).CheckAsync();
        await quality.Locator("#department-comment").FillAsync("Les litiges logistiques passent par le recouvrement");
        await quality.Locator("[data-test=save-department-Logistics]").ClickAsync();
        await quality.Locator("#reasons-status").Filter(new() { HasTextRegex = new System.Text.RegularExpressions.Regex("Enregistré : version \\d+") }).WaitForAsync();

        var versions = quality.Locator("[data-test=taxonomy-versions] > li");
        await versions.First.Filter(new() { HasText = "quentin" }).Filter(new() { HasText = "Les litiges logistiques passent par le recouvrement" })
            .Filter(new() { HasText = "Logistics · rôles : aucun → Chargé de recouvrement" }).WaitForAsync();
        await versions.Nth(1).Filter(new() { HasText = "Nouveau motif demandé par la logistique" }).Filter(new() { HasText = "PACKAGING_ERROR ajouté" }).WaitForAsync();
        await quality.ShouldHaveNoSeriousAxeViolationsAsync();
        await quality.ScreenshotAsync("reasons-fr");
        quality.ShouldHaveNoScriptErrors();

        var owner = await ui.NewPageAsync(language: "en");
        await owner.OpenSignedInAsync("/reasons", UiUsers.ProcessOwner);
        await owner.GetByRole(AriaRole.Heading, new() { Name = "Reasons and departments", Exact = true }).WaitForAsync();
        (await owner.Locator("[data-test=new-reason]").CountAsync()).Should().Be(0, "the process owner reads the reasons; Quality and the credit manager change them");
        (await owner.Locator("tr[data-department='Logistics']").GetByRole(AriaRole.Checkbox, new() { Name = "Logistics · Collector" }).IsCheckedAsync()).Should().BeTrue();
        await owner.Locator("[data-test=save-department-Logistics]").WaitForAsync();
        owner.ShouldHaveNoScriptErrors();
    }
}
