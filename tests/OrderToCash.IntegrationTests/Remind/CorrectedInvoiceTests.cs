using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Xml.Linq;
using Microsoft.EntityFrameworkCore;
using OrderToCash.Core.Invoicing;
using OrderToCash.IntegrationTests.Documents;
using PdfSharp.Pdf.IO;

namespace OrderToCash.IntegrationTests.Remind;

/// <summary>
/// The dispute outcome CorrectedInvoice (facture rectificative): the owner gives the corrected total; a credit note
/// cancels the invoice and a corrected invoice of that total replaces it, linked both ways, sent with both PDFs.
/// Hand computation (one 20 % rate, as the invoice's amounts imply): the invoice bills 1,400.00 = 1,166.67 + 233.33 VAT;
/// the credit note cancels 1,400.00; the corrected invoice bills 1,000.00 = 833.33 (1,000 × 100 / 120 = 833.333…) +
/// 166.67 VAT; the exposure falls by 1,400.00 − 1,000.00 = 400.00.
/// </summary>
public sealed class CorrectedInvoiceTests : IAsyncLifetime, IDisposable
{
    private static readonly XNamespace Rsm = "urn:un:unece:uncefact:data:standard:CrossIndustryInvoice:100";
    private static readonly XNamespace Ram = "urn:un:unece:uncefact:data:standard:ReusableAggregateBusinessInformationEntity:100";
    private readonly RemindHost host = new();

    public Task InitializeAsync() => host.PublishAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    public void Dispose() => host.Dispose();

    [Fact]
    public async Task A_corrected_invoice_outcome_issues_the_credit_note_and_the_corrected_invoice_linked_both_ways_with_their_factur_x_and_sends_both()
    {
        var (number, dispute, taskId) = await ClaimedDisputeAsync();
        var exposureBefore = await ExposureAsync();

        var completed = await CompleteAsync(taskId, new { outcome = "CorrectedInvoice", comment = "Agreed price 1,000.00 incl. VAT", correctedAmount = 1_000.00m });
        completed.Should().Be(HttpStatusCode.OK);
        await host.DispatchAsync();

        await using var db = host.NewContext();
        var original = await db.Set<Invoice>().AsNoTracking().SingleAsync(i => i.Number == number);
        var note = await db.Set<CreditNote>().AsNoTracking().SingleAsync(n => n.InvoiceId == original.Id);
        var corrected = await db.Set<Invoice>().AsNoTracking().SingleAsync(i => i.CorrectsInvoiceNumber == number);
        note.Amount.Should().Be(1_400.00m, "the credit note cancels what the invoice billed");
        note.Number.Should().StartWith("AV-2026-");
        note.Reason.Should().Contain(dispute).And.Contain($"remplacée par la facture rectificative {corrected.Number}");
        original.OpenAmount.Should().Be(0m);
        original.SettledOn.Should().Be(host.Today);
        corrected.Number.Should().MatchRegex(@"^FA-2026-\d{6}$", "numbered in the invoice series");
        corrected.Number.Should().NotBe(number);
        corrected.CorrectionCreditNoteNumber.Should().Be(note.Number);
        (corrected.GrossAmount, corrected.NetAmount, corrected.VatAmount).Should().Be((1_000.00m, 833.33m, 166.67m));
        corrected.OpenAmount.Should().Be(1_000.00m);
        corrected.IssueDate.Should().Be(host.Today);
        (await ExposureAsync()).Should().Be(exposureBefore - 400.00m);

        // Linked both ways, in the invoice views (the customer's portal reads the same).
        var originalView = await host.GetAsync("cora", $"/api/invoices/{number}");
        originalView.GetProperty("creditNotes").EnumerateArray().Select(n => n.GetProperty("number").GetString()).Should().Equal(note.Number);
        originalView.GetProperty("correction").GetProperty("correctedByInvoiceNumbers").EnumerateArray().Select(n => n.GetString()).Should().Equal(corrected.Number);
        var correctedView = (await host.GetAsync("cora", $"/api/invoices/{corrected.Number}")).GetProperty("correction");
        correctedView.GetProperty("correctsInvoiceNumber").GetString().Should().Be(number);
        correctedView.GetProperty("correctionCreditNoteNumber").GetString().Should().Be(note.Number);

        // Its Factur-X: a corrected invoice (384) referring to the invoice it corrects, totals equal to the ledger.
        var xml = await FacturXAsync(corrected.Number);
        FacturXDocumentTests.Validate(xml).Should().BeEmpty("the XML follows the CII D16B schema");
        var parsed = XDocument.Parse(Encoding.UTF8.GetString(xml));
        parsed.Root!.Element(Rsm + "ExchangedDocument")!.Element(Ram + "TypeCode")!.Value.Should().Be("384");
        parsed.Descendants(Ram + "InvoiceReferencedDocument").Single().Element(Ram + "IssuerAssignedID")!.Value.Should().Be(number);
        var totals = parsed.Descendants(Ram + "SpecifiedTradeSettlementHeaderMonetarySummation").Single();
        totals.Element(Ram + "TaxBasisTotalAmount")!.Value.Should().Be("833.33");
        totals.Element(Ram + "TaxTotalAmount")!.Value.Should().Be("166.67");
        totals.Element(Ram + "GrandTotalAmount")!.Value.Should().Be("1000.00");
        totals.Element(Ram + "DuePayableAmount")!.Value.Should().Be("1000.00");

        // Sent to the accounts-payable contact with the credit note and the corrected invoice attached.
        var sent = Directory.GetFiles(Path.Combine(host.OutboxFolder, "C-0001"), "statement-*.eml").Select(f => MimeKit.MimeMessage.Load(f))
            .Where(m => m.Subject == $"Facture {number} : facture rectificative {corrected.Number}").ToList();
        var message = sent.Should().ContainSingle().Subject;
        message.To.Mailboxes.Select(m => m.Address).Should().Equal("comptabilite@boulangeries-durand.example");
        (message.TextBody ?? string.Empty).Should().Contain($"annulée par l'avoir {note.Number} de 1\u00A0400,00\u00A0€ TTC")
            .And.Contain($"facture rectificative {corrected.Number} de 1\u00A0000,00\u00A0€ TTC");
        message.Attachments.OfType<MimeKit.MimePart>().Select(a => a.FileName).Should().Equal($"{note.Number}.pdf", $"{corrected.Number}.pdf");
    }

    [Fact]
    public async Task The_dunning_of_the_invoice_goes_on_with_its_corrected_invoice_on_the_corrected_amount()
    {
        var (number, _, taskId) = await ClaimedDisputeAsync();
        (await CompleteAsync(taskId, new { outcome = "CorrectedInvoice", correctedAmount = 1_000.00m })).Should().Be(HttpStatusCode.OK);
        await host.DispatchAsync();
        var corrected = await CorrectedAsync(number);

        await host.AdvanceToAsync(corrected.DueDate.AddDays(20));

        var reminders = await host.RemindersAsync(corrected.Number);
        reminders.Should().NotBeEmpty("the invoice's dunning reminds the corrected invoice once it is due");
        reminders.Should().OnlyContain(r => r.AmountDue == 1_000.00m);
        (await host.RemindersAsync(number)).Where(r => r.CreatedAt > RemindHost.Start.AddDays(1)).Should().BeEmpty("the cancelled invoice is no longer reminded");
    }

    [Theory]
    [InlineData("CorrectedInvoice", null, "correctedAmount")]
    [InlineData("CorrectedInvoice", "1000000000.01", "above the largest amount")]
    [InlineData("CorrectedInvoice", "999.999", "more than two decimals")]
    [InlineData("CorrectedInvoice", "0", "positive amount")]
    [InlineData("CorrectedInvoice", "1400.00", "must be below what")]
    [InlineData("CorrectedInvoice", "\"mille euros\"", "must be an amount")]
    [InlineData("Resend", "1000.00", "only for the outcome CorrectedInvoice")]
    public async Task A_bad_corrected_amount_is_refused_with_422_and_changes_nothing(string outcome, string? amountJson, string expected)
    {
        var (number, dispute, taskId) = await ClaimedDisputeAsync();

        using var client = host.Client("sabine");
        var outputs = amountJson is null
            ? $$$"""{"outputs":{"outcome":"{{{outcome}}}","comment":"x"}}"""
            : $$$"""{"outputs":{"outcome":"{{{outcome}}}","comment":"x","correctedAmount":{{{amountJson}}}}}""";
        var response = await client.PostAsync(new Uri($"/api/tasks/{taskId}/complete", UriKind.Relative), new StringContent(outputs, Encoding.UTF8, "application/json"));

        response.StatusCode.Should().Be(HttpStatusCode.UnprocessableEntity);
        JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("title").GetString().Should().Contain(expected);
        await host.DispatchAsync();
        (await host.GetAsync("cora", $"/api/disputes/{dispute}")).GetProperty("status").GetString().Should().Be("Open");
        (await host.TasksAsync("sabine", dispute)).Should().ContainSingle().Which.GetProperty("id").GetString().Should().Be(taskId);
        await using var db = host.NewContext();
        (await db.Set<CreditNote>().CountAsync()).Should().Be(0);
        (await db.Set<Invoice>().CountAsync(i => i.CorrectsInvoiceNumber != null)).Should().Be(0);
        (await host.InvoiceAsync(number)).OpenAmount.Should().Be(1_400.00m);
    }

    [Fact]
    public async Task Completing_the_task_twice_or_restarting_after_it_issues_one_corrected_invoice_and_one_credit_note()
    {
        var (number, _, taskId) = await ClaimedDisputeAsync();
        (await CompleteAsync(taskId, new { outcome = "CorrectedInvoice", correctedAmount = 1_000.00m })).Should().Be(HttpStatusCode.OK);

        (await CompleteAsync(taskId, new { outcome = "CorrectedInvoice", correctedAmount = 900.00m })).Should().Be(HttpStatusCode.Conflict);
        await host.RestartAsync();
        await host.DispatchAsync();

        await using var db = host.NewContext();
        (await db.Set<Invoice>().CountAsync(i => i.CorrectsInvoiceNumber == number)).Should().Be(1);
        (await db.Set<CreditNote>().CountAsync()).Should().Be(1);
        (await CorrectedAsync(number)).GrossAmount.Should().Be(1_000.00m);
        (await db.Set<Core.Dunning.ReminderStatement>().CountAsync(s => s.Step == Core.Dunning.ReminderStatement.InvoiceCorrectionStep)).Should().Be(1);
    }

    [Fact]
    public async Task An_invoice_with_a_payment_on_it_is_not_replaced_the_owner_is_told_to_credit_the_difference()
    {
        var (number, _, taskId) = await ClaimedDisputeAsync();
        await using (var db = host.NewContext())
        {
            var invoice = await db.Set<Invoice>().SingleAsync(i => i.Number == number);
            invoice.ApplyPayment(Core.Money.Euros(100m), host.Today);
            await db.SaveChangesAsync();
        }

        using var client = host.Client("sabine");
        var response = await client.PostAsJsonAsync(new Uri($"/api/tasks/{taskId}/complete", UriKind.Relative), new { outputs = new { outcome = "CorrectedInvoice", correctedAmount = 1_000.00m } });

        response.StatusCode.Should().Be(HttpStatusCode.UnprocessableEntity);
        (await response.Content.ReadAsStringAsync()).Should().Contain("100.00 EUR paid").And.Contain("Answer CreditNote");
    }

    private async Task<(string Invoice, string Dispute, string TaskId)> ClaimedDisputeAsync()
    {
        var number = await host.IssueInvoiceAsync("C-0001", 1_400m, new DateOnly(2026, 3, 15));
        var raised = await host.PostAsync("cora", $"/api/invoices/{number}/disputes", new { amount = 400m, reasonCode = "PRICE_ERROR", comment = "Agreed price not applied" });
        raised.Status.Should().Be(HttpStatusCode.Created, raised.Body.ToString());
        var dispute = raised.Body.GetProperty("number").GetString()!;
        var taskId = (await host.TasksAsync("sabine", dispute)).Should().ContainSingle().Subject.GetProperty("id").GetString()!;
        using var client = host.Client("sabine");
        (await client.PostAsync(new Uri($"/api/tasks/{taskId}/claim", UriKind.Relative), null)).StatusCode.Should().Be(HttpStatusCode.OK);
        return (number, dispute, taskId);
    }

    private async Task<HttpStatusCode> CompleteAsync(string taskId, object outputs)
    {
        using var client = host.Client("sabine");
        var response = await client.PostAsJsonAsync(new Uri($"/api/tasks/{taskId}/complete", UriKind.Relative), new { outputs });
        return response.StatusCode;
    }

    private async Task<Invoice> CorrectedAsync(string number)
    {
        await using var db = host.NewContext();
        return await db.Set<Invoice>().AsNoTracking().SingleAsync(i => i.CorrectsInvoiceNumber == number);
    }

    private async Task<byte[]> FacturXAsync(string number)
    {
        using var client = host.Client("cora");
        var response = await client.GetAsync(new Uri($"/api/invoices/{number}/document", UriKind.Relative));
        response.StatusCode.Should().Be(HttpStatusCode.OK);
        using var stream = new MemoryStream(await response.Content.ReadAsByteArrayAsync());
        return FacturXDocumentTests.EmbeddedFacturX(PdfReader.Open(stream, PdfDocumentOpenMode.Import));
    }

    private async Task<decimal> ExposureAsync() =>
        (await host.GetAsync("claire", "/api/customers/C-0001")).GetProperty("exposure").GetProperty("total").GetDecimal();
}
