using Microsoft.Playwright;
using OrderToCash.UiTests.Infrastructure;
using OrderToCash.UiTests.Rules;

namespace OrderToCash.UiTests.Tasks;

/// <summary>
/// Credit managers release a blocked order from /tasks, in French and in English: the release tasks belong to credit-release (called by
/// the order's cycle), their form shows the failed rules and the headroom, and above the four-eyes threshold a second
/// credit manager gives the second approval.
/// </summary>
[Collection(UiCollection.Name)]
public sealed class CreditReleaseTasksTests(UiFixture ui)
{
    /// <summary>What a credit manager reads and clicks in one language.</summary>
    private sealed record Words(string Review, string SecondReview, string FourEyes, string Order, string Decision, string Release, string Answered);

    private static readonly Words French = new(
        "Libérer ou refuser la commande bloquée", "Seconde approbation de la libération (un autre responsable crédit)", "deux responsables crédit",
        "Commande", "Décision", "Libérer la commande", "Réponse envoyée à « ");

    private static readonly Words English = new(
        "Release or reject the blocked order", "Second approval of the release (another credit manager)", "two different credit managers",
        "Order", "Decision", "Release the order", "Answered “");

    /// <summary>C-0007, a demo customer no other browser test orders for: its limit is 100,000 EUR (60,000 internal + 40,000 insurer).</summary>
    [BrowserFact]
    public async Task Two_credit_managers_release_an_order_over_the_limit_from_their_tasks_in_french()
    {
        await UiInvoices.EnsureCycleAsync(ui.Host);
        await ReleaseWithFourEyesAsync("fr", French, "C-0007", "108,000 EUR is over the 100,000 EUR limit");
    }

    [BrowserFact]
    public async Task Two_credit_managers_release_an_order_over_the_limit_from_their_tasks_in_english()
    {
        await UiInvoices.EnsureCycleAsync(ui.Host);
        var customer = await RulesApi.CreateNewCustomerAsync(ui.Host, "C-0412", creditLimit: 60_000m, "512345695", "FR" + VatKey(512345695) + "512345695");
        await ReleaseWithFourEyesAsync("en", English, customer, "108,000 EUR is over the 60,000 EUR limit of a new customer");
    }

    private static string VatKey(long siren) => ((12 + (3 * (siren % 97))) % 97).ToString("00", System.Globalization.CultureInfo.InvariantCulture);

    private async Task ReleaseWithFourEyesAsync(string language, Words words, string customer, string why)
    {
        var order = await RulesApi.PlaceOrderAsync(ui.Host, customer, 90_000m);
        var number = order.GetProperty("number").GetString()!;
        order.GetProperty("status").GetString().Should().Be("CreditBlocked", why);

        // The first credit manager sees the release task, with what the credit check found.
        var first = await ui.NewPageAsync(language);
        await first.OpenSignedInAsync("/tasks", UiUsers.CreditManager);
        var row = first.Locator("tr[data-task]").Filter(new() { HasText = number });
        await row.GetByRole(AriaRole.Button, new() { Name = words.Review }).ClickAsync();
        var check = first.Locator("[data-test=credit-check]");
        await check.WaitForAsync();
        (await check.Locator("[data-test=failed-rules] li").CountAsync()).Should().BeGreaterThan(0, "the order failed the credit limit rule");
        (await check.Locator("[data-test=headroom]").TextContentAsync()).Should().Contain("€");
        (await check.Locator("[data-test=four-eyes]").TextContentAsync()).Should().Contain(words.FourEyes);
        (await first.Locator("[data-test=task-context]").TextContentAsync()).Should().Contain(words.Order).And.Contain(number);
        await first.Locator("[data-test=claim]").ClickAsync();
        await first.Locator("[data-test=task-form]").WaitForAsync();
        (await first.Locator("label[for=field-decision]").TextContentAsync()).Should().Be(words.Decision);
        await first.Locator("#field-decision").SelectOptionAsync(new SelectOptionValue { Label = words.Release });
        await first.Locator("#field-comment").FillAsync("Assureur joint par téléphone : couverture complémentaire accordée.");
        await first.ScreenshotAsync($"tasks-credit-release-first-{language}");
        await first.Locator("[data-test=complete]").ClickAsync();
        await first.Locator("#task-status").Filter(new() { HasText = words.Answered + words.Review }).WaitForAsync();
        (await RulesApi.OrderAsync(ui.Host, number)).GetProperty("status").GetString().Should().Be("CreditBlocked", "one approval is not enough above the threshold");

        // The second credit manager gives the second approval.
        var second = await ui.NewPageAsync(language);
        await second.OpenSignedInAsync("/tasks", UiUsers.SecondCreditManager);
        var secondRow = second.Locator("tr[data-task]").Filter(new() { HasText = number });
        await secondRow.GetByRole(AriaRole.Button, new() { Name = words.SecondReview }).ClickAsync();
        (await second.Locator("[data-test=first-approval]").TextContentAsync()).Should().Contain(UiUsers.CreditManager).And.Contain("Assureur joint par téléphone");
        await second.Locator("[data-test=claim]").ClickAsync();
        await second.Locator("[data-test=task-form]").WaitForAsync();
        await second.Locator("#field-decision").SelectOptionAsync("release");
        await second.Locator("#field-comment").FillAsync("Vu, d’accord.");
        await second.Locator("[data-test=complete]").ClickAsync();
        await second.Locator("#task-status").Filter(new() { HasText = words.Answered + words.SecondReview[..20] }).WaitForAsync();
        await secondRow.WaitForAsync(new() { State = WaitForSelectorState.Detached });
        await second.ScreenshotAsync($"tasks-credit-release-second-{language}");

        var released = await RulesApi.OrderAsync(ui.Host, number);
        released.GetProperty("status").GetString().Should().Be("Accepted");
        (released.GetProperty("firstApprover").GetString(), released.GetProperty("decidedBy").GetString()).Should().Be((UiUsers.CreditManager, UiUsers.SecondCreditManager));
        first.ShouldHaveNoScriptErrors();
        second.ShouldHaveNoScriptErrors();
    }
}
