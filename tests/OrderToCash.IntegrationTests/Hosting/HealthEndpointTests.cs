using System.Net;
using System.Text.Json;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using OrderToCash.Core.Infrastructure.Persistence;
using OrderToCash.Host.Features.Health;
using OrderToCash.IntegrationTests.Infrastructure;

namespace OrderToCash.IntegrationTests.Hosting;

public sealed class HealthEndpointTests
{
    [Fact]
    public async Task Health_on_a_new_sqlite_file_reports_to_an_administrator_the_migrated_database_and_running_persistent_scheduler()
    {
        using var directory = new TempDirectory();
        await using var host = TestHost.Sqlite(directory);
        using var client = host.ClientFor("ada");

        // The scheduler starts once the application has started: health is Degraded (still 200) for that moment.
        var (response, body) = await SchedulerStoreTests.WaitFor(
            async () =>
            {
                var r = await client.GetAsync(new Uri("/health", UriKind.Relative));
                return (r, JsonDocument.Parse(await r.Content.ReadAsStringAsync()).RootElement);
            },
            probe => probe.Item2.GetProperty("status").GetString() == "Healthy",
            TimeSpan.FromSeconds(15));

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        body.GetProperty("status").GetString().Should().Be("Healthy");
        var database = body.GetProperty("checks").GetProperty("database");
        database.GetProperty("status").GetString().Should().Be("Healthy");
        database.GetProperty("data").GetProperty("pendingMigrations").GetArrayLength().Should().Be(0);
        var scheduler = body.GetProperty("checks").GetProperty("scheduler");
        scheduler.GetProperty("data").GetProperty("persistent").GetBoolean().Should().BeTrue();
        scheduler.GetProperty("data").GetProperty("jobs").EnumerateArray().Select(j => j.GetString())
            .Should().Contain("maintenance.housekeeping");
        File.Exists(directory.File("ordertocash.db")).Should().BeTrue("the host creates the SQLite file on first start");
    }

    [Fact]
    public async Task Database_check_is_unhealthy_with_the_reason_when_the_database_cannot_be_opened()
    {
        using var directory = new TempDirectory();
        // A folder where the database file should be: SQLite cannot open it.
        Directory.CreateDirectory(directory.File("ordertocash.db"));
        var options = new DatabaseOptions { Provider = DatabaseProvider.Sqlite, ConnectionString = directory.SqliteConnectionString() };
        var check = new DatabaseHealthCheck(() => DatabaseConfigurator.CreateContext(options.Provider, options.ConnectionString), options);

        var result = await check.CheckHealthAsync(new HealthCheckContext());

        result.Status.Should().Be(HealthStatus.Unhealthy);
        result.Description.Should().Contain("unable to open database file");
    }
}
