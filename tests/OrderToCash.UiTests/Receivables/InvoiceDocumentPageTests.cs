using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using OrderToCash.Core.Invoicing;
using OrderToCash.Core.Persistence;
using OrderToCash.UiTests.Infrastructure;

namespace OrderToCash.UiTests.Receivables;

[Collection(UiCollection.Name)]
public sealed class InvoiceDocumentPageTests(UiFixture ui)
{
    [BrowserFact]
    public async Task A_portal_customer_downloads_its_own_invoice_pdf_and_gets_404_for_another_customers()
    {
        string other;
        bool hasOpen;
        await using (var db = ui.Host.Services.GetRequiredService<Func<OrderToCashDbContext>>()())
        {
            other = await db.Set<Invoice>().Where(i => i.CustomerId == "C-0002").Select(i => i.Number).FirstAsync();
            hasOpen = await db.Set<Invoice>().AnyAsync(i => i.CustomerId == "C-0001" && i.SettledOn == null);
        }

        var page = await ui.NewPageAsync();
        await page.OpenSignedInAsync("/receivables", UiUsers.Customer);
        await page.Locator("#invoice-filter").SelectOptionAsync(hasOpen ? "open" : "settled");
        await page.Locator("tr[data-invoice]").First.ClickAsync();
        var link = page.Locator("[data-test='document-link']").First;
        await link.WaitForAsync();

        var download = await page.RunAndWaitForDownloadAsync(() => link.ClickAsync());

        download.SuggestedFilename.Should().MatchRegex(@"^FA-\d{4}-\d{6}\.pdf$");
        var bytes = await File.ReadAllBytesAsync((await download.PathAsync())!);
        Encoding.ASCII.GetString(bytes, 0, 5).Should().Be("%PDF-");
        var foreign = await page.APIRequest.GetAsync($"/api/invoices/{other}/document");
        foreign.Status.Should().Be(404, "another customer's invoice does not exist for this customer");
        page.ShouldHaveNoScriptErrors();
    }
}
