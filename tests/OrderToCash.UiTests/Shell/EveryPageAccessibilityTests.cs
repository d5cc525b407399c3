using OrderToCash.UiTests.Infrastructure;

namespace OrderToCash.UiTests.Shell;

/// <summary>
/// Every page of the shell, opened by a user of a role it serves, in French and in English, once its content is drawn:
/// axe finds no serious or critical violation (issue 13).
/// </summary>
[Collection(UiCollection.Name)]
public sealed class EveryPageAccessibilityTests(UiFixture ui)
{
    /// <summary>Each page with a role that opens it, and what shows its content is drawn.</summary>
    private static readonly (string Path, string User, string Ready)[] Pages =
    [
        ("/", UiUsers.CreditManager, "main h1"),
        ("/receivables", UiUsers.Collector, "main h1"),
        ("/customers", UiUsers.SalesAdministration, "main h1"),
        ("/collections", UiUsers.Collector, "main h1"),
        ("/sales", UiUsers.Salesperson, "main h1"),
        ("/root-causes", UiUsers.Quality, "main h1"),
        ("/reasons", UiUsers.Quality, "main h1"),
        ("/tasks", UiUsers.CreditManager, "main h1"),
        ("/credit", UiUsers.CreditManager, "#credit-blocked h2"),
        ("/kpis", UiUsers.CreditManager, "[data-test=dso-trend] h2"),
        ("/control-tower", UiUsers.ProcessOwner, "[data-test=waiting-lines], #tower-lines"),
        ("/operations", UiUsers.Administrator, "#instances h2"),
        ("/designer", UiUsers.ProcessOwner, ".djs-container"),
        ("/rules", UiUsers.CreditManager, "main h1"),
    ];

    [BrowserFact]
    public Task Every_page_passes_axe_in_french() => EveryPageAsync("fr");

    [BrowserFact]
    public Task Every_page_passes_axe_in_english() => EveryPageAsync("en");

    private async Task EveryPageAsync(string language)
    {
        await UiInvoices.EnsureCycleAsync(ui.Host);
        var failures = new List<string>();
        foreach (var user in Pages.Select(p => p.User).Distinct())
        {
            var page = await ui.NewPageAsync(language);
            var first = true;
            foreach (var (path, _, ready) in Pages.Where(p => p.User == user))
            {
                if (first)
                {
                    await page.OpenSignedInAsync(path, user);
                    first = false;
                }
                else
                {
                    await page.GotoAsync(path);
                }

                await page.Locator(ready).First.WaitForAsync();
                await page.WaitForFunctionAsync("() => !document.body.classList.contains('is-loading')");
                try
                {
                    await page.ShouldHaveNoSeriousAxeViolationsAsync();
                }
                catch (Exception e) when (e is Xunit.Sdk.XunitException)
                {
                    failures.Add(e.Message);
                }
            }

            page.ShouldHaveNoScriptErrors();
        }

        failures.Should().BeEmpty();
    }
}
