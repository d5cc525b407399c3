using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Xml.Linq;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OrderToCash.Core.Infrastructure.Persistence;
using OrderToCash.Core.Invoicing;
using OrderToCash.Engine.Rules.Decisions;

namespace OrderToCash.IntegrationTests.Cycle;

/// <summary>
/// The payment terms are checked by the cycle's business-rule task "Check the payment terms" before the invoice is issued
/// (ADR 0065): a refusal waits in sales administration's correction task with the failed L441-10 rules, the corrected
/// terms are checked again, and each decision is in the decision log of the order, written in its step's transaction.
/// </summary>
public sealed class PaymentTermsCorrectionTests : IAsyncLifetime, IDisposable
{
    private readonly CycleScenario cycle = new();

    public Task InitializeAsync() => cycle.InitializeAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    public void Dispose() => cycle.Dispose();

    [Fact]
    public async Task Refused_terms_wait_in_the_correction_task_with_the_failed_rules_and_the_invoice_is_issued_once_corrected()
    {
        // Terms saved before a stricter rule version, say: the customer master would refuse them today.
        await cycle.SetTermsAsync("C-0001", days: 90);
        var order = await cycle.AcceptedOrderAsync("C-0001", 1m, 100m);

        var delivered = await CycleScenario.BodyAsync(await cycle.DeliverAsync(order), HttpStatusCode.OK);

        delivered.GetProperty("status").GetString().Should().Be("Delivered", "the goods left; the invoice waits for terms the law allows");
        (await cycle.CycleInstanceAsync(order)).IncidentMessage.Should().BeNull();
        (await cycle.CountAsync<Invoice>()).Should().Be(0);
        var task = (await cycle.Orders.TasksAsync("sandra", order)).Should().ContainSingle().Subject;
        task.GetProperty("elementId").GetString().Should().Be("correctTerms");
        task.GetProperty("candidateRole").GetString().Should().Be("SalesAdministration");
        var taskId = task.GetProperty("id").GetString()!;
        var form = await cycle.GetAsync("sandra", $"/api/tasks/{taskId}/form");
        form.GetProperty("context").GetProperty("termsRefusal").GetString().Should().Contain("Agreed terms may not exceed 60 days from the invoice date (L441-10 I, 2nd paragraph).");
        form.GetProperty("context").GetProperty("termDays").GetInt32().Should().Be(90);
        var refused = await TermsDecisionsAsync(order);
        refused.Should().ContainSingle();
        RuleResult(refused[0], "AgreedTermWithin60DaysOfInvoice").Should().BeFalse();

        // Completing the task without correcting the terms asks again: the check runs on the customer master as it is.
        await CompleteAsync(taskId);
        var again = (await cycle.Orders.TasksAsync("sandra", order)).Should().ContainSingle().Subject;
        again.GetProperty("elementId").GetString().Should().Be("correctTerms");
        (await TermsDecisionsAsync(order)).Should().HaveCount(2);

        await CorrectTermsAsync("C-0001", days: 60);
        await CompleteAsync(again.GetProperty("id").GetString()!);

        (await cycle.OrderStatusAsync(order)).Should().Be("Invoiced");
        (await cycle.Orders.TasksAsync("sandra", order)).Should().BeEmpty();
        var invoices = await cycle.GetAsync("claire", "/api/invoices?customer=C-0001");
        var number = invoices.EnumerateArray().Single(i => i.GetProperty("orderNumber").GetString() == order).GetProperty("number").GetString()!;
        var invoice = await cycle.InvoiceAsync(number);
        invoice.GetProperty("invoice").GetProperty("dueDate").GetString().Should().Be("2026-03-06", "60 days from the invoice date of 5 January, the corrected terms");
        var decisions = await TermsDecisionsAsync(order);
        decisions.Should().HaveCount(3);
        decisions.Select(d => RuleResult(d, "AgreedTermWithin60DaysOfInvoice")).Should().Equal(false, false, true);
    }

    [Fact]
    public async Task A_failure_after_the_terms_check_leaves_no_terms_decision_behind()
    {
        var order = await cycle.AcceptedOrderAsync("C-0001", 1m, 1_000m);
        await ExecuteAsync("CREATE TRIGGER fail_invoices BEFORE INSERT ON invoices BEGIN SELECT RAISE(ABORT, 'disk failure'); END;");

        var failed = await cycle.DeliverAsync(order);

        failed.IsSuccessStatusCode.Should().BeFalse();
        (await CountAsync(d => d.RuleSetName == "payment-terms")).Should().Be(0, "the terms decision was written in the transaction that failed");
        (await cycle.OrderStatusAsync(order)).Should().Be("Accepted");

        await ExecuteAsync("DROP TRIGGER fail_invoices;");
        (await cycle.DeliverAsync(order)).StatusCode.Should().Be(HttpStatusCode.OK);

        (await CountAsync(d => d.RuleSetName == "payment-terms" && d.SubjectType == "order" && d.SubjectId == order)).Should().Be(1);
        (await cycle.OrderStatusAsync(order)).Should().Be("Invoiced");
    }

    [Fact]
    public async Task An_instance_of_a_version_without_the_terms_check_stops_before_billing_and_invoices_once_migrated()
    {
        var shipped = await File.ReadAllTextAsync(Path.Combine(RepositoryPaths.Root, "workflows", "order-to-cash.bpmn"));
        var older = await PublishAsync(WithoutTermsCheck(shipped));
        var order = await cycle.AcceptedOrderAsync("C-0001", 1m, 1_000m);

        (await cycle.DeliverAsync(order)).StatusCode.Should().Be(HttpStatusCode.OK);

        var instance = await cycle.CycleInstanceAsync(order);
        instance.Version.Should().Be(older);
        instance.IncidentElementId.Should().Be("issueInvoice");
        instance.IncidentMessage.Should().Contain("without a payment-terms decision").And.Contain("mapping issueInvoice to termsSituation");
        (await cycle.CountAsync<Invoice>()).Should().Be(0, "nothing is billed on terms nobody checked");

        var latest = await PublishAsync(shipped);
        using var owner = cycle.Client("olivia");
        var migrated = await owner.PostAsJsonAsync(new Uri("/api/definitions/order-to-cash/migrations", UriKind.Relative), new
        {
            sourceVersion = older,
            targetVersion = latest,
            mappings = new[] { new { sourceElementId = "issueInvoice", targetElementId = "termsSituation" } },
        });
        migrated.StatusCode.Should().Be(HttpStatusCode.OK, await migrated.Content.ReadAsStringAsync());
        var retried = await owner.PostAsync(new Uri($"/api/instances/{instance.Id}/retry", UriKind.Relative), null);
        retried.StatusCode.Should().Be(HttpStatusCode.OK, await retried.Content.ReadAsStringAsync());

        (await cycle.OrderStatusAsync(order)).Should().Be("Invoiced");
        (await TermsDecisionsAsync(order)).Should().ContainSingle();
    }

    /// <summary>The cycle as it was before ADR 0065: the delivery goes straight to issueInvoice, which gets no terms decision.</summary>
    private static string WithoutTermsCheck(string shipped)
    {
        XNamespace bpmn = "http://www.omg.org/spec/BPMN/20100524/MODEL";
        XNamespace o2c = "https://ordertocash.dev/schema/bpmn";
        string[] removed = ["termsSituation", "termsCheck", "applyTermsCheck", "termsRefusedGateway", "correctTerms",
            "toTermsCheck", "toApplyTermsCheck", "toTermsRefused", "termsPassed", "toCorrectTerms", "toCheckTermsAgain"];
        var xml = XDocument.Parse(shipped);
        xml.Descendants().Where(e => removed.Contains((string?)e.Attribute("id")) || removed.Contains((string?)e.Attribute("bpmnElement"))).Remove();
        xml.Descendants(bpmn + "sequenceFlow").Single(f => (string?)f.Attribute("id") == "toTermsSituation").SetAttributeValue("targetRef", "issueInvoice");
        xml.Descendants(o2c + "input").Where(i => (string?)i.Attribute("name") == "termsDecisionId").Remove();
        return xml.ToString();
    }

    private async Task<int> PublishAsync(string xml)
    {
        using var owner = cycle.Client("olivia");
        var published = await owner.PostAsync(new Uri("/api/definitions?file=order-to-cash.bpmn", UriKind.Relative), new StringContent(xml, System.Text.Encoding.UTF8, "application/xml"));
        var body = await CycleScenario.BodyAsync(published, HttpStatusCode.Created);
        return body.GetProperty("versions").EnumerateArray().Single(v => v.GetProperty("processId").GetString() == "order-to-cash").GetProperty("version").GetInt32();
    }

    private static bool RuleResult(JsonElement decision, string rule) =>
        decision.GetProperty("rules").EnumerateArray().Single(r => r.GetProperty("ruleName").GetString() == rule).GetProperty("isSuccess").GetBoolean();

    private async Task<List<JsonElement>> TermsDecisionsAsync(string order) =>
        [.. (await cycle.GetAsync("sandra", $"/api/decisions/order/{order}")).EnumerateArray()
            .Where(d => d.GetProperty("decision").GetProperty("ruleSetName").GetString() == "payment-terms")
            .OrderBy(d => d.GetProperty("decision").GetProperty("id").GetInt64())];

    private Task CompleteAsync(string taskId) => cycle.CompleteTaskAsync("sandra", taskId, new { comment = "Conditions revues avec le client" });

    /// <summary>Sales administration edits the customer's terms through the customer master API (days from the invoice date, in the contract).</summary>
    private async Task CorrectTermsAsync(string customerId, int days)
    {
        var customer = await cycle.GetAsync("sandra", $"/api/customers/{customerId}");
        var address = customer.GetProperty("billingAddress");
        var draft = new Dictionary<string, object?>
        {
            ["id"] = customerId,
            ["legalName"] = customer.GetProperty("legalName").GetString(),
            ["siren"] = customer.GetProperty("siren").GetString(),
            ["vatNumber"] = customer.GetProperty("vatNumber").GetString(),
            ["addressLine1"] = address.GetProperty("line1").GetString(),
            ["postalCode"] = address.GetProperty("postalCode").GetString(),
            ["city"] = address.GetProperty("city").GetString(),
            ["countryCode"] = address.GetProperty("countryCode").GetString(),
            ["segment"] = customer.GetProperty("segment").GetString(),
            ["salesperson"] = customer.GetProperty("salesperson").GetString(),
            ["paymentTermDays"] = days,
            ["paymentTermBasis"] = "InvoiceDate",
            ["paymentTermsAgreedInContract"] = true,
            ["periodicInvoicing"] = false,
            ["contacts"] = customer.GetProperty("contacts").EnumerateArray()
                .Select(c => new { name = c.GetProperty("name").GetString(), email = c.GetProperty("email").GetString(), role = c.GetProperty("role").GetString() }).ToList(),
            ["riskClass"] = customer.GetProperty("riskClass").GetString(),
            ["insurerCover"] = customer.GetProperty("insurerCover").GetDecimal(),
            // The demo customer's cover has no expiry yet; the master asks for one on any edit.
            ["insurerCoverExpiresOn"] = customer.GetProperty("insurerCoverExpiresOn").GetString() ?? "2026-12-31",
            ["nextReviewOn"] = customer.GetProperty("nextReviewOn").GetString(),
        };
        using var client = cycle.Client("sandra");
        var saved = await client.PutAsJsonAsync(new Uri($"/api/customers/{customerId}", UriKind.Relative), draft);
        saved.StatusCode.Should().Be(HttpStatusCode.OK, await saved.Content.ReadAsStringAsync());
    }

    private async Task ExecuteAsync(string sql)
    {
        await using var db = cycle.Orders.Host.Services.GetRequiredService<Func<OrderToCashDbContext>>()();
        await db.Database.ExecuteSqlRawAsync(sql);
    }

    private async Task<int> CountAsync(System.Linq.Expressions.Expression<Func<DecisionRecord, bool>> where)
    {
        await using var db = cycle.Orders.Host.Services.GetRequiredService<Func<OrderToCashDbContext>>()();
        return await db.Set<DecisionRecord>().CountAsync(where);
    }
}
