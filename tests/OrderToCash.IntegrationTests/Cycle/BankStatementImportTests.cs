using System.Net;
using System.Text.Json;
using OrderToCash.Core.Payments;
using OrderToCash.TestSupport;

namespace OrderToCash.IntegrationTests.Cycle;

public sealed class BankStatementImportTests
{
    [Fact]
    public async Task A_statement_quoting_an_invoice_paying_from_a_known_account_and_from_nobody_applies_two_and_leaves_one_to_a_collector_task_and_again_changes_nothing()
    {
        using var cycle = new CycleScenario();
        await cycle.InitializeAsync();
        await cycle.PublishUnappliedCashAsync();
        var quoted = await cycle.InvoicedOrderAsync("C-0001", 1m, 1_000m);
        var byAccount = await cycle.InvoicedOrderAsync("C-0002", 3m, 250m);
        var statement = Camt053Sample.Statement("STMT-2026-001",
            new Camt053Line("BQ-0001", 1_200m, $"Reglement facture {quoted}", BankStatementScenario.UnknownIban),
            new Camt053Line("BQ-0002", 900m, "VIREMENT TRANSPORTS MOREL", BankStatementScenario.MorelIban),
            new Camt053Line("BQ-0003", 77.50m, "ACOMPTE", BankStatementScenario.UnknownIban, DebtorName: "SARL INCONNUE"),
            new Camt053Line("BQ-0004", 45.10m, "FRAIS BANCAIRES", Indicator: "DBIT"));

        var first = await cycle.ImportedAsync(statement);

        Outcomes(first).Should().Equal(("BQ-0001", "applied", true), ("BQ-0002", "applied", true), ("BQ-0003", "unapplied", true), ("BQ-0004", "ignored", false));
        first.GetProperty("applied").GetInt32().Should().Be(2);
        first.GetProperty("unapplied").GetInt32().Should().Be(1);
        var entries = first.GetProperty("entries");
        entries[0].GetProperty("matchedBy").GetString().Should().Be("invoice");
        entries[1].GetProperty("matchedBy").GetString().Should().Be("iban");
        entries[1].GetProperty("customerId").GetString().Should().Be("C-0002");
        entries[2].GetProperty("reason").GetString().Should().Contain("no invoice number is quoted").And.Contain(BankStatementScenario.UnknownIban);
        (await cycle.InvoiceAsync(quoted)).Paid().Should().Be(1_200m);
        (await cycle.InvoiceAsync(byAccount)).Paid().Should().Be(900m);
        var task = (await cycle.CashTasksAsync()).Should().ContainSingle().Subject;
        task.GetProperty("businessKey").GetString().Should().Be($"{Camt053Sample.Account}/BQ-0003");

        var again = await cycle.ImportedAsync(statement);

        Outcomes(again).Should().Equal(("BQ-0001", "applied", false), ("BQ-0002", "applied", false), ("BQ-0003", "unapplied", false), ("BQ-0004", "ignored", false));
        again.GetProperty("alreadyImported").GetInt32().Should().Be(3);
        (await cycle.CountAsync<Payment>()).Should().Be(2);
        (await cycle.CountAsync<PaymentAllocation>()).Should().Be(2);
        (await cycle.CountAsync<BankStatementEntry>()).Should().Be(3);
        (await cycle.CashTasksAsync()).Should().ContainSingle();
        (await cycle.CashInstancesAsync()).Should().Be(1);
        (await cycle.InvoiceAsync(quoted)).Paid().Should().Be(1_200m);
        (await cycle.InvoiceAsync(byAccount)).Paid().Should().Be(900m);
        (await cycle.Orders.ExposureAsync("C-0001")).Should().Be(0m);
    }

    [Fact]
    public async Task An_overlapping_statement_imports_only_the_entries_not_seen_before()
    {
        using var cycle = new CycleScenario();
        await cycle.InitializeAsync();
        await cycle.PublishUnappliedCashAsync();
        var invoice = await cycle.InvoicedOrderAsync("C-0002", 1m, 100m);
        await cycle.ImportedAsync(Camt053Sample.Statement("STMT-1", new Camt053Line("BQ-0001", 50m, $"Acompte {invoice}")));

        var overlapping = await cycle.ImportedAsync(Camt053Sample.Statement("STMT-2",
            new Camt053Line("BQ-0001", 50m, $"Acompte {invoice}"), new Camt053Line("BQ-0002", 80m, $"Solde {invoice}")));

        Outcomes(overlapping).Should().Equal(("BQ-0001", "applied", false), ("BQ-0002", "unapplied", true));
        overlapping.GetProperty("entries")[1].GetProperty("reason").GetString().Should().Contain("left over after paying " + invoice);
        (await cycle.InvoiceAsync(invoice)).Paid().Should().Be(120m);
        (await cycle.CountAsync<Payment>()).Should().Be(2);
    }

    [Fact]
    public async Task The_collector_names_the_invoice_in_the_task_and_the_unidentified_cash_pays_it()
    {
        using var cycle = new CycleScenario();
        await cycle.InitializeAsync();
        await cycle.PublishUnappliedCashAsync();
        var invoice = await cycle.InvoicedOrderAsync("C-0003", 1m, 100m);
        await cycle.ImportedAsync(Camt053Sample.Statement("STMT-1", new Camt053Line("BQ-0009", 120m, "ATELIER LEFEVRE", BankStatementScenario.UnknownIban)));
        var task = (await cycle.CashTasksAsync()).Should().ContainSingle().Subject;

        var wrong = await cycle.AnswerCashTaskAsync(task.GetProperty("id").GetString()!, "FA-2099-999999");
        wrong.StatusCode.Should().Be(HttpStatusCode.OK, await wrong.Content.ReadAsStringAsync());
        var askedAgain = (await cycle.CashTasksAsync()).Should().ContainSingle().Subject;
        (await cycle.CountAsync<Payment>()).Should().Be(0, "a refused answer records nothing");

        var right = await cycle.AnswerCashTaskAsync(askedAgain.GetProperty("id").GetString()!, invoice);

        right.StatusCode.Should().Be(HttpStatusCode.OK, await right.Content.ReadAsStringAsync());
        (await cycle.InvoiceAsync(invoice)).Paid().Should().Be(120m);
        (await cycle.CashTasksAsync()).Should().BeEmpty();
        var entry = (await cycle.GetAsync("cora", "/api/bank-statements/entries")).EnumerateArray().Should().ContainSingle().Subject;
        entry.GetProperty("outcome").GetString().Should().Be("Applied");
        entry.GetProperty("customerId").GetString().Should().Be("C-0003");
        var payment = (await cycle.GetAsync("cora", "/api/payments?customer=C-0003")).EnumerateArray().Should().ContainSingle().Subject;
        payment.GetProperty("reference").GetString().Should().Be("BQ-0009");
        payment.GetProperty("recordedBy").GetString().Should().StartWith("unapplied-cash ");
    }

    [Fact]
    public async Task Cash_in_another_currency_than_the_customers_is_left_unapplied_with_the_reason()
    {
        using var cycle = new CycleScenario();
        await cycle.InitializeAsync();
        await cycle.PublishUnappliedCashAsync();

        var imported = await cycle.ImportedAsync(Camt053Sample.Statement("STMT-1", new Camt053Line("BQ-USD", 900m, null, BankStatementScenario.MorelIban, Currency: "USD")));

        var entry = imported.GetProperty("entries")[0];
        entry.GetProperty("outcome").GetString().Should().Be("unapplied");
        entry.GetProperty("reason").GetString().Should().Be("900.00 USD received for customer C-0002, who is invoiced in EUR: the amount is left unapplied until a collector converts and applies it.");
        (await cycle.CountAsync<Payment>()).Should().Be(0);
        (await cycle.CashTasksAsync()).Should().ContainSingle();
    }

    [Fact]
    public async Task A_malformed_statement_is_refused_whole_with_its_line_and_nothing_is_written()
    {
        using var cycle = new CycleScenario();
        await cycle.InitializeAsync();
        await cycle.PublishUnappliedCashAsync();
        var invoice = await cycle.InvoicedOrderAsync("C-0001", 1m, 100m);
        var xml = Camt053Sample.Statement("STMT-1", new Camt053Line("BQ-0001", 120m, invoice), new Camt053Line("BQ-0002", 12.5m))
            .Replace(">12.50<", ">12,50<", StringComparison.Ordinal);
        var line = xml.Split('\n').ToList().FindIndex(l => l.Contains("12,50", StringComparison.Ordinal)) + 1;

        var response = await cycle.ImportAsync(xml);

        var problem = await CycleScenario.BodyAsync(response, HttpStatusCode.UnprocessableEntity);
        problem.GetProperty("title").GetString().Should().Contain($"line {line}").And.Contain("'12,50' is not a decimal number").And.Contain("nothing was written");
        problem.GetProperty("errors").TryGetProperty($"line {line}", out _).Should().BeTrue(problem.ToString());
        (await cycle.CountAsync<BankStatementEntry>()).Should().Be(0);
        (await cycle.CountAsync<Payment>()).Should().Be(0);
        (await cycle.InvoiceAsync(invoice)).Paid().Should().Be(0m);
    }

    [Fact]
    public async Task Only_a_collector_imports_a_statement_and_only_as_xml()
    {
        using var cycle = new CycleScenario();
        await cycle.InitializeAsync();
        var xml = Camt053Sample.Statement("STMT-1", new Camt053Line("BQ-0001", 10m));

        (await cycle.ImportAsync(xml, "sam")).StatusCode.Should().Be(HttpStatusCode.Forbidden);
        (await cycle.ImportAsync(xml, "carl")).StatusCode.Should().Be(HttpStatusCode.Forbidden);
        using var collector = cycle.Client("cora");
        var asText = await collector.PostAsync(new Uri("/api/bank-statements", UriKind.Relative), new StringContent(xml, System.Text.Encoding.UTF8, "text/plain"));
        asText.StatusCode.Should().Be(HttpStatusCode.UnsupportedMediaType);
        (await cycle.CountAsync<BankStatementEntry>()).Should().Be(0);
    }

    private static List<(string Reference, string Outcome, bool IsNew)> Outcomes(JsonElement result) =>
        [.. result.GetProperty("entries").EnumerateArray().Select(e => (e.GetProperty("reference").GetString()!, e.GetProperty("outcome").GetString()!, e.GetProperty("isNew").GetBoolean()))];
}
