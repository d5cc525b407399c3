using System.Text.Json;
using Microsoft.Data.Sqlite;
using OrderToCash.Cli;
using OrderToCash.IntegrationTests.Cli;
using OrderToCash.IntegrationTests.Infrastructure;
using OrderToCash.IntegrationTests.Orders;

namespace OrderToCash.IntegrationTests.Cycle;

/// <summary>
/// The demo company looks like a working French B2B company (issue 13): few orders credit-blocked, most promises to pay
/// kept. <c>o2c seed --as-of</c> makes the data set a function of its date, so the figures the README states are checked.
/// </summary>
public sealed class DemoSeedTests : IDisposable
{
    private readonly TempDirectory directory = new();

    public void Dispose() => directory.Dispose();

    [Fact]
    public async Task The_seeded_demo_blocks_at_most_12_percent_of_its_orders_and_keeps_at_least_half_of_its_promises()
    {
        var run = await CliRunner.RunAsync("seed", "--as-of", "2026-12-07", "--format", "json", "--connection", directory.SqliteConnectionString("demo.db"));

        run.ExitCode.Should().Be(CliApp.Ok, run.Error);
        var report = JsonDocument.Parse(run.Output).RootElement;
        report.GetProperty("creditBlockRate").GetDecimal().Should().BeLessThanOrEqualTo(12m);
        report.GetProperty("creditBlocked").GetInt32().Should().BeGreaterThan(0, "risky and late-paying customers still meet the credit rules");
        report.GetProperty("promisesJudged").GetInt32().Should().BeGreaterThan(0);
        report.GetProperty("promiseKeptRate").GetDecimal().Should().BeGreaterThanOrEqualTo(50m);
        report.GetProperty("balanced").GetBoolean().Should().BeTrue();

        // The credit cockpit has work on the demo's last day: orders waiting for a release, a limit request, reviews and a cover due.
        var database = directory.File("demo.db");
        Count(database, "SELECT COUNT(*) FROM orders WHERE Status = 'CreditBlocked'").Should().BeGreaterThanOrEqualTo(2);
        Count(database, "SELECT COUNT(*) FROM credit_limit_requests WHERE Status = 'Pending'").Should().Be(1);
        Count(database, "SELECT COUNT(*) FROM customers WHERE NextReviewOn BETWEEN '2026-12-07' AND '2027-01-06'").Should().BeGreaterThanOrEqualTo(2);
        Count(database, "SELECT COUNT(*) FROM customers WHERE InsurerCoverExpiresOn BETWEEN '2026-12-07' AND '2027-01-06'").Should().BeGreaterThanOrEqualTo(1);
    }

    private static long Count(string database, string sql)
    {
        using var connection = new SqliteConnection($"Data Source={database};Mode=ReadOnly;Pooling=false");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return (long)command.ExecuteScalar()!;
    }

    [Fact]
    public async Task A_bad_as_of_date_is_a_usage_error_naming_the_option()
    {
        var run = await CliRunner.RunAsync("seed", "--as-of", "07/12/2026", "--connection", directory.SqliteConnectionString("bad.db"));

        run.ExitCode.Should().NotBe(CliApp.Ok);
        (run.Error + run.Output).Should().Contain("--as-of");
    }
}
