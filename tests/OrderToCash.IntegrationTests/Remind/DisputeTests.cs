using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using OrderToCash.Core.Disputes;
using OrderToCash.Core.Invoicing;

namespace OrderToCash.IntegrationTests.Remind;

public sealed class DisputeTests : IAsyncLifetime, IDisposable
{
    private readonly RemindHost host = new();

    public Task InitializeAsync() => host.PublishAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    public void Dispose() => host.Dispose();

    private async Task<JsonElement> RaiseAsync(string user, string invoice, object body)
    {
        var raised = await host.PostAsync(user, $"/api/invoices/{invoice}/disputes", body);
        raised.Status.Should().Be(HttpStatusCode.Created, raised.Body.ToString());
        return raised.Body;
    }

    [Fact]
    public async Task A_partial_dispute_stops_dunning_only_for_its_amount()
    {
        var number = await host.IssueInvoiceAsync("C-0001", 2_400m, new DateOnly(2026, 3, 15));
        await host.AdvanceToAsync(new DateOnly(2026, 3, 20));

        var dispute = await RaiseAsync("cora", number, new { amount = 400m, reasonCode = "PRICE_ERROR", comment = "Discount of 400 EUR not applied" });
        dispute.GetProperty("department").GetString().Should().Be("ADV");
        dispute.GetProperty("route").GetString().Should().Be("PriceError");
        dispute.GetProperty("status").GetString().Should().Be("Open");

        await host.AdvanceToAsync(new DateOnly(2026, 3, 30));

        var formal = (await host.RemindersAsync(number)).Single(r => r.Step == "FormalReminder");
        formal.AmountDue.Should().Be(2_000m, "2,400.00 open − 400.00 disputed");
        formal.Body.Should().Contain("régler 2\u00A0000,00\u00A0€").And.Contain("(400,00\u00A0€) n'est pas réclamée");
        (await host.InvoiceAsync(number)).DisputedAmount.Should().Be(400m);
        (await host.TasksAsync("sabine", dispute.GetProperty("number").GetString()!)).Should().ContainSingle()
            .Which.GetProperty("elementId").GetString().Should().Be("resolveBySalesAdministration");
    }

    [Fact]
    public async Task A_dispute_of_the_whole_open_amount_pauses_the_ladder_and_a_rejection_resumes_it_on_that_amount()
    {
        var number = await host.IssueInvoiceAsync("C-0001", 2_400m, new DateOnly(2026, 3, 15));
        await host.AdvanceToAsync(new DateOnly(2026, 3, 20));
        var dispute = (await RaiseAsync("cora", number, new { amount = 2_400m, reasonCode = "INVOICE_NOT_RECEIVED" })).GetProperty("number").GetString()!;
        await host.AdvanceToAsync(new DateOnly(2026, 4, 2));
        (await host.RemindersAsync(number)).Select(r => r.Step).Should().NotContain("FormalReminder");

        await host.CompleteTaskAsync("sabine", dispute, new { outcome = "Rejected", comment = "Delivered and received, proof on file" });

        var formal = (await host.RemindersAsync(number)).Should().ContainSingle(r => r.Step == "FormalReminder").Subject;
        DateOnly.FromDateTime(formal.CreatedAt.UtcDateTime).Should().Be(new DateOnly(2026, 4, 2), "the resolution tells the dunning workflow to re-plan at once");
        formal.AmountDue.Should().Be(2_400m);
        var resolved = await host.GetAsync("cora", $"/api/disputes/{dispute}");
        resolved.GetProperty("status").GetString().Should().Be("Resolved");
        resolved.GetProperty("outcome").GetString().Should().Be("Rejected");
        resolved.GetProperty("resolvedBy").GetString().Should().Be("sabine");
    }

    [Theory]
    [InlineData("CreditNote", 1_000.00, 400.00)]
    [InlineData("Resend", 1_400.00, 0.00)]
    [InlineData("Rejected", 1_400.00, 0.00)]
    public async Task Each_outcome_releases_the_disputed_amount_and_only_the_credit_note_outcome_credits_the_disputed_part(string outcome, decimal openAfter, decimal credited)
    {
        var number = await host.IssueInvoiceAsync("C-0001", 1_400m, new DateOnly(2026, 3, 15));
        var before = await ExposureAsync("C-0001");
        var dispute = (await RaiseAsync("salesperson", number, new { amount = 400m, reasonCode = "PRICE_ERROR" })).GetProperty("number").GetString()!;

        await host.CompleteTaskAsync("sabine", dispute, new { outcome, comment = "Checked against the price list" });

        var invoice = await host.InvoiceAsync(number);
        invoice.OpenAmount.Should().Be(openAfter);
        invoice.CreditedAmount.Should().Be(credited);
        invoice.DisputedAmount.Should().Be(0m);
        await using var db = host.NewContext();
        var notes = await db.Set<CreditNote>().AsNoTracking().Where(n => n.InvoiceId == invoice.Id).ToListAsync();
        if (credited > 0m)
        {
            var note = notes.Should().ContainSingle().Subject;
            note.Amount.Should().Be(400m);
            note.Number.Should().StartWith("AV-2026-");
            note.DisputeId.Should().Be((await db.Set<Dispute>().AsNoTracking().SingleAsync(d => d.Number == dispute)).Id);
        }
        else
        {
            notes.Should().BeEmpty();
        }

        (await ExposureAsync("C-0001")).Should().Be(before - credited);
        var resolved = await db.Set<Dispute>().AsNoTracking().SingleAsync(d => d.Number == dispute);
        resolved.Outcome.Should().Be(Enum.Parse<DisputeOutcome>(outcome));
        resolved.ResolvedBy.Should().Be("sabine");
        (await host.TasksAsync("sabine", dispute)).Should().BeEmpty();
    }

    [Fact]
    public async Task A_resend_outcome_sends_the_invoice_pdf_again_to_the_customers_accounts_payable_contact_and_records_it()
    {
        var number = await host.IssueInvoiceAsync("C-0001", 1_400m, new DateOnly(2026, 3, 15));
        var dispute = (await RaiseAsync("salesperson", number, new { amount = 400m, reasonCode = "PRICE_ERROR" })).GetProperty("number").GetString()!;

        await host.CompleteTaskAsync("sabine", dispute, new { outcome = "Resend", comment = "The customer never received it" });
        await host.DispatchAsync();

        var sent = Directory.GetFiles(Path.Combine(host.OutboxFolder, "C-0001"), "statement-*.eml").Select(f => MimeKit.MimeMessage.Load(f))
            .Where(m => m.Subject == $"Facture {number} : nouvel envoi").ToList();
        var message = sent.Should().ContainSingle().Subject;
        message.To.Mailboxes.Select(m => m.Address).Should().Equal("comptabilite@boulangeries-durand.example");
        (message.TextBody ?? string.Empty).Should().Contain($"Suite à votre réclamation {dispute}").And.Contain("1\u00A0400,00\u00A0€ TTC");
        var pdf = message.Attachments.OfType<MimeKit.MimePart>().Should().ContainSingle().Subject;
        pdf.ContentType.MimeType.Should().Be("application/pdf");
        pdf.FileName.Should().Contain(number);
        var recorded = (await host.GetAsync("cora", "/api/reminder-statements?customer=C-0001")).EnumerateArray()
            .Where(s => s.GetProperty("step").GetString() == "invoiceResend").Should().ContainSingle().Subject;
        recorded.GetProperty("status").GetString().Should().Be("Sent");
        recorded.GetProperty("invoices").EnumerateArray().Select(i => i.GetString()).Should().Equal(number);

        await host.DispatchAsync();

        Directory.GetFiles(Path.Combine(host.OutboxFolder, "C-0001"), "statement-*.eml").Select(f => MimeKit.MimeMessage.Load(f))
            .Count(m => m.Subject == $"Facture {number} : nouvel envoi").Should().Be(1, "a statement is sent once");
    }

    [Fact]
    public async Task The_form_offers_the_outcomes_and_an_answer_that_is_not_one_is_refused_with_nothing_changed()
    {
        var number = await host.IssueInvoiceAsync("C-0001", 1_400m, new DateOnly(2026, 3, 15));
        var dispute = (await RaiseAsync("cora", number, new { amount = 400m, reasonCode = "PRICE_ERROR" })).GetProperty("number").GetString()!;
        var taskId = (await host.TasksAsync("sabine", dispute)).Should().ContainSingle().Subject.GetProperty("id").GetString();
        using var client = host.Client("sabine");
        (await client.PostAsync(new Uri($"/api/tasks/{taskId}/claim", UriKind.Relative), null)).StatusCode.Should().Be(HttpStatusCode.OK);

        var form = JsonDocument.Parse(await client.GetStringAsync(new Uri($"/api/tasks/{taskId}/form", UriKind.Relative))).RootElement;
        var outcome = form.GetProperty("fields").EnumerateArray().Single(f => f.GetProperty("name").GetString() == "outcome");
        outcome.GetProperty("choices").EnumerateArray().Select(c => c.GetString()).Should().Equal("CreditNote", "CorrectedInvoice", "Resend", "Rejected");
        form.GetProperty("fields").EnumerateArray().Single(f => f.GetProperty("name").GetString() == "comment").GetProperty("choices").ValueKind.Should().Be(JsonValueKind.Null);

        foreach (var answer in new[] { "Answered", "creditnote" })
        {
            var refused = await client.PostAsJsonAsync(new Uri($"/api/tasks/{taskId}/complete", UriKind.Relative), new { outputs = new { outcome = answer, comment = "?" } });
            refused.StatusCode.Should().Be(HttpStatusCode.UnprocessableEntity);
            (await refused.Content.ReadAsStringAsync()).Should().Contain($"'{answer}' is not a value of 'outcome': answer one of CreditNote, CorrectedInvoice, Resend, Rejected.");
        }

        await host.DispatchAsync();
        (await host.GetAsync("cora", $"/api/disputes/{dispute}")).GetProperty("status").GetString().Should().Be("Open");
        (await host.TasksAsync("sabine", dispute)).Should().ContainSingle().Which.GetProperty("assignee").GetString().Should().Be("sabine", "the task stays with its assignee");
        (await host.InvoiceAsync(number)).DisputedAmount.Should().Be(400m);
        var completed = await client.PostAsJsonAsync(new Uri($"/api/tasks/{taskId}/complete", UriKind.Relative), new { outputs = new { outcome = "Rejected", comment = "Price as agreed" } });
        completed.StatusCode.Should().Be(HttpStatusCode.OK, await completed.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task The_routing_rules_give_each_department_its_role_and_an_overdue_dispute_is_escalated_without_taking_the_task_away()
    {
        var number = await host.IssueInvoiceAsync("C-0001", 2_400m, new DateOnly(2026, 3, 15));
        var quality = await RaiseAsync("cora", number, new { amount = 300m, reasonCode = "DAMAGED_OR_QUALITY" });
        quality.GetProperty("department").GetString().Should().Be("Quality");
        var qualityNumber = quality.GetProperty("number").GetString()!;
        (await host.TasksAsync("quentin", qualityNumber)).Should().ContainSingle().Which.GetProperty("elementId").GetString().Should().Be("resolveByQuality");
        // PRICE_ERROR: ADV, 10 days (rules/dispute-routing.json).
        var price = (await RaiseAsync("cora", number, new { amount = 200m, reasonCode = "PRICE_ERROR" })).GetProperty("number").GetString()!;

        // Raised on 2 March at 08:00: the SLA elapses on 12 March at 08:00.
        await host.AdvanceToAsync(new DateOnly(2026, 3, 11));
        (await host.GetAsync("cora", $"/api/disputes/{price}")).GetProperty("escalatedAt").ValueKind.Should().Be(JsonValueKind.Null, "the SLA runs ten days");
        await host.AdvanceToAsync(new DateOnly(2026, 3, 12));

        var escalated = await host.GetAsync("cora", $"/api/disputes/{price}");
        escalated.GetProperty("escalatedAt").ValueKind.Should().Be(JsonValueKind.String);
        escalated.GetProperty("creditManagerAttention").GetBoolean().Should().BeTrue();
        (await host.TasksAsync("claire", price)).Should().ContainSingle().Which.GetProperty("elementId").GetString().Should().Be("followUp");
        (await host.TasksAsync("sabine", price)).Should().ContainSingle("the non-interrupting SLA timer leaves the owner's task");

        await host.CompleteTaskAsync("sabine", price, new { outcome = "CreditNote", comment = "Late, but right" });

        (await host.TasksAsync("claire", price)).Should().BeEmpty("closing the dispute ends its follow-up too");
        (await host.GetAsync("cora", $"/api/disputes/{price}")).GetProperty("status").GetString().Should().Be("Resolved");
    }

    [Theory]
    [InlineData(0, "PRICE_ERROR", "amount")]
    [InlineData(-5, "PRICE_ERROR", "amount")]
    [InlineData(2_400.01, "PRICE_ERROR", "amount")]
    [InlineData(100, "NOT_A_REASON", "reasonCode")]
    public async Task A_bad_dispute_is_refused_with_its_reason_and_nothing_is_written(decimal amount, string reasonCode, string field)
    {
        var number = await host.IssueInvoiceAsync("C-0001", 2_400m, new DateOnly(2026, 3, 15));

        var refused = await host.PostAsync("cora", $"/api/invoices/{number}/disputes", new { amount, reasonCode });

        refused.Status.Should().Be(HttpStatusCode.UnprocessableEntity);
        refused.Body.GetProperty("errors").TryGetProperty(field, out _).Should().BeTrue(refused.Body.ToString());
        await using var db = host.NewContext();
        (await db.Set<Dispute>().CountAsync()).Should().Be(0);
        (await host.InvoiceAsync(number)).DisputedAmount.Should().Be(0m);
    }

    [Fact]
    public async Task A_second_dispute_may_not_exceed_what_is_open_and_not_yet_disputed()
    {
        var number = await host.IssueInvoiceAsync("C-0001", 1_000m, new DateOnly(2026, 3, 15));
        await RaiseAsync("cora", number, new { amount = 700m, reasonCode = "PRICE_ERROR" });

        var refused = await host.PostAsync("cora", $"/api/invoices/{number}/disputes", new { amount = 300.01m, reasonCode = "WRONG_ITEM" });

        refused.Status.Should().Be(HttpStatusCode.UnprocessableEntity);
        refused.Body.GetProperty("title").GetString().Should().Contain("300.00 EUR");
        (await host.InvoiceAsync(number)).DisputedAmount.Should().Be(700m);
    }

    [Fact]
    public async Task A_failure_after_the_dispute_is_inserted_leaves_neither_the_dispute_nor_its_workflow_and_a_new_attempt_is_routed_once()
    {
        var number = await host.IssueInvoiceAsync("C-0001", 1_400m, new DateOnly(2026, 3, 15));
        await using (var db = host.NewContext())
        {
            // The dispute workflow's instance row is written after the dispute, its routing and the invoice's disputed amount.
            await db.Database.ExecuteSqlRawAsync("CREATE TRIGGER fail_disputes BEFORE INSERT ON wf_instances WHEN NEW.ProcessId = 'dispute' BEGIN SELECT RAISE(ABORT, 'disk failure'); END;");
        }

        var failed = await host.PostAsync("cora", $"/api/invoices/{number}/disputes", new { amount = 400m, reasonCode = "WRONG_ITEM" });

        failed.Status.Should().NotBe(HttpStatusCode.Created);
        await using (var db = host.NewContext())
        {
            (await db.Set<Dispute>().CountAsync()).Should().Be(0, "the dispute went with its workflow");
            (await db.Set<Engine.Durable.Storage.InstanceRecord>().CountAsync(i => i.ProcessId == "dispute")).Should().Be(0);
            await db.Database.ExecuteSqlRawAsync("DROP TRIGGER fail_disputes;");
        }

        (await host.InvoiceAsync(number)).DisputedAmount.Should().Be(0m);
        var dispute = await RaiseAsync("cora", number, new { amount = 400m, reasonCode = "WRONG_ITEM" });
        dispute.GetProperty("department").GetString().Should().Be("Logistics", "routed in the transaction that raised it");
        (await host.TasksAsync("sabine", dispute.GetProperty("number").GetString()!)).Should().ContainSingle();
        await using var check = host.NewContext();
        (await check.Set<Engine.Durable.Storage.InstanceRecord>().CountAsync(i => i.ProcessId == "dispute")).Should().Be(1);
    }

    private async Task<decimal> ExposureAsync(string customerId) =>
        (await host.GetAsync("claire", $"/api/customers/{customerId}")).GetProperty("exposure").GetProperty("total").GetDecimal();
}
