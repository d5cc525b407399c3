using System.Text.Json;
using OrderToCash.Cli;
using OrderToCash.IntegrationTests.Cli;
using OrderToCash.IntegrationTests.Infrastructure;
using OrderToCash.IntegrationTests.Orders;

namespace OrderToCash.IntegrationTests.Cycle;

public sealed class SimulateCommandTests : IDisposable
{
    private readonly TempDirectory directory = new();

    public void Dispose() => directory.Dispose();

    private Task<CliRun> SimulateAsync(string database, int seed) =>
        CliRunner.RunAsync(
            "simulate", "--customers", "30", "--days", "100", "--seed", seed.ToString(System.Globalization.CultureInfo.InvariantCulture),
            "--start", "2025-01-01", "--format", "json", "--connection", directory.SqliteConnectionString(database));

    [Fact]
    public async Task The_same_seed_gives_the_same_result_and_the_ledger_balances_to_the_cent()
    {
        var first = await SimulateAsync("first.db", seed: 42);
        var second = await SimulateAsync("second.db", seed: 42);

        first.ExitCode.Should().Be(CliApp.Ok, first.Error);
        second.Output.Should().Be(first.Output, "the same seed on an empty database gives the same ledger");
        var report = JsonDocument.Parse(first.Output).RootElement;
        var invoiced = report.GetProperty("invoicedAmount").GetDecimal();
        var parts = report.GetProperty("paidAmount").GetDecimal() + report.GetProperty("creditedAmount").GetDecimal()
                    + report.GetProperty("writtenOffAmount").GetDecimal() + report.GetProperty("openAmount").GetDecimal();
        parts.Should().Be(invoiced);
        report.GetProperty("balanced").GetBoolean().Should().BeTrue();
        report.GetProperty("orders").GetInt32().Should().BeGreaterThan(0);
        report.GetProperty("invoices").GetInt32().Should().BeGreaterThan(0).And.BeLessThanOrEqualTo(report.GetProperty("orders").GetInt32());
        report.GetProperty("paidAmount").GetDecimal().Should().BeGreaterThan(0m);
        report.GetProperty("incidents").GetInt32().Should().Be(0);
        (report.GetProperty("released").GetInt32() + report.GetProperty("rejected").GetInt32()).Should().BeLessThanOrEqualTo(report.GetProperty("creditBlocked").GetInt32());
        foreach (var name in new[] { "remindersByLevel", "disputesByReason", "customersByBehaviour" })
        {
            report.GetProperty(name).ValueKind.Should().Be(JsonValueKind.Object);
            report.GetProperty(name).EnumerateObject().Should().NotBeEmpty($"{name}: the dunning and dispute workflows ran");
        }
    }

    [Fact]
    public async Task The_root_cause_analysis_and_the_kpis_run_on_what_the_simulation_left()
    {
        var database = directory.SqliteConnectionString("analysed.db");
        (await SimulateAsync("analysed.db", seed: 7)).ExitCode.Should().Be(CliApp.Ok);

        var analysis = await CliRunner.RunAsync("rootcause", "analyze", "--as-of", "2025-04-10", "--format", "json", "--connection", database);
        var kpis = await CliRunner.RunAsync("kpi", "--from", "2025-01-01", "--to", "2025-04-10", "--format", "json", "--connection", database);

        analysis.ExitCode.Should().Be(CliApp.Ok, analysis.Error);
        var groups = JsonDocument.Parse(analysis.Output).RootElement.GetProperty("groups");
        groups.EnumerateArray().Should().NotBeEmpty("the simulated disputers and late payers give causes");
        groups[0].TryGetProperty("ratePer1000Invoices", out _).Should().BeTrue();
        kpis.ExitCode.Should().Be(CliApp.Ok, kpis.Error);
        var report = JsonDocument.Parse(kpis.Output).RootElement;
        foreach (var name in new[] { "dso", "countBackDso", "bestPossibleDso", "averageDaysDelinquent", "cei", "agedBalance", "disputedInvoicesPercent", "promiseToPayKeptRate", "creditBlockRate" })
        {
            report.TryGetProperty(name, out _).Should().BeTrue(name);
        }
    }

    [Fact]
    public async Task Another_seed_gives_another_result()
    {
        var first = await SimulateAsync("a.db", seed: 1);
        var other = await SimulateAsync("b.db", seed: 2);

        other.ExitCode.Should().Be(CliApp.Ok, other.Error);
        other.Output.Should().NotBe(first.Output);
    }

    [Fact]
    public async Task A_database_that_already_has_customers_is_refused_as_a_usage_error()
    {
        (await SimulateAsync("used.db", seed: 3)).ExitCode.Should().Be(CliApp.Ok);

        var again = await SimulateAsync("used.db", seed: 3);

        again.ExitCode.Should().Be(CliApp.UsageError);
        again.Error.Should().Contain("empty database");
    }

    [Theory]
    [InlineData("--days", "0", "--days 0 is out of range")]
    [InlineData("--customers", "-1", "--customers -1 is out of range")]
    [InlineData("--start", "2025-13-01", "is not a date")]
    public async Task Bad_options_are_usage_errors_that_name_the_option(string option, string value, string message)
    {
        var args = new Dictionary<string, string> { ["--customers"] = "2", ["--days"] = "2", ["--start"] = "2025-01-01", [option] = value };

        var run = await CliRunner.RunAsync([
            "simulate", .. args.SelectMany(a => new[] { a.Key, a.Value }), "--connection", directory.SqliteConnectionString("bad.db")]);

        run.ExitCode.Should().Be(CliApp.UsageError);
        run.Error.Should().Contain(message);
    }
}
