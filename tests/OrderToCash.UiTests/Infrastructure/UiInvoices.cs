using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json;
using OrderToCash.UiTests.Rules;

namespace OrderToCash.UiTests.Infrastructure;

/// <summary>
/// Issued invoices for the page tests, made the way the product makes them (API calls only): the cycle's workflows
/// published once, a salesperson's order, sales administration's delivery, then the cycle's invoicing step.
/// </summary>
internal static class UiInvoices
{
    private static readonly SemaphoreSlim Publishing = new(1, 1);

    /// <summary>The dispute and unapplied-cash workflows: a dispute or an unidentified bank entry opens a person's task.</summary>
    private static readonly string[] TaskProcesses = ["dispute", "unapplied-cash"];

    /// <summary>The rule sets an order, its invoice, its reminders and a dispute are decided by.</summary>
    private static readonly string[] CycleRuleSets = ["credit-limit", "payment-terms", "escalation", "dispute-routing"];

    private static readonly string[] RulePublishers = [UiUsers.CreditManager, UiUsers.Quality, UiUsers.ProcessOwner];

    /// <summary>Issues an invoice of one line (<paramref name="unitPrice"/> + 20 % VAT) to <paramref name="customerId"/>; returns its number.</summary>
    public static async Task<string> IssueAsync(UiHost host, string customerId, decimal unitPrice)
    {
        await EnsureCycleAsync(host);
        var order = await RulesApi.PlaceOrderAsync(host, customerId, unitPrice);
        var orderNumber = order.GetProperty("number").GetString()!;
        order.GetProperty("status").GetString().Should().Be("Accepted", $"the order of {customerId} passes its credit check: {order}");
        using var sales = RulesApi.ClientFor(host, UiUsers.SalesAdministration);
        var today = DateOnly.FromDateTime(TimeProvider.System.GetUtcNow().UtcDateTime).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        var delivered = await sales.PostAsJsonAsync(new Uri($"/api/orders/{orderNumber}/delivery", UriKind.Relative), new { deliveredOn = today });
        ((int)delivered.StatusCode).Should().Be(200, await delivered.Content.ReadAsStringAsync());

        using var credit = RulesApi.ClientFor(host, UiUsers.CreditManager);
        var waited = Stopwatch.StartNew();
        while (waited.Elapsed < TimeSpan.FromSeconds(60))
        {
            using var invoices = JsonDocument.Parse(await credit.GetStringAsync(new Uri($"/api/invoices?customer={customerId}", UriKind.Relative)));
            if (invoices.RootElement.EnumerateArray().FirstOrDefault(i => i.GetProperty("orderNumber").GetString() == orderNumber) is { ValueKind: JsonValueKind.Object } invoice)
            {
                return invoice.GetProperty("number").GetString()!;
            }

            await Task.Delay(250);
        }

        throw new TimeoutException($"The cycle did not invoice order {orderNumber} within 60 s.");
    }

    /// <summary>Publishes the cycle's rule sets and workflows once per host (the first test that needs them does it).</summary>
    public static async Task EnsureCycleAsync(UiHost host)
    {
        await Publishing.WaitAsync();
        try
        {
            using var owner = RulesApi.ClientFor(host, UiUsers.ProcessOwner);
            foreach (var ruleSet in CycleRuleSets)
            {
                var latest = await owner.GetAsync(new Uri($"/api/rules/{ruleSet}/latest", UriKind.Relative));
                if (latest.IsSuccessStatusCode)
                {
                    continue;
                }

                var cases = Path.Combine(RepositoryPaths.Rules, "tests", ruleSet + ".json");
                var body = new
                {
                    files = new[] { new { name = ruleSet + ".json", content = RulesApi.Shipped(ruleSet) } },
                    whatIf = File.Exists(cases) ? new[] { new { name = ruleSet + ".json", content = await File.ReadAllTextAsync(cases) } } : [],
                    comment = "Shipped rules",
                };
                // Each rule set is published by the role that owns it (credit manager, quality).
                HttpResponseMessage? response = null;
                foreach (var publisher in RulePublishers)
                {
                    using var client = RulesApi.ClientFor(host, publisher);
                    response = await client.PostAsJsonAsync(new Uri("/api/rules/publish", UriKind.Relative), body);
                    if (response.StatusCode != System.Net.HttpStatusCode.Forbidden)
                    {
                        break;
                    }
                }

                ((int)response!.StatusCode).Should().Be(201, await response.Content.ReadAsStringAsync());
            }

            using var published = JsonDocument.Parse(await owner.GetStringAsync(new Uri("/api/definitions", UriKind.Relative)));
            var processes = published.RootElement.EnumerateArray().Select(d => d.GetProperty("processId").GetString()).ToHashSet();
            if (!processes.Contains("order-to-cash"))
            {
                await RulesApi.PublishCycleWorkflowsAsync(host);
            }

            foreach (var process in TaskProcesses.Where(p => !processes.Contains(p)))
            {
                var xml = await File.ReadAllTextAsync(Path.Combine(RepositoryPaths.Root, "workflows", process + ".bpmn"));
                var response = await owner.PostAsync(new Uri($"/api/definitions?file={process}.bpmn", UriKind.Relative), new StringContent(xml, System.Text.Encoding.UTF8, "application/xml"));
                ((int)response.StatusCode).Should().Be(201, await response.Content.ReadAsStringAsync());
            }
        }
        finally
        {
            Publishing.Release();
        }
    }
}
