using System.Text;
using System.Text.Json;
using Microsoft.Playwright;
using OrderToCash.TestSupport;
using OrderToCash.UiTests.Infrastructure;
using OrderToCash.UiTests.Rules;

namespace OrderToCash.UiTests.Receivables;

[Collection(UiCollection.Name)]
public sealed class BankStatementUploadTests(UiFixture ui)
{
    /// <summary>Hôtellerie Côte d'Azur's IBAN in the demo customer master.</summary>
    private const string HotelIban = "FR7630002005502174269556726";

    [BrowserFact]
    public async Task A_collector_uploads_a_statement_of_three_entries_two_are_applied_one_waits_in_a_collectors_task_and_a_second_upload_changes_nothing()
    {
        var quoted = await UiInvoices.IssueAsync(ui.Host, "C-0001", 123.45m);
        var byIban = await UiInvoices.IssueAsync(ui.Host, "C-0005", 987.65m);
        var quotedGross = await GrossAsync(quoted);
        var ibanGross = await GrossAsync(byIban);
        var run = Guid.NewGuid().ToString("N")[..8];
        var xml = Camt053Sample.Statement(
            $"UI-{run}",
            new Camt053Line($"UI-{run}-1", quotedGross, Remittance: $"Paiement facture {quoted}", DebtorName: "Boulangeries Durand"),
            new Camt053Line($"UI-{run}-2", ibanGross, DebtorIban: HotelIban, DebtorName: "Hotellerie Cote d'Azur"),
            new Camt053Line($"UI-{run}-3", 77.77m, Remittance: "Virement divers", DebtorName: "Inconnu SARL"));
        var page = await ui.NewPageAsync("fr");
        await page.OpenSignedInAsync("/receivables", UiUsers.Collector);
        var tasksBefore = await UnappliedCashTasksAsync();

        await UploadAsync(page, xml);

        var entries = page.Locator("[data-test=statement-entries] li");
        await entries.Nth(2).WaitForAsync();
        (await page.Locator("[data-test=statement-entries] li[data-outcome=applied]").CountAsync()).Should().Be(2);
        (await page.Locator("[data-test=statement-entries] li[data-outcome=unapplied]").CountAsync()).Should().Be(1);
        (await entries.Nth(0).InnerTextAsync()).Should().Contain("lettré").And.Contain(quoted);
        (await entries.Nth(1).InnerTextAsync()).Should().Contain(byIban);
        (await page.Locator("#receivables-status").InnerTextAsync()).Should().Contain("2 lettré(s), 1 non lettré(s)");
        (await UnappliedCashTasksAsync()).Should().Be(tasksBefore + 1, "the unknown entry waits in one collector's task");
        (await InvoiceAsync(quoted)).GetProperty("invoice").GetProperty("openAmount").GetDecimal().Should().Be(0m);
        (await InvoiceAsync(byIban)).GetProperty("invoice").GetProperty("openAmount").GetDecimal().Should().Be(0m);
        await page.ScreenshotAsync("receivables-statement-upload-fr");

        await UploadAsync(page, xml);

        await page.Locator("#receivables-status").Filter(new() { HasText = "3 déjà importé(s)" }).WaitForAsync();
        (await page.Locator("[data-test=statement-entries] li").CountAsync()).Should().Be(3);
        (await page.Locator("[data-test=statement-entries] li").AllInnerTextsAsync()).Should().OnlyContain(text => text.Contains("déjà importé", StringComparison.Ordinal));
        (await UnappliedCashTasksAsync()).Should().Be(tasksBefore + 1, "importing again opens no second task");
        page.ShouldHaveNoScriptErrors();
    }

    private static async Task UploadAsync(IPage page, string xml)
    {
        await page.Locator("#statement-file").SetInputFilesAsync(new FilePayload { Name = "releve.xml", MimeType = "application/xml", Buffer = Encoding.UTF8.GetBytes(xml) });
        await page.Locator("[data-test=statement-form] button[type=submit]").ClickAsync();
        await page.Locator("[data-test=statement-entries]").WaitForAsync();
    }

    private async Task<decimal> GrossAsync(string invoice) => (await InvoiceAsync(invoice)).GetProperty("invoice").GetProperty("grossAmount").GetDecimal();

    private async Task<JsonElement> InvoiceAsync(string invoice)
    {
        using var client = RulesApi.ClientFor(ui.Host, UiUsers.Collector);
        using var document = JsonDocument.Parse(await client.GetStringAsync(new Uri($"/api/invoices/{invoice}", UriKind.Relative)));
        return document.RootElement.Clone();
    }

    private async Task<int> UnappliedCashTasksAsync()
    {
        using var client = RulesApi.ClientFor(ui.Host, UiUsers.Collector);
        using var document = JsonDocument.Parse(await client.GetStringAsync(new Uri("/api/tasks", UriKind.Relative)));
        return document.RootElement.EnumerateArray().Count(t => t.GetProperty("processId").GetString() == "unapplied-cash");
    }
}
