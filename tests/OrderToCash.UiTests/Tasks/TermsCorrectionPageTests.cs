using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using OrderToCash.Core.Customers;
using OrderToCash.Core.Infrastructure.Persistence;
using OrderToCash.UiTests.Infrastructure;
using OrderToCash.UiTests.Rules;

namespace OrderToCash.UiTests.Tasks;

/// <summary>Sales administration's task when the payment-terms rules refuse a customer's terms (ADR 0065), in French.</summary>
[Collection(UiCollection.Name)]
public sealed class TermsCorrectionPageTests(UiFixture ui)
{
    /// <summary>A customer of this test's own, so its terms and invoices change no other test's.</summary>
    private const string CustomerId = "C-0420";

    [BrowserFact]
    public async Task Sales_administration_sees_why_the_terms_were_refused_and_the_invoice_is_issued_once_they_are_corrected()
    {
        await UiInvoices.EnsureCycleAsync(ui.Host);
        await RulesApi.CreateNewCustomerAsync(ui.Host, CustomerId, creditLimit: 5_000m, "518203476", "FR73518203476");
        var agreed = await SetTermsAsync(new PaymentTerms(90, PaymentTermBasis.InvoiceDate));
        var order = (await RulesApi.PlaceOrderAsync(ui.Host, CustomerId, 80m)).GetProperty("number").GetString()!;
        using (var sales = RulesApi.ClientFor(ui.Host, UiUsers.SalesAdministration))
        {
            var today = DateOnly.FromDateTime(TimeProvider.System.GetUtcNow().UtcDateTime).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
            var delivered = await sales.PostAsJsonAsync(new Uri($"/api/orders/{order}/delivery", UriKind.Relative), new { deliveredOn = today });
            ((int)delivered.StatusCode).Should().Be(200, await delivered.Content.ReadAsStringAsync());
        }

        var page = await ui.NewPageAsync("fr");
        await page.OpenSignedInAsync("/tasks", UiUsers.SalesAdministration);
        var row = page.Locator("tr[data-task]").Filter(new() { HasText = order });
        await row.GetByRole(AriaRole.Button, new() { Name = "Corriger les conditions de paiement" }).ClickAsync();
        var context = page.Locator("[data-test=task-context]");
        await context.WaitForAsync();
        var facts = await context.TextContentAsync();
        facts.Should().Contain("Conditions refusées (L441-10)").And.Contain("Agreed terms may not exceed 60 days from the invoice date");
        facts.Should().Contain("Délai de paiement (jours)");

        await SetTermsAsync(agreed);
        await page.Locator("[data-test=claim]").ClickAsync();
        await page.Locator("#field-comment").FillAsync("Conditions ramenées à 30 jours date de facture, avenant signé.");
        await page.Locator("[data-test=complete]").ClickAsync();
        await page.Locator("#task-status").Filter(new() { HasText = "Réponse envoyée à « Corriger les conditions de paiement »." }).WaitForAsync();
        await row.WaitForAsync(new() { State = WaitForSelectorState.Detached });

        using var credit = RulesApi.ClientFor(ui.Host, UiUsers.CreditManager);
        var invoices = await credit.GetStringAsync(new Uri($"/api/invoices?customer={CustomerId}", UriKind.Relative));
        invoices.Should().Contain(order, "the corrected terms passed the check and the cycle issued the invoice");
        page.ShouldHaveNoScriptErrors();
    }

    /// <summary>Sets the customer's terms in the master as a migration from before a stricter rule would; returns the previous terms.</summary>
    private async Task<PaymentTerms> SetTermsAsync(PaymentTerms terms)
    {
        await using var db = ui.Host.Services.GetRequiredService<Func<OrderToCashDbContext>>()();
        var customer = await db.Set<Customer>().SingleAsync(c => c.Id == CustomerId);
        var previous = customer.PaymentTerms;
        customer.PaymentTerms = terms;
        await db.SaveChangesAsync();
        return previous;
    }
}
