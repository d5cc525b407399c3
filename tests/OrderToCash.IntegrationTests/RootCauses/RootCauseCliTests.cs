using System.Text.Json;
using OrderToCash.Core.Infrastructure.Persistence;
using OrderToCash.IntegrationTests.Cli;
using OrderToCash.IntegrationTests.Infrastructure;

namespace OrderToCash.IntegrationTests.RootCauses;

/// <summary>The command-line contract of issue 5: o2c rootcause analyze and o2c kpi on the configured database.</summary>
public sealed class RootCauseCliTests : IDisposable
{
    private readonly TempDirectory directory = new();

    public void Dispose() => directory.Dispose();

    [Fact]
    public async Task Rootcause_analyze_prints_the_groups_and_the_tasks_created_and_a_second_run_creates_none()
    {
        await using var store = await RootCauseStore.CreateAsync(DatabaseProvider.Sqlite, directory.SqliteConnectionString(), new DateTimeOffset(2026, 1, 1, 9, 0, 0, TimeSpan.Zero));
        await using (var db = store.Context())
        {
            await SimulatedYear.WriteAsync(db, onlyUntil: new DateOnly(2026, 4, 1));
        }

        var first = await CliRunner.RunAsync("rootcause", "analyze", "--as-of", "2026-04-01", "--format", "json", "--connection", directory.SqliteConnectionString());
        var second = await CliRunner.RunAsync("rootcause", "analyze", "--as-of", "2026-04-01", "--format", "json", "--connection", directory.SqliteConnectionString());

        first.ExitCode.Should().Be(0, first.Error);
        var json = JsonDocument.Parse(first.Output).RootElement;
        json.GetProperty("tasksCreated").GetInt32().Should().Be(3);
        var price = json.GetProperty("groups").EnumerateArray().Where(g => g.GetProperty("reason").GetString() == "PRICE_ERROR").ToList();
        price.Should().OnlyContain(g => g.GetProperty("department").GetString() == "ADV");
        price.Sum(g => g.GetProperty("count").GetInt32()).Should().Be(18);
        price.Sum(g => g.GetProperty("ratePer1000Invoices").GetDecimal()).Should().BeApproximately(20m, 0.001m, "18 × 1,000 ÷ 900, split over segments and families");
        JsonDocument.Parse(second.Output).RootElement.GetProperty("tasksCreated").GetInt32().Should().Be(0);

        var csv = directory.File("tasks.csv");
        var tasks = await CliRunner.RunAsync("rootcause", "tasks", "--department", "ADV", "--csv", csv, "--format", "json", "--connection", directory.SqliteConnectionString());
        tasks.ExitCode.Should().Be(0, tasks.Error);
        JsonDocument.Parse(tasks.Output).RootElement.EnumerateArray().Select(t => t.GetProperty("reason").GetString()).Should().Equal("PRICE_ERROR");
        var lines = await File.ReadAllLinesAsync(csv);
        lines.Should().HaveCount(2);
        lines[1].Should().Contain(",PRICE_ERROR,ADV,Open,\"RecurringAcrossCustomers,RisingTrend,HighRatePerThousandInvoices\",", "a field with commas is quoted (RFC 4180)");
    }

    [Fact]
    public async Task Kpi_prints_the_issue_fields_and_refuses_a_bad_date_with_a_usage_error()
    {
        await using var store = await RootCauseStore.CreateAsync(DatabaseProvider.Sqlite, directory.SqliteConnectionString(), new DateTimeOffset(2026, 1, 1, 9, 0, 0, TimeSpan.Zero));
        await using (var db = store.Context())
        {
            await SimulatedYear.WriteAsync(db, onlyUntil: new DateOnly(2026, 2, 1));
        }

        var run = await CliRunner.RunAsync("kpi", "--from", "2026-01-01", "--to", "2026-01-31", "--by", "segment", "--format", "json", "--connection", directory.SqliteConnectionString());
        var bad = await CliRunner.RunAsync("kpi", "--from", "2026-13-01", "--to", "2026-01-31", "--connection", directory.SqliteConnectionString());

        run.ExitCode.Should().Be(0, run.Error);
        var json = JsonDocument.Parse(run.Output).RootElement;
        foreach (var field in new[] { "dso", "countBackDso", "bestPossibleDso", "averageDaysDelinquent", "cei", "disputedInvoicesPercent", "promiseToPayKeptRate", "creditBlockRate" })
        {
            json.TryGetProperty(field, out _).Should().BeTrue($"the contract names {field}");
        }

        // January: 310 invoices of 1,000 (days 0-30, 10 a day); k = 7, 107, 207 paid on due + 10 = after 31 Jan; none settled.
        // Closing AR = 310,000 = sales → DSO = 310,000 ÷ 310,000 × 31 = 31; all due in February (issue + 30 ≥ 31 Jan): best = 31.
        json.GetProperty("creditSales").GetDecimal().Should().Be(310_000m);
        json.GetProperty("dso").GetDecimal().Should().Be(31m);
        json.GetProperty("agedBalance").GetProperty("notDue").GetDecimal().Should().Be(310_000m);
        json.GetProperty("agedBalance").GetProperty("d1to30").GetDecimal().Should().Be(0m);
        json.GetProperty("by").GetString().Should().Be("segment");
        json.GetProperty("breakdown").GetArrayLength().Should().Be(2);
        bad.ExitCode.Should().Be(2);
        bad.Error.Should().Contain("--from '2026-13-01' is not a date; use YYYY-MM-DD.");
    }
}
