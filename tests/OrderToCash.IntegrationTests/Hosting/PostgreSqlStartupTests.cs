using System.Net;
using Microsoft.EntityFrameworkCore;
using OrderToCash.Core.Customers;
using OrderToCash.Core.Demo;
using OrderToCash.Core.Infrastructure.Persistence;
using OrderToCash.IntegrationTests.Infrastructure;

namespace OrderToCash.IntegrationTests.Hosting;

[Collection(PostgresCollection.Name)]
public sealed class PostgreSqlStartupTests(PostgresServer server)
{
    [PostgresFact]
    public async Task Two_hosts_started_in_the_same_second_on_an_empty_postgresql_database_both_become_ready_and_seed_once()
    {
        var connectionString = await server.CreateDatabaseAsync();
        (string, string?)[] settings = [("Demo:Seed", "true"), ("Demo:Activity", "false")];
        await using var first = TestHost.PostgreSql(connectionString, [.. settings, ("Scheduler:InstanceId", "host-a")]);
        await using var second = TestHost.PostgreSql(connectionString, [.. settings, ("Scheduler:InstanceId", "host-b")]);

        var clients = await Task.WhenAll(Task.Run(() => first.CreateClient()), Task.Run(() => second.CreateClient()));

        foreach (var client in clients)
        {
            using (client)
            {
                (await client.GetAsync(new Uri("/health/ready", UriKind.Relative))).StatusCode.Should().Be(HttpStatusCode.OK);
            }
        }

        await using var db = DatabaseConfigurator.CreateContext(DatabaseProvider.PostgreSql, connectionString);
        (await db.Set<Customer>().CountAsync()).Should().Be(DemoCustomers.Create(new DateOnly(2026, 1, 1)).Count, "the later host finds the seeding done");
        (await db.Set<DemoSeeding>().SingleAsync()).CompletedAt.Should().NotBeNull();
    }

    [PostgresFact]
    public async Task A_database_with_a_migration_the_binaries_do_not_know_stops_a_postgresql_host()
    {
        var connectionString = await server.CreateDatabaseAsync();
        await using (var migrated = TestHost.PostgreSql(connectionString, ("Scheduler:AutoStart", "false")))
        {
            migrated.CreateClient().Dispose();
        }

        await using (var db = DatabaseConfigurator.CreateContext(DatabaseProvider.PostgreSql, connectionString))
        {
            await db.Database.ExecuteSqlRawAsync("INSERT INTO \"__EFMigrationsHistory\" (\"MigrationId\", \"ProductVersion\") VALUES ('29991231000000_FromTheFuture', '99.0.0')");
        }

        await using var host = TestHost.PostgreSql(connectionString, ("Scheduler:AutoStart", "false"));
        var start = () => host.CreateClient();

        start.Should().Throw<DatabaseNewerThanBinariesException>().WithMessage("*29991231000000_FromTheFuture*");
    }
}
