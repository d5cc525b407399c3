using OrderToCash.Core.Payments;
using OrderToCash.IntegrationTests.Cycle;
using OrderToCash.IntegrationTests.Infrastructure;
using OrderToCash.TestSupport;

namespace OrderToCash.IntegrationTests.Cli;

public sealed class ImportCamt053CliTests : IDisposable
{
    private readonly TempDirectory directory = new();

    public void Dispose() => directory.Dispose();

    [Fact]
    public async Task O2c_import_camt053_applies_the_statement_once_and_refuses_a_malformed_one_with_its_line_and_exit_code_1()
    {
        using var cycle = new CycleScenario();
        await cycle.InitializeAsync();
        await cycle.PublishUnappliedCashAsync();
        var invoice = await cycle.InvoicedOrderAsync("C-0001", 1m, 100m);
        var good = directory.File("statement.xml");
        await File.WriteAllTextAsync(good, Camt053Sample.Statement("STMT-CLI", new Camt053Line("BQ-CLI-1", 120m, $"Facture {invoice}"), new Camt053Line("BQ-CLI-2", 33m, "INCONNU")));
        var bad = directory.File("bad.xml");
        await File.WriteAllTextAsync(bad, Camt053Sample.Statement("STMT-BAD", new Camt053Line("BQ-CLI-3", 1m)).Replace("<CdtDbtInd>CRDT</CdtDbtInd>", "<CdtDbtInd>X</CdtDbtInd>", StringComparison.Ordinal));

        var refused = await CliRunner.RunAsync("import", "camt053", bad, "--connection", cycle.Orders.ConnectionString);
        var first = await CliRunner.RunAsync("import", "camt053", good, "--user", "cora", "--connection", cycle.Orders.ConnectionString);
        var second = await CliRunner.RunAsync("import", "camt053", good, "--connection", cycle.Orders.ConnectionString);

        refused.ExitCode.Should().Be(1);
        refused.Error.Should().MatchRegex(@"bad\.xml: line \d+, column \d+: CdtDbtInd must be CRDT or DBIT, not 'X'\.").And.Contain("nothing was written");
        first.ExitCode.Should().Be(0, first.Error);
        first.Output.Should().Contain($"BQ-CLI-1 120.00 EUR: applied to {invoice}").And.Contain("1 applied, 1 unapplied, 0 imported before, 0 ignored.");
        second.ExitCode.Should().Be(0, second.Error);
        second.Output.Should().Contain("0 applied, 0 unapplied, 2 imported before, 0 ignored.");
        (await cycle.InvoiceAsync(invoice)).Paid().Should().Be(120m);
        (await cycle.CountAsync<BankStatementEntry>()).Should().Be(2);
        (await cycle.CashInstancesAsync()).Should().Be(1);
    }
}
