using System.Globalization;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using OrderToCash.Core.Customers;
using OrderToCash.Core.Infrastructure.Persistence;
using OrderToCash.Core.Invoicing;
using OrderToCash.UiTests.Infrastructure;
using OrderToCash.UiTests.Rules;

namespace OrderToCash.UiTests.Sales;

/// <summary>
/// The salesperson's cockpit in /sales (issue 13), in French and in English: their customers' headroom, what is overdue
/// and their blocked orders with the rules that blocked them, and nothing of another salesperson's customer.
/// </summary>
[Collection(UiCollection.Name)]
public sealed class SalesPageTests(UiFixture ui)
{
    /// <summary>Atelier Lefèvre SARL (class C): an invoice of 1,200 EUR made 20 days overdue.</summary>
    private const string Overdue = "C-0003";

    /// <summary>Start'Innov SAS (class E): any order is blocked.</summary>
    private const string Blocked = "C-0008";

    /// <summary>Menuiserie Garnier (class D), given to another salesperson here; no other browser test uses it.</summary>
    private const string Someone = "C-0006";

    private const string OtherSalesperson = "sacha";

    [BrowserFact]
    public Task A_salesperson_reads_the_cockpit_of_their_own_customers_in_french() =>
        ReadTheCockpitAsync(new("fr", "échue depuis 20 j", "Classe de risque D ou E"));

    [BrowserFact]
    public Task A_salesperson_reads_the_cockpit_of_their_own_customers_in_english() =>
        ReadTheCockpitAsync(new("en", "20 days overdue", "Risk class D or E"));

    private async Task ReadTheCockpitAsync(Words words)
    {
        await UiInvoices.EnsureCycleAsync(ui.Host);
        var invoice = await UiInvoices.IssueAsync(ui.Host, Overdue, 1_000m);
        var today = DateOnly.FromDateTime(TimeProvider.System.GetUtcNow().UtcDateTime);
        await SetSalespersonAsync(Someone, UiUsers.Salesperson);
        // Entered while the customer was still this salesperson's; then it changes hands.
        var elsewhere = (await RulesApi.PlaceOrderAsync(ui.Host, Someone, 100m)).GetProperty("number").GetString()!;
        await SetSalespersonAsync(Someone, OtherSalesperson);
        await using (var db = ui.Host.Services.GetRequiredService<Func<OrderToCashDbContext>>()())
        {
            // Twenty days pass for that invoice.
            await db.Set<Invoice>().Where(i => i.Number == invoice).ExecuteUpdateAsync(s => s.SetProperty(i => i.DueDate, today.AddDays(-20)));
        }

        var blocked = (await RulesApi.PlaceOrderAsync(ui.Host, Blocked, 100m)).GetProperty("number").GetString()!;
        var page = await ui.NewPageAsync(words.Language);
        await page.OpenSignedInAsync("/sales", UiUsers.Salesperson);

        var table = page.Locator("[data-test=sales-customers]");
        await table.Locator($"tr[data-customer='{Overdue}']").WaitForAsync();
        (await table.Locator($"tr[data-customer='{Someone}']").CountAsync()).Should().Be(0, "another salesperson's customer is not shown");
        using var cockpit = JsonDocument.Parse(await (await page.APIRequest.GetAsync("/api/sales/cockpit?pageSize=100")).TextAsync());
        var account = cockpit.RootElement.GetProperty("customers").EnumerateArray().Single(c => c.GetProperty("customerId").GetString() == Overdue);
        var headroom = account.GetProperty("headroom").GetDecimal();
        Spaces(await table.Locator($"tr[data-customer='{Overdue}'] [data-test=headroom]").InnerTextAsync()).Should().Be(Euros(headroom, words));
        var overdueAmount = account.GetProperty("overdueAmount").GetDecimal();
        overdueAmount.Should().BeGreaterThanOrEqualTo(1_200m);
        Spaces(await table.Locator($"tr[data-customer='{Overdue}']").InnerTextAsync()).Should().Contain(Euros(overdueAmount, words), "the overdue amount of the account");
        (await table.Locator($"tr[data-customer='{Blocked}'] td").Nth(6).InnerTextAsync()).Should().NotBe("—", "the account has a blocked order");

        var overdue = page.Locator("[data-test=sales-overdue] li").Filter(new() { HasText = invoice });
        Spaces(await overdue.InnerTextAsync()).Should().Contain("Atelier Lefèvre SARL").And.Contain(Euros(1_200m, words)).And.Contain(words.DaysLate);
        var order = page.Locator("[data-test=sales-blocked] li").Filter(new() { HasText = blocked });
        (await order.InnerTextAsync()).Should().Contain("Start'Innov SAS").And.Contain(words.RiskRule, "the rule that blocked it, as a label").And.NotContain("RiskClassAccepted");
        (await page.Locator("[data-test=sales-blocked] li").Filter(new() { HasText = elsewhere }).CountAsync()).Should().Be(0, "nor the other salesperson's blocked order");
        await page.ScreenshotAsync($"sales-cockpit-{words.Language}");
        await page.ShouldHaveNoSeriousAxeViolationsAsync();
        page.ShouldHaveNoScriptErrors();
    }

    private async Task SetSalespersonAsync(string customerId, string salesperson)
    {
        await using var db = ui.Host.Services.GetRequiredService<Func<OrderToCashDbContext>>()();
        await db.Set<Customer>().Where(c => c.Id == customerId).ExecuteUpdateAsync(s => s.SetProperty(c => c.Salesperson, salesperson));
    }

    /// <summary>Intl and .NET put (narrow) no-break spaces in amounts: compared as plain spaces.</summary>
    private static string Spaces(string text) => text.Replace('\u202f', ' ').Replace('\u00a0', ' ');

    /// <summary>
    /// An amount of euros as the page writes it: 1 234,50 € in French, €1,234.50 in English (the tests run without
    /// ICU, so not through CultureInfo).
    /// </summary>
    private static string Euros(decimal amount, Words words)
    {
        var digits = Math.Abs(amount).ToString("#,##0.00", CultureInfo.InvariantCulture);
        var sign = amount < 0 ? "-" : string.Empty;
        return words.Language == "fr" ? $"{sign}{digits.Replace(',', ' ').Replace('.', ',')} €" : $"{sign}€{digits}";
    }

    /// <summary>What the page says in one language.</summary>
    private sealed record Words(string Language, string DaysLate, string RiskRule);
}
