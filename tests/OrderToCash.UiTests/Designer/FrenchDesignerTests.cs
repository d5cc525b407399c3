using System.Xml.Linq;
using Microsoft.Playwright;
using OrderToCash.UiTests.Infrastructure;

namespace OrderToCash.UiTests.Designer;

/// <summary>The designer in French, the pages' default: its toolbar, panel, bpmn-js's palette and menus, and the migration dialog.</summary>
[Collection(UiCollection.Name)]
public sealed class FrenchDesignerTests(UiFixture ui)
{
    private static readonly XNamespace Bpmn = "http://www.omg.org/spec/BPMN/20100524/MODEL";

    [BrowserFact]
    public async Task A_process_owner_draws_and_migrates_in_French_and_the_page_passes_axe()
    {
        var processId = "Francais_" + Guid.NewGuid().ToString("N")[..8];
        var page = await ui.NewPageAsync("fr");
        await page.OpenSignedInAsync("/designer", UiUsers.ProcessOwner);
        await page.Locator("#designer-workspace[aria-busy=false]").WaitForAsync(new() { State = WaitForSelectorState.Attached });

        (await page.GetAttributeAsync("html", "lang")).Should().Be("fr");
        await page.GetByRole(AriaRole.Heading, new() { Name = "Modeleur de processus", Exact = true }).WaitForAsync();
        var toolbar = page.GetByRole(AriaRole.Toolbar, new() { Name = "Fichier du diagramme" });
        foreach (var button in new[] { "Nouveau", "Ouvrir…", "Télécharger le BPMN", "Ouvrir une version publiée…", "Migrer les instances…", "Vérifier", "Publier" })
        {
            (await toolbar.GetByRole(AriaRole.Button, new() { Name = button, Exact = true }).CountAsync()).Should().Be(1, $"the toolbar has “{button}”");
        }

        (await toolbar.GetByRole(AriaRole.Button, new() { Name = "Annuler", Exact = true }).GetAttributeAsync("title")).Should().Be("Annuler (Ctrl+Z)");
        (await page.GetByRole(AriaRole.Heading, new() { Name = "Problèmes", Exact = true }).CountAsync()).Should().Be(1);
        (await page.Locator("[data-test=problems-summary]").TextContentAsync()).Should().Be("Pas encore vérifié.");
        (await page.Locator("[data-test=document-name]").TextContentAsync()).Should().Be("Nouveau diagramme");
        (await page.Locator("#designer-status").TextContentAsync()).Should().StartWith("Un nouveau diagramme : faites glisser");
        (await page.Locator("[data-test=panel-type]").TextContentAsync()).Should().Be("Processus");

        // bpmn-js's own texts, through its translate service (the palette names its entries with aria-label).
        (await Canvas.PaletteEntry(page, "create.task").GetAttributeAsync("aria-label")).Should().Be("Créer une tâche");
        (await Canvas.PaletteEntry(page, "create.exclusive-gateway").GetAttributeAsync("aria-label")).Should().Be("Créer une passerelle");
        await page.Locator("g.djs-element[data-element-id='StartEvent_1']").ClickAsync();
        await page.Locator("[data-test=panel-type]").Filter(new() { HasText = "Événement de début" }).WaitForAsync();
        (await Canvas.ContextPadEntry(page, "append.append-task").GetAttributeAsync("title")).Should().Be("Ajouter une tâche à la suite");
        (await Canvas.ContextPadEntry(page, "delete").GetAttributeAsync("title")).Should().Be("Supprimer");
        await Canvas.ContextPadEntry(page, "replace").ClickAsync();
        (await page.Locator(".djs-popup [data-id='replace-with-none-end']").TextContentAsync()).Should().Contain("Événement de fin");
        (await page.Locator(".djs-popup [data-id='replace-with-message-start']").TextContentAsync()).Should().Contain("Événement de début de message");
        await page.Keyboard.PressAsync("Escape");
        await page.ShouldHaveNoSeriousAxeViolationsAsync();
        await page.ScreenshotAsync("designer-fr");

        // The migration dialog, on a process published through the API.
        var published = await page.APIRequest.PostAsync($"/api/definitions?file={processId}.bpmn", new()
        {
            Headers = new Dictionary<string, string> { ["Content-Type"] = "application/xml" },
            DataString = RoutingXml(processId),
        });
        published.Status.Should().Be(201, await published.TextAsync());
        await toolbar.GetByRole(AriaRole.Button, new() { Name = "Migrer les instances…" }).ClickAsync();
        var dialog = page.Locator("#migrate-dialog");
        await dialog.GetByRole(AriaRole.Heading, new() { Name = "Migrer les instances en attente" }).WaitForAsync();
        await dialog.GetByLabel("Processus", new() { Exact = true }).SelectOptionAsync(processId);
        (await dialog.GetByLabel("De la version").Locator("option").AllTextContentsAsync()).Should().Equal("version 1 — 0 en attente");
        (await dialog.GetByLabel("Vers la version").InputValueAsync()).Should().Be("1");
        (await dialog.GetByRole(AriaRole.Button, new() { Name = "Fermer" }).CountAsync()).Should().Be(1);
        (await dialog.GetByRole(AriaRole.Button, new() { Name = "Migrer", Exact = true }).IsDisabledAsync()).Should().BeTrue("nothing was checked yet");
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Vérifier", Exact = true }).ClickAsync();
        await dialog.Locator("[data-test=migration-outcome]").Filter(new() { HasText = "Choisissez deux versions différentes (les deux sont la version 1)." }).WaitForAsync();
        await page.ShouldHaveNoSeriousAxeViolationsAsync();
        await page.ScreenshotAsync("designer-migrate-fr");
        page.ShouldHaveNoScriptErrors();
    }

    /// <summary>The routing fixture made valid (small orders are the default path), under its own process id.</summary>
    private static string RoutingXml(string processId)
    {
        var xml = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Fixtures", "routing.bpmn")).Replace("\"Routing\"", $"\"{processId}\"", StringComparison.Ordinal);
        var document = XDocument.Parse(xml);
        document.Descendants(Bpmn + "exclusiveGateway").Single().SetAttributeValue("default", "Small");
        document.Descendants(Bpmn + "sequenceFlow").Single(f => (string?)f.Attribute("id") == "Small").Element(Bpmn + "conditionExpression")!.Remove();
        return document.ToString();
    }
}
