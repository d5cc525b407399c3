using System.Text;
using Microsoft.Playwright;
using OrderToCash.UiTests.Infrastructure;

namespace OrderToCash.UiTests.Invoicing;

[Collection(UiCollection.Name)]
public sealed class InvoiceDocumentDownloadTests(UiFixture ui)
{
    [BrowserFact]
    public async Task The_portal_user_downloads_its_own_invoice_as_a_factur_x_pdf_and_gets_404_for_another_customers_invoice()
    {
        var own = await UiInvoices.IssueAsync(ui.Host, "C-0001", 150.00m);
        var someoneElses = await UiInvoices.IssueAsync(ui.Host, "C-0002", 90.00m);
        var page = await ui.NewPageAsync("fr");
        await page.OpenSignedInAsync("/receivables", UiUsers.Customer);

        await page.Locator($"tr[data-invoice='{own}']").ClickAsync();
        var link = page.Locator("#invoice-detail [data-test='document-link']").First;
        await link.WaitForAsync();
        var download = await page.RunAndWaitForDownloadAsync(() => link.ClickAsync());

        download.SuggestedFilename.Should().Be($"{own}.pdf");
        var bytes = await File.ReadAllBytesAsync((await download.PathAsync())!);
        Encoding.ASCII.GetString(bytes, 0, 5).Should().Be("%PDF-");
        Encoding.Latin1.GetString(bytes).Should().Contain("factur-x.xml", "the Factur-X XML is embedded under its standard name");
        var answer = await page.APIRequest.GetAsync($"/api/invoices/{own}/document");
        answer.Status.Should().Be(200);
        answer.Headers["content-type"].Should().StartWith("application/pdf");

        var refused = await page.APIRequest.GetAsync($"/api/invoices/{someoneElses}/document");
        refused.Status.Should().Be(404, "a customer never sees another customer's invoice, not even that it exists");
        (await page.Locator($"tr[data-invoice='{someoneElses}']").CountAsync()).Should().Be(0);
        await page.ScreenshotAsync("portal-invoice-document");
        page.ShouldHaveNoScriptErrors();
    }
}
