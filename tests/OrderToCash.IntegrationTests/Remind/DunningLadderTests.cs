using Microsoft.EntityFrameworkCore;
using OrderToCash.Core.Dunning;
using OrderToCash.Engine.Durable.Storage;

namespace OrderToCash.IntegrationTests.Remind;

public sealed class DunningLadderTests : IAsyncLifetime, IDisposable
{
    private readonly RemindHost host = new();

    public Task InitializeAsync() => host.PublishAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    public void Dispose() => host.Dispose();

    /// <summary>
    /// Due 15 March 2026. Thresholds of rules/escalation.json: pre-due at due − 7; the salesperson's call from due + 1 at the
    /// first unpaid item; formal at + 15 / 21 / 10, final at + 45 / 60 / 30, legal at + 75 / 90 / 60 (Standard / Key / Small).
    /// </summary>
    [Theory]
    [InlineData("C-0001", "2026-03-30", "2026-04-29", "2026-05-29")]
    [InlineData("C-0002", "2026-04-05", "2026-05-14", "2026-06-13")]
    [InlineData("C-0003", "2026-03-25", "2026-04-14", "2026-05-14")]
    public async Task Each_step_of_the_ladder_is_written_once_on_the_day_the_segment_rules_make_it_due(string customerId, string formal, string final, string legal)
    {
        var due = new DateOnly(2026, 3, 15);
        var number = await host.IssueInvoiceAsync(customerId, 2_400m, due);

        await host.AdvanceToAsync(new DateOnly(2026, 6, 20));

        var reminders = await host.RemindersAsync(number);
        reminders.Select(r => (r.Step, Day: DateOnly.FromDateTime(r.CreatedAt.UtcDateTime))).Should().Equal(
            ("PreDueNotice", new DateOnly(2026, 3, 8)),
            ("SalespersonCordialCall", new DateOnly(2026, 3, 16)),
            ("FormalReminder", DateOnly.Parse(formal, System.Globalization.CultureInfo.InvariantCulture)),
            ("FinalNotice", DateOnly.Parse(final, System.Globalization.CultureInfo.InvariantCulture)),
            ("LegalHandOver", DateOnly.Parse(legal, System.Globalization.CultureInfo.InvariantCulture)));
        reminders.Select(r => r.Channel).Should().Equal(
            ReminderChannelKind.Email, ReminderChannelKind.PhoneTask, ReminderChannelKind.Email, ReminderChannelKind.Letter, ReminderChannelKind.Letter);
        reminders.Should().OnlyContain(r => r.AmountDue == 2_400m && r.Status == ReminderDeliveryStatus.Delivered);
        (await host.InvoiceAsync(number)).ReminderLevel.Should().Be(5);
        // After the hand-over the credit manager has the legal task and the loop sleeps no more.
        (await host.TasksAsync("claire", number)).Should().ContainSingle().Which.GetProperty("elementId").GetString().Should().Be("handOver");
    }

    [Fact]
    public async Task Each_reminder_step_is_chosen_by_an_escalation_decision_recorded_against_the_invoice_on_its_day()
    {
        var number = await host.IssueInvoiceAsync("C-0001", 2_400m, new DateOnly(2026, 3, 15));

        await host.AdvanceToAsync(new DateOnly(2026, 5, 1));

        var reminders = await host.RemindersAsync(number);
        reminders.Select(r => r.Step).Should().Equal("PreDueNotice", "SalespersonCordialCall", "FormalReminder", "FinalNotice");
        var decisions = (await host.GetAsync("cora", $"/api/decisions/invoice/{number}")).EnumerateArray()
            .Where(d => d.GetProperty("decision").GetProperty("ruleSetName").GetString() == "escalation").ToList();
        foreach (var reminder in reminders)
        {
            var day = DateOnly.FromDateTime(reminder.CreatedAt.UtcDateTime);
            decisions.Should().Contain(
                d => DateOnly.FromDateTime(d.GetProperty("decision").GetProperty("evaluatedAt").GetDateTimeOffset().UtcDateTime) == day
                     && d.GetProperty("rules").EnumerateArray().Any(r => r.GetProperty("ruleName").GetString() == reminder.Step && r.GetProperty("isSuccess").GetBoolean()),
                $"the business-rule task 'chooseStep' recorded the decision that made {reminder.Step} due on {day:yyyy-MM-dd}");
        }

        await using var db = host.NewContext();
        var visited = await db.Set<ElementVisitRecord>().AsNoTracking().Where(v => v.ProcessId == "dunning" && v.ElementId == "chooseStep").CountAsync();
        visited.Should().Be(decisions.Count, "each decision is the business-rule task's, one per visit");
    }

    [Fact]
    public async Task The_formal_reminder_states_the_penalty_rate_and_the_40_euro_indemnity_and_lands_in_the_outbox_folder()
    {
        var number = await host.IssueInvoiceAsync("C-0001", 2_400m, new DateOnly(2026, 3, 15));

        await host.AdvanceToAsync(new DateOnly(2026, 3, 30));

        var formal = (await host.RemindersAsync(number)).Single(r => r.Step == "FormalReminder");
        formal.Body.Should().Contain("taux annuel de 12,15 %").And.Contain("40,00\u00A0€").And.Contain("régler 2\u00A0400,00\u00A0€");
        // E-mailed steps leave as the customer's statement (relevé): one .eml per statement in the folder channel.
        var statements = Directory.GetFiles(Path.Combine(host.OutboxFolder, "C-0001"), "statement-*.eml")
            .Select(f => MimeKit.MimeMessage.Load(f)).ToList();
        statements.Should().ContainSingle(m => (m.TextBody ?? string.Empty).Contains("taux annuel de 12,15 %", StringComparison.Ordinal)
            && (m.TextBody ?? string.Empty).Contains(number, StringComparison.Ordinal));
        var call = (await host.RemindersAsync(number)).Single(r => r.Step == "SalespersonCordialCall");
        call.Recipient.Should().Be("salesperson");
        var letter = await host.GetAsync("cora", $"/api/reminders?invoice={number}");
        letter.GetArrayLength().Should().Be(3);
    }

    [Fact]
    public async Task Another_salesperson_neither_sees_nor_can_claim_the_call_about_a_customer_who_is_not_theirs()
    {
        var number = await host.IssueInvoiceAsync("C-0001", 2_400m, new DateOnly(2026, 3, 15));
        await host.AdvanceToAsync(new DateOnly(2026, 3, 17));
        var task = (await host.TasksAsync("salesperson", number)).Should().ContainSingle("C-0001 is the account of 'salesperson'").Subject;

        (await host.TasksAsync("sam", number)).Should().BeEmpty("sam is a salesperson too, but not C-0001's");
        using var sam = host.Client("sam");
        var claim = await sam.PostAsync(new Uri($"/api/tasks/{task.GetProperty("id").GetString()}/claim", UriKind.Relative), null);
        claim.StatusCode.Should().Be(System.Net.HttpStatusCode.NotFound);
        (await sam.GetAsync(new Uri($"/api/tasks/{task.GetProperty("id").GetString()}/form", UriKind.Relative))).StatusCode.Should().Be(System.Net.HttpStatusCode.NotFound);
        (await host.TasksAsync("salesperson", number)).Single().GetProperty("status").GetString().Should().Be("Open", "the refused claim changed nothing");
    }

    [Fact]
    public async Task The_salesperson_records_the_reason_for_the_delay_and_an_unknown_reason_is_asked_again()
    {
        var number = await host.IssueInvoiceAsync("C-0001", 2_400m, new DateOnly(2026, 3, 15));
        await host.AdvanceToAsync(new DateOnly(2026, 3, 17));

        await host.CompleteTaskAsync("salesperson", number, new { lateReason = "PRICE_ERROR", comment = "Says the price is wrong" });
        (await host.InvoiceAsync(number)).LatePaymentReason.Should().BeNull("a dispute reason is not a late-payment reason");
        (await host.TasksAsync("salesperson", number)).Should().ContainSingle("the call task is asked again");

        await host.CompleteTaskAsync("salesperson", number, new { lateReason = "APPROVAL_DELAY_AT_CUSTOMER", comment = "Stuck at their accounts payable" });

        (await host.InvoiceAsync(number)).LatePaymentReason.Should().Be("APPROVAL_DELAY_AT_CUSTOMER");
        (await host.TasksAsync("salesperson", number)).Should().BeEmpty();
        await host.AdvanceToAsync(new DateOnly(2026, 3, 30));
        (await host.RemindersAsync(number)).Select(r => r.Step).Should().Contain("FormalReminder", "the ladder goes on after the call");
    }

    [Fact]
    public async Task A_settled_invoice_ends_its_dunning_workflow_without_further_reminders()
    {
        var number = await host.IssueInvoiceAsync("C-0001", 2_400m, new DateOnly(2026, 3, 15));
        await host.AdvanceToAsync(new DateOnly(2026, 3, 9));
        await using (var db = host.NewContext())
        {
            var invoice = await db.Set<Core.Invoicing.Invoice>().SingleAsync(i => i.Number == number);
            invoice.ApplyPayment(Core.Money.Euros(2_400m), host.Today);
            await db.SaveChangesAsync();
        }

        // The domain's settlement message (an API client may not post it: ADR 0093).
        await host.SendSettledAsync(number);
        await host.AdvanceToAsync(new DateOnly(2026, 4, 30));

        (await host.RemindersAsync(number)).Select(r => r.Step).Should().Equal("PreDueNotice");
        await using var check = host.NewContext();
        var instance = await check.Set<InstanceRecord>().AsNoTracking().SingleAsync(i => i.BusinessKey == number);
        instance.Status.Should().Be("Completed");
    }

    [Fact]
    public async Task A_settlement_while_the_salesperson_has_not_called_yet_withdraws_the_call_and_ends_the_loop()
    {
        var number = await host.IssueInvoiceAsync("C-0001", 2_400m, new DateOnly(2026, 3, 15));
        await host.AdvanceToAsync(new DateOnly(2026, 3, 17));
        (await host.TasksAsync("salesperson", number)).Should().ContainSingle();
        await using (var db = host.NewContext())
        {
            (await db.Set<Core.Invoicing.Invoice>().SingleAsync(i => i.Number == number)).ApplyPayment(Core.Money.Euros(2_400m), host.Today);
            await db.SaveChangesAsync();
        }

        await host.SendSettledAsync(number);

        (await host.TasksAsync("salesperson", number)).Should().BeEmpty();
        await using var check = host.NewContext();
        (await check.Set<InstanceRecord>().AsNoTracking().SingleAsync(i => i.BusinessKey == number)).Status.Should().Be("Completed");
    }
}
