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
        ReadTheCockpitAsync(new("fr", CultureInfo.GetCultureInfo("fr-FR"), "échue depuis 20 j", "Classe de risque D ou E"));

    [BrowserFact]
    public Task A_salesperson_reads_the_cockpit_of_their_own_customers_in_english() =>
        ReadTheCockpitAsync(new("en", CultureInfo.GetCultureInfo("en-GB"), "20 days overdue", "Risk class D or E"));

    private async Task ReadTheCockpitAsync(Words words)
    {
        await UiInvoices.EnsureCycleAsync(ui.Host);
        var invoice = await UiInvoices.IssueAsync(ui.Host, Overdue, 1_000m);
        var today = DateOnly.FromDateTime(TimeProvider.System.GetUtcNow().UtcDateTime);
        await using (var db = ui.Host.Services.GetRequiredService<Func<OrderToCashDbContext>>()())
        {
            // Twenty days pass for that invoice; the other customer changes hands.
            await db.Set<Invoice>().Where(i => i.Number == invoice).ExecuteUpdateAsync(s => s.SetProperty(i => i.DueDate, today.AddDays(-20)));
            await db.Set<Customer>().Where(c => c.Id == Someone).ExecuteUpdateAsync(s => s.SetProperty(c => c.Salesperson, OtherSalesperson));
        }

        var blocked = (await RulesApi.PlaceOrderAsync(ui.Host, Blocked, 100m)).GetProperty("number").GetString()!;
        var elsewhere = (await RulesApi.PlaceOrderAsync(ui.Host, Someone, 100m)).GetProperty("number").GetString()!;
        var page = await ui.NewPageAsync(words.Language);
        await page.OpenSignedInAsync("/sales", UiUsers.Salesperson);

        var table = page.Locator("[data-test=sales-customers]");
        await table.Locator($"tr[data-customer='{Overdue}']").WaitForAsync();
        (await table.Locator($"tr[data-customer='{Someone}']").CountAsync()).Should().Be(0, "another salesperson's customer is not shown");
        using var cockpit = JsonDocument.Parse(await (await page.APIRequest.GetAsync("/api/sales/cockpit?pageSize=100")).TextAsync());
        var account = cockpit.RootElement.GetProperty("customers").EnumerateArray().Single(c => c.GetProperty("customerId").GetString() == Overdue);
        var headroom = account.GetProperty("headroom").GetDecimal();
        Spaces(await table.Locator($"tr[data-customer='{Overdue}'] [data-test=headroom]").InnerTextAsync()).Should().Be(Spaces(headroom.ToString("C", words.Culture)));
        var overdueAmount = account.GetProperty("overdueAmount").GetDecimal();
        overdueAmount.Should().BeGreaterThanOrEqualTo(1_200m);
        Spaces(await table.Locator($"tr[data-customer='{Overdue}']").InnerTextAsync()).Should().Contain(Spaces(overdueAmount.ToString("C", words.Culture)), "the overdue amount of the account");
        (await table.Locator($"tr[data-customer='{Blocked}'] td").Nth(6).InnerTextAsync()).Should().NotBe("—", "the account has a blocked order");

        var overdue = page.Locator("[data-test=sales-overdue] li").Filter(new() { HasText = invoice });
        Spaces(await overdue.InnerTextAsync()).Should().Contain("Atelier Lefèvre SARL").And.Contain(Spaces(1_200m.ToString("C", words.Culture))).And.Contain(words.DaysLate);
        var order = page.Locator("[data-test=sales-blocked] li").Filter(new() { HasText = blocked });
        (await order.InnerTextAsync()).Should().Contain("Start'Innov SAS").And.Contain(words.RiskRule, "the rule that blocked it, as a label").And.NotContain("RiskClassAccepted");
        (await page.Locator("[data-test=sales-blocked] li").Filter(new() { HasText = elsewhere }).CountAsync()).Should().Be(0, "nor the other salesperson's blocked order");
        await page.ScreenshotAsync($"sales-cockpit-{words.Language}");
        await page.ShouldHaveNoSeriousAxeViolationsAsync();
        page.ShouldHaveNoScriptErrors();
    }

    /// <summary>Intl and .NET put (narrow) no-break spaces in amounts: compared as plain spaces.</summary>
    private static string Spaces(string text) => text.Replace('\u202f', ' ').Replace('\u00a0', ' ');

    /// <summary>What the page says in one language.</summary>
    private sealed record Words(string Language, CultureInfo Culture, string DaysLate, string RiskRule);
}
