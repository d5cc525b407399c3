using OrderToCash.Core;
using OrderToCash.Core.Customers;
using OrderToCash.Core.Disputes;
using OrderToCash.Core.Dunning;
using OrderToCash.Core.Invoicing;

namespace OrderToCash.Tests.Dunning;

public sealed class ReminderRendererTests
{
    private static readonly DateTimeOffset Now = new(2026, 3, 30, 6, 0, 0, TimeSpan.Zero);

    private static Invoice Invoice(decimal gross = 2_400m) => new()
    {
        Number = "FA-2026-000001", CustomerId = "C-0001", Currency = "EUR", IssueDate = new(2026, 1, 30), DeliveryDate = new(2026, 1, 29),
        DueDate = new(2026, 3, 15), PaymentTermsText = "45 days", NetAmount = gross / 1.2m, VatAmount = gross - (gross / 1.2m), GrossAmount = gross,
        Segment = "Standard", Salesperson = "salesperson", ProductFamily = "General", SellerSiren = "552100554", SellerVatNumber = "FR40552100554",
        CustomerSiren = "261973069", CustomerVatNumber = "FR12261973069", PenaltyClause = "ECB rate + 10 points", RecoveryIndemnity = 40m,
    };

    private static readonly Customer Customer = new()
    {
        Id = "C-0001", LegalName = "Boulangeries Durand SAS", Siren = "261973069", VatNumber = "FR12261973069",
        BillingAddress = new Address("12 rue des Lilas", null, "69003", "Lyon", "FR"), Segment = "Standard", Salesperson = "salesperson",
        PaymentTerms = PaymentTerms.LegalDefault, RiskClass = "B",
    };

    private static readonly OrderToCash.Engine.Rules.Decisions.DecisionRecord Record = new()
    {
        SubjectType = "invoice", SubjectId = "F-1", RuleSetName = "escalation", ContentHash = "hash", InputsJson = "{}", ResultsJson = "[]",
    };

    private static ReminderDecision Decision(string step, int level, decimal? rate = 12.15m) => new(step, false, rate, 40m, 1, Record) { Level = level };

    [Fact]
    public void The_formal_reminder_is_an_email_asking_for_the_dunnable_amount_with_the_penalty_rate_and_the_indemnity()
    {
        var invoice = Invoice();
        invoice.DisputeOpened(Money.Euros(400m));

        var reminder = ReminderRenderer.Render(invoice, Customer, "FormalReminder", Decision("FormalReminder", 3), Now);

        reminder.Channel.Should().Be(ReminderChannelKind.Email);
        reminder.AmountDue.Should().Be(2_000m);
        reminder.Level.Should().Be(3);
        reminder.Body.Should().Contain("régler 2\u00A0000,00\u00A0€").And.Contain("taux annuel de 12,15 %").And.Contain("40,00\u00A0€").And.Contain("(400,00\u00A0€) n'est pas réclamée");
        reminder.PenaltyRatePercent.Should().Be(12.15m);
    }

    [Fact]
    public void Without_a_rate_from_the_rules_the_reminder_quotes_the_clause_printed_on_the_invoice()
    {
        var reminder = ReminderRenderer.Render(Invoice(), Customer, "FinalNotice", Decision("FinalNotice", 4, rate: null), Now);

        reminder.Channel.Should().Be(ReminderChannelKind.Letter);
        reminder.Recipient.Should().Be("Boulangeries Durand SAS, 12 rue des Lilas, 69003 Lyon");
        reminder.Body.Should().Contain("au taux figurant sur la facture (ECB rate + 10 points)");
    }

    [Fact]
    public void The_cordial_call_is_a_phone_task_for_the_invoice_salesperson()
    {
        var reminder = ReminderRenderer.Render(Invoice(), Customer, DunningWorkflow.SalespersonCall, Decision(DunningWorkflow.SalespersonCall, 2), Now);

        reminder.Channel.Should().Be(ReminderChannelKind.PhoneTask);
        reminder.Recipient.Should().Be("salesperson");
        reminder.Subject.Should().Be("Appeler Boulangeries Durand SAS au sujet de la facture FA-2026-000001");
    }

    [Theory]
    [InlineData("Refusée", EInvoicingStatus.Refusee)]
    [InlineData("en litige", EInvoicingStatus.EnLitige)]
    [InlineData("Encaissee", EInvoicingStatus.Encaissee)]
    public void Lifecycle_statuses_are_read_by_their_code_or_their_french_label(string text, EInvoicingStatus expected)
    {
        EInvoicingIntake.TryParseStatus(text, out var status).Should().BeTrue();
        status.Should().Be(expected);
    }

    [Theory]
    [InlineData("3")]
    [InlineData("Perdue")]
    [InlineData("")]
    [InlineData(null)]
    public void A_number_or_an_unknown_word_is_not_a_lifecycle_status(string? text) =>
        EInvoicingIntake.TryParseStatus(text, out _).Should().BeFalse();
}
