using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.Playwright;
using OrderToCash.UiTests.Infrastructure;

namespace OrderToCash.UiTests.Rules;

/// <summary>What the rules tests set up or check through the API: shipped rule files, versions, orders.</summary>
internal static class RulesApi
{
    public static string Shipped(string ruleSet) => File.ReadAllText(Path.Combine(RepositoryPaths.Rules, ruleSet + ".json"));

    /// <summary>Publishes the shipped rule set with its what-if cases through the page's signed-in session (unchanged when already the latest).</summary>
    public static async Task PublishShippedAsync(IPage page, string ruleSet)
    {
        var response = await page.APIRequest.PostAsync("/api/rules/publish", new()
        {
            DataObject = new
            {
                files = new[] { new { name = ruleSet + ".json", content = Shipped(ruleSet) } },
                whatIf = new[] { new { name = ruleSet + ".json", content = File.ReadAllText(Path.Combine(RepositoryPaths.Rules, "tests", ruleSet + ".json")) } },
                comment = "Shipped rules",
            },
        });
        response.Status.Should().Be(201, await response.TextAsync());
    }

    public static async Task<JsonElement> LatestAsync(IPage page, string ruleSet)
    {
        var response = await page.APIRequest.GetAsync($"/api/rules/{ruleSet}/latest");
        response.Status.Should().Be(200, await response.TextAsync());
        using var document = JsonDocument.Parse(await response.TextAsync());
        return document.RootElement.Clone();
    }

    /// <summary>A client signed in with HTTP Basic as <paramref name="userName"/> (a person in another browser).</summary>
    public static HttpClient ClientFor(UiHost host, string userName)
    {
        var client = new HttpClient { BaseAddress = host.BaseAddress };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{userName}:{UiUsers.Password(userName)}")));
        return client;
    }

    /// <summary>The process owner publishes the cycle's workflows (credit-release, dunning, order-to-cash), which a blocked order waits in.</summary>
    public static async Task PublishCycleWorkflowsAsync(UiHost host)
    {
        using var owner = ClientFor(host, UiUsers.ProcessOwner);
        foreach (var file in new[] { "credit-release.bpmn", "dunning.bpmn", "order-to-cash.bpmn" })
        {
            var xml = await File.ReadAllTextAsync(Path.Combine(RepositoryPaths.Root, "workflows", file));
            var response = await owner.PostAsync(new Uri($"/api/definitions?file={file}", UriKind.Relative), new StringContent(xml, Encoding.UTF8, "application/xml"));
            ((int)response.StatusCode).Should().Be(201, await response.Content.ReadAsStringAsync());
        }
    }

    /// <summary>
    /// Publishes the shipped rules again WITH the shipped cases replacing the stored ones, so a test that changed the
    /// policy and its cases leaves the rule set as the other tests expect it.
    /// </summary>
    public static async Task RestoreShippedAsync(IPage page, string ruleSet)
    {
        using var cases = JsonDocument.Parse(File.ReadAllText(Path.Combine(RepositoryPaths.Rules, "tests", ruleSet + ".json")));
        var response = await page.APIRequest.PostAsync($"/api/rules/{ruleSet}/versions", new()
        {
            DataObject = new { content = Shipped(ruleSet), cases = cases.RootElement.GetProperty("cases").Clone(), comment = "Shipped rules and cases restored" },
        });
        response.Status.Should().Be(201, await response.TextAsync());
    }

    /// <summary>
    /// A credit manager opens the account of a customer today (a new customer for the credit rules), risk class B,
    /// followed by <paramref name="salesperson"/> (the demo salesperson when null); SIRENs are unique.
    /// </summary>
    public static async Task<string> CreateNewCustomerAsync(UiHost host, string id, decimal creditLimit, string siren = "443061841", string vatNumber = "FR64443061841", string? salesperson = null)
    {
        using var credit = ClientFor(host, UiUsers.CreditManager);
        var response = await credit.PostAsJsonAsync(new Uri("/api/customers", UriKind.Relative), new Dictionary<string, object?>
        {
            ["id"] = id,
            ["legalName"] = "Fromagerie Neuve SAS",
            ["siren"] = siren,
            ["vatNumber"] = vatNumber,
            ["addressLine1"] = "2 place du Marché",
            ["postalCode"] = "74000",
            ["city"] = "Annecy",
            ["segment"] = "Standard",
            ["salesperson"] = salesperson ?? UiUsers.Salesperson,
            ["paymentTermDays"] = 30,
            ["paymentTermBasis"] = "InvoiceDate",
            ["paymentTermsAgreedInContract"] = true,
            ["contacts"] = new[] { new { name = "Comptabilité", email = "compta@fromagerie-neuve.example", role = "AccountsPayable" } },
            ["riskClass"] = "B",
            ["internalCreditLimit"] = creditLimit,
            ["insurerCover"] = 0m,
            ["nextReviewOn"] = "2099-01-15",
        });
        ((int)response.StatusCode).Should().Be(201, await response.Content.ReadAsStringAsync());
        return id;
    }

    /// <summary>A salesperson enters a one-line order for a demo customer; the answer is the order as created.</summary>
    public static async Task<JsonElement> PlaceOrderAsync(UiHost host, string customerId, decimal unitPrice)
    {
        using var sales = ClientFor(host, UiUsers.Salesperson);
        var response = await sales.PostAsJsonAsync(new Uri("/api/orders", UriKind.Relative), new
        {
            customerId,
            lines = new[] { new { description = "Industrial flour, 25 kg", quantity = 1m, unitPrice, vatRate = 20m } },
        });
        var body = await response.Content.ReadAsStringAsync();
        ((int)response.StatusCode).Should().Be(201, body);
        using var document = JsonDocument.Parse(body);
        return document.RootElement.Clone();
    }

    public static async Task<JsonElement> OrderAsync(UiHost host, string number)
    {
        using var credit = ClientFor(host, UiUsers.CreditManager);
        using var document = JsonDocument.Parse(await credit.GetStringAsync(new Uri($"/api/orders/{number}", UriKind.Relative)));
        return document.RootElement.Clone();
    }
}
