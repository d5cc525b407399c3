using Microsoft.Playwright;
using OrderToCash.UiTests.Infrastructure;
using OrderToCash.UiTests.Rules;

namespace OrderToCash.UiTests.Tasks;

/// <summary>
/// Credit managers release a blocked order from /tasks, in French: the release tasks belong to credit-release (called by
/// the order's cycle), their form shows the failed rules and the headroom, and above the four-eyes threshold a second
/// credit manager gives the second approval.
/// </summary>
[Collection(UiCollection.Name)]
public sealed class CreditReleaseTasksTests(UiFixture ui)
{
    /// <summary>A demo customer no other browser test orders for: its limit is 100,000 EUR (60,000 internal + 40,000 insurer).</summary>
    private const string Customer = "C-0007";

    [BrowserFact]
    public async Task Two_credit_managers_release_an_order_over_the_limit_from_their_tasks_in_french()
    {
        await UiInvoices.EnsureCycleAsync(ui.Host);
        var order = await RulesApi.PlaceOrderAsync(ui.Host, Customer, 90_000m);
        var number = order.GetProperty("number").GetString()!;
        order.GetProperty("status").GetString().Should().Be("CreditBlocked", "108,000 EUR is over the 100,000 EUR limit");

        // The first credit manager sees the release task in French, with what the credit check found.
        var first = await ui.NewPageAsync("fr");
        await first.OpenSignedInAsync("/tasks", UiUsers.CreditManager);
        var row = first.Locator("tr[data-task]").Filter(new() { HasText = number });
        await row.GetByRole(AriaRole.Button, new() { Name = "Libérer ou refuser la commande bloquée" }).ClickAsync();
        var check = first.Locator("[data-test=credit-check]");
        await check.WaitForAsync();
        (await check.Locator("[data-test=failed-rules] li").CountAsync()).Should().BeGreaterThan(0, "the order failed the credit limit rule");
        (await check.Locator("[data-test=headroom]").TextContentAsync()).Should().Contain("€");
        (await check.Locator("[data-test=four-eyes]").TextContentAsync()).Should().Contain("deux responsables crédit");
        (await first.Locator("[data-test=task-context]").TextContentAsync()).Should().Contain("Commande").And.Contain(number);
        await first.Locator("[data-test=claim]").ClickAsync();
        await first.Locator("[data-test=task-form]").WaitForAsync();
        (await first.Locator("label[for=field-decision]").TextContentAsync()).Should().Be("Décision");
        await first.Locator("#field-decision").SelectOptionAsync(new SelectOptionValue { Label = "Libérer la commande" });
        await first.Locator("#field-comment").FillAsync("Assureur joint par téléphone : couverture complémentaire accordée.");
        await first.ScreenshotAsync("tasks-credit-release-first");
        await first.Locator("[data-test=complete]").ClickAsync();
        await first.Locator("#task-status").Filter(new() { HasText = "Réponse envoyée à « Libérer ou refuser la commande bloquée »." }).WaitForAsync();
        (await RulesApi.OrderAsync(ui.Host, number)).GetProperty("status").GetString().Should().Be("CreditBlocked", "one approval is not enough above the threshold");

        // The second credit manager gives the second approval.
        var second = await ui.NewPageAsync("fr");
        await second.OpenSignedInAsync("/tasks", UiUsers.SecondCreditManager);
        var secondRow = second.Locator("tr[data-task]").Filter(new() { HasText = number });
        await secondRow.GetByRole(AriaRole.Button, new() { Name = "Seconde approbation de la libération (un autre responsable crédit)" }).ClickAsync();
        (await second.Locator("[data-test=first-approval]").TextContentAsync()).Should().Contain(UiUsers.CreditManager).And.Contain("Assureur joint par téléphone");
        await second.Locator("[data-test=claim]").ClickAsync();
        await second.Locator("[data-test=task-form]").WaitForAsync();
        await second.Locator("#field-decision").SelectOptionAsync("release");
        await second.Locator("#field-comment").FillAsync("Vu, d’accord.");
        await second.Locator("[data-test=complete]").ClickAsync();
        await second.Locator("#task-status").Filter(new() { HasText = "Réponse envoyée à « Seconde approbation" }).WaitForAsync();
        await secondRow.WaitForAsync(new() { State = WaitForSelectorState.Detached });

        var released = await RulesApi.OrderAsync(ui.Host, number);
        released.GetProperty("status").GetString().Should().Be("Accepted");
        (released.GetProperty("firstApprover").GetString(), released.GetProperty("decidedBy").GetString()).Should().Be((UiUsers.CreditManager, UiUsers.SecondCreditManager));
        first.ShouldHaveNoScriptErrors();
        second.ShouldHaveNoScriptErrors();
    }
}
