using System.Globalization;
using Microsoft.Playwright;
using OrderToCash.UiTests.Infrastructure;

namespace OrderToCash.UiTests.Collections;

/// <summary>
/// The collector's job in /collections (issue 13), in French and in English: find the account at the top of the
/// worklist, log a call with a promise to pay on its open invoice, and see the call in the contact log and the promise
/// and the next action on today's agenda.
/// </summary>
[Collection(UiCollection.Name)]
public sealed class CollectionsPageTests(UiFixture ui)
{
    /// <summary>Clinique Vétérinaire des Vosges (class B, 60,000 EUR of credit): other tests only issue invoices to it.</summary>
    private const string Customer = "C-0004";

    private const string CustomerName = "Clinique Vétérinaire des Vosges";

    [BrowserFact]
    public Task A_collector_logs_a_call_with_a_promise_in_french() => LogACallWithAPromiseAsync(new("fr", "Appel", "Promesse de règlement", "En attente", "Contact et promesse de règlement enregistrés pour", "1 200,00 €"));

    [BrowserFact]
    public Task A_collector_logs_a_call_with_a_promise_in_english() => LogACallWithAPromiseAsync(new("en", "Call", "Promise to pay", "Pending", "Contact and promise to pay recorded for", "€1,200.00"));

    private async Task LogACallWithAPromiseAsync(Words words)
    {
        var invoice = await UiInvoices.IssueAsync(ui.Host, Customer, 1_000m);
        var today = DateOnly.FromDateTime(TimeProvider.System.GetUtcNow().UtcDateTime).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var note = $"Virement promis au téléphone ({words.Language}, {invoice})";
        var nextAction = $"Vérifier le virement {invoice}";
        var page = await ui.NewPageAsync(words.Language);
        await page.OpenSignedInAsync("/collections", UiUsers.Collector);

        await page.Locator("#worklist-search").FillAsync("Clinique");
        var top = page.Locator("[data-test=worklist] tbody tr").First;
        await page.Locator("[data-test=worklist] tbody tr[data-customer]").Filter(new() { HasText = CustomerName }).WaitForAsync();
        await WaitForCountAsync(page.Locator("[data-test=worklist] tbody tr"), 1);
        (await top.GetAttributeAsync("data-customer")).Should().Be(Customer, "the search leaves that account at the top of the worklist");
        await top.GetByRole(AriaRole.Button, new() { Name = CustomerName }).ClickAsync();
        await page.Locator("[data-test=account-title]").Filter(new() { HasText = CustomerName }).WaitForAsync();
        Spaces(await page.Locator($"[data-test=account-invoices] tr[data-invoice='{invoice}']").InnerTextAsync()).Should().Contain(words.Amount);

        await page.Locator("#contact-kind").SelectOptionAsync("Call");
        await page.Locator("#contact-outcome").SelectOptionAsync("PromiseToPay");
        (await page.Locator("#contact-outcome option:checked").TextContentAsync()).Should().Be(words.PromiseToPay, "the outcome is a label, not a code");
        await page.Locator("#contact-name").FillAsync("Claire Petit");
        await page.Locator("#contact-invoice").SelectOptionAsync(invoice);
        (await page.Locator("#promise-amount").InputValueAsync()).Should().Be("1200", "the promise offers the invoice's open amount");
        await page.Locator("#promise-date").FillAsync(today);
        await page.Locator("#contact-note").FillAsync(note);
        await page.Locator("#next-action").FillAsync(nextAction);
        await page.Locator("#next-action-on").FillAsync(today);
        await page.Locator("[data-test=contact-save]").ClickAsync();

        await page.Locator("#collections-status").Filter(new() { HasText = $"{words.Saved} {CustomerName}." }).WaitForAsync();
        var logged = page.Locator("[data-test=contact-log] li[data-outcome=PromiseToPay]").Filter(new() { HasText = note });
        await logged.WaitForAsync();
        (await logged.InnerTextAsync()).Should().Contain(words.Call).And.Contain(words.PromiseToPay).And.Contain(UiUsers.Collector).And.Contain("Claire Petit").And.Contain(invoice);
        var promise = page.Locator("[data-test=account-promises] li").Filter(new() { HasText = invoice });
        Spaces(await promise.InnerTextAsync()).Should().Contain(words.Amount).And.Contain(words.Pending);
        await page.Locator("[data-test=agenda-promises-due] li").Filter(new() { HasText = invoice }).WaitForAsync();
        await page.Locator("[data-test=agenda-actions] li").Filter(new() { HasText = nextAction }).WaitForAsync();
        await page.ScreenshotAsync($"collections-promise-{words.Language}");
        await page.ShouldHaveNoSeriousAxeViolationsAsync();
        page.ShouldHaveNoScriptErrors();
    }

    /// <summary>Intl puts (narrow) no-break spaces in amounts: compared as plain spaces.</summary>
    private static string Spaces(string text) => text.Replace('\u202f', ' ').Replace('\u00a0', ' ');

    private static async Task WaitForCountAsync(ILocator rows, int count)
    {
        var waited = System.Diagnostics.Stopwatch.StartNew();
        while (await rows.CountAsync() != count)
        {
            if (waited.Elapsed > TimeSpan.FromSeconds(30))
            {
                throw new TimeoutException($"{await rows.CountAsync()} rows instead of {count}.");
            }

            await Task.Delay(100);
        }
    }

    /// <summary>What the page says in one language.</summary>
    private sealed record Words(string Language, string Call, string PromiseToPay, string Pending, string Saved, string Amount);
}
