using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using OrderToCash.Core.Infrastructure.Housekeeping;
using OrderToCash.Core.Infrastructure.Persistence;
using OrderToCash.IntegrationTests.Infrastructure;

namespace OrderToCash.IntegrationTests.Hosting;

[Collection(PostgresCollection.Name)]
public sealed class PostgreSqlHostTests(PostgresServer server)
{
    [PostgresFact]
    public async Task A_host_on_postgresql_migrates_and_runs_a_clustered_scheduler()
    {
        var connectionString = await server.CreateDatabaseAsync();
        await using var host = TestHost.PostgreSql(connectionString);
        using var client = host.ClientFor("ada");

        var response = await client.GetAsync(new Uri("/health", UriKind.Relative));

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        var checks = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("checks");
        checks.GetProperty("database").GetProperty("data").GetProperty("provider").GetString().Should().Be("PostgreSql");
        checks.GetProperty("scheduler").GetProperty("data").GetProperty("clustered").GetBoolean().Should().BeTrue();
    }

    [PostgresFact]
    public async Task Two_hosts_on_one_postgresql_database_never_run_the_same_firing_twice()
    {
        var connectionString = await server.CreateDatabaseAsync();
        (string, string?)[] everySecond = [("Scheduler:HousekeepingCron", "0/1 * * * * ?"), ("Scheduler:ClusterCheckinInterval", "00:00:02")];
        await using var first = TestHost.PostgreSql(connectionString, [.. everySecond, ("Scheduler:InstanceId", "host-a")]);
        first.CreateClient().Dispose();
        await using var second = TestHost.PostgreSql(connectionString, [.. everySecond, ("Scheduler:InstanceId", "host-b")]);
        second.CreateClient().Dispose();

        var runs = await SchedulerStoreTests.WaitFor(() => Runs(connectionString), r => r.Count >= 6, TimeSpan.FromSeconds(30));

        runs.Should().HaveCountGreaterThanOrEqualTo(6);
        runs.GroupBy(r => r.ScheduledFor).Should().OnlyContain(g => g.Count() == 1, "each scheduled firing runs on exactly one host");
    }

    private static async Task<List<HousekeepingRun>> Runs(string connectionString)
    {
        await using var context = DatabaseConfigurator.CreateContext(DatabaseProvider.PostgreSql, connectionString);
        return await context.Set<HousekeepingRun>().AsNoTracking().ToListAsync();
    }
}
