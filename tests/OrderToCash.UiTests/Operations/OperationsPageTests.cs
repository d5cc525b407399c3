using Microsoft.Playwright;
using OrderToCash.UiTests.Infrastructure;

namespace OrderToCash.UiTests.Operations;

/// <summary>
/// Operations: a process owner finds the instance in incident (the incidents list, or its business key), sees where it
/// failed on the diagram and why, and retries it once the failing system is back; only an administrator reads the
/// failure's technical detail. In French and in English, checked with axe.
/// </summary>
[Collection(UiCollection.Name)]
public sealed class OperationsPageTests(UiFixture ui)
{
    [BrowserFact]
    public Task A_process_owner_finds_an_incident_and_retries_it_in_french() =>
        FindAndRetryAsync("fr", "SUP-FR-1", retry: "Relancer l’étape", completed: "Terminée", incidentAt: "Incident à « Envoyer la commande au fournisseur »");

    [BrowserFact]
    public Task A_process_owner_finds_an_incident_and_retries_it_in_english() =>
        FindAndRetryAsync("en", "SUP-EN-1", retry: "Retry the step", completed: "Completed", incidentAt: "Incident at “Envoyer la commande au fournisseur”");

    private async Task FindAndRetryAsync(string language, string key, string retry, string completed, string incidentAt)
    {
        await using var supplier = await SupplierCall.StartAsync();
        var id = await supplier.StartInstanceAsync(key);

        // An administrator reaches it by its key and reads the technical detail of the failure.
        var admin = await ui.NewPageAsync(language, supplier.Host);
        await admin.OpenSignedInAsync($"/operations?key={key}", UiUsers.Administrator);
        await admin.Locator("[data-test=incident]").WaitForAsync();
        (await admin.Locator("[data-test=incident-detail]").TextContentAsync()).Should().Contain("InvalidOperationException").And.Contain("503");

        // The process owner lands on the incidents, opens this one and sees where and why it stopped.
        var owner = await ui.NewPageAsync(language, supplier.Host);
        await owner.OpenSignedInAsync("/operations", UiUsers.ProcessOwner);
        var row = owner.Locator($"tr[data-instance='{id}']");
        await row.GetByRole(AriaRole.Button).ClickAsync();
        var incident = owner.Locator("[data-test=incident]");
        await incident.WaitForAsync();
        (await incident.Locator("h3").TextContentAsync()).Should().Be(incidentAt);
        (await incident.TextContentAsync()).Should().Contain("503");
        (await owner.Locator("[data-test=incident-detail]").CountAsync()).Should().Be(0, "the stack is for administrators");
        (await owner.Locator(".djs-element.path-incident[data-element-id=send]").CountAsync()).Should().Be(1, "the failing step is marked on the diagram");
        (await owner.Locator(".djs-element.path-done[data-element-id=start]").CountAsync()).Should().Be(1);
        (await owner.Locator("[data-test=history] tbody tr").CountAsync()).Should().BeGreaterThanOrEqualTo(2);
        await owner.ShouldHaveNoSeriousAxeViolationsAsync();
        await owner.ScreenshotAsync($"operations-incident-{language}");

        // The supplier's system is back: the retry completes the instance.
        supplier.System.Status = 200;
        await owner.GetByRole(AriaRole.Button, new() { Name = retry }).ClickAsync();
        await owner.Locator("[data-test=instance-status]").Filter(new() { HasText = completed }).WaitForAsync();
        (await owner.Locator("[data-test=incident]").CountAsync()).Should().Be(0);
        (await owner.Locator(".djs-element.path-active").CountAsync()).Should().Be(0, "a completed instance waits nowhere");
        (await owner.Locator("[data-test=history] tbody tr").CountAsync()).Should().Be(3, "one passage per element: the retry goes on with the passage the incident stopped");
        supplier.System.Received.Should().HaveCount(2, "the first call failed and the retry called again");
        await owner.ScreenshotAsync($"operations-retried-{language}");
        owner.ShouldHaveNoScriptErrors();
        admin.ShouldHaveNoScriptErrors();
    }
}
