using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using OrderToCash.Core.Infrastructure.Persistence;
using OrderToCash.IntegrationTests.Cli;
using OrderToCash.IntegrationTests.Infrastructure;

namespace OrderToCash.IntegrationTests.Hosting;

public sealed class StartupTests : IDisposable
{
    private readonly TempDirectory directory = new();

    [Fact]
    public async Task A_second_host_on_the_same_sqlite_file_stops_at_start_with_a_clear_message()
    {
        await using var first = TestHost.Sqlite(directory, ("Scheduler:AutoStart", "false"));
        first.CreateClient().Dispose();
        await using var second = TestHost.Sqlite(directory, ("Scheduler:AutoStart", "false"));

        var start = () => second.CreateClient();

        start.Should().Throw<SqliteFileInUseException>().WithMessage("*already used by another host or 'o2c migrate'*One host per SQLite file*");
        var migrate = await CliRunner.RunAsync("migrate", "--connection", directory.SqliteConnectionString());
        migrate.ExitCode.Should().Be(1);
        migrate.Error.Should().Contain("is already used by another host");
    }

    [Fact]
    public async Task A_database_with_a_migration_the_binaries_do_not_know_stops_the_host_and_o2c_migrate_and_stays_untouched()
    {
        (await CliRunner.RunAsync("migrate", "--connection", directory.SqliteConnectionString())).ExitCode.Should().Be(0);
        await using (var db = DatabaseConfigurator.CreateContext(DatabaseProvider.Sqlite, directory.SqliteConnectionString()))
        {
            await db.Database.ExecuteSqlRawAsync("INSERT INTO \"__EFMigrationsHistory\" (\"MigrationId\", \"ProductVersion\") VALUES ('29991231000000_FromTheFuture', '99.0.0')");
        }

        SqliteConnection.ClearAllPools();
        await using var host = TestHost.Sqlite(directory, ("Scheduler:AutoStart", "false"));
        var start = () => host.CreateClient();
        var migrate = await CliRunner.RunAsync("migrate", "--connection", directory.SqliteConnectionString());

        start.Should().Throw<DatabaseNewerThanBinariesException>().WithMessage("*29991231000000_FromTheFuture*upgraded by a newer version*");
        migrate.ExitCode.Should().Be(1);
        migrate.Error.Should().Contain("29991231000000_FromTheFuture").And.Contain("nothing was changed");
        migrate.Output.Should().NotContain("up to date");
    }

    [Fact]
    public async Task Ready_and_live_answer_anonymously_with_the_status_only_and_the_details_go_to_an_administrator()
    {
        await using var host = TestHost.Sqlite(directory, ("Scheduler:AutoStart", "false"));
        using var anonymous = host.CreateClient();
        using var admin = host.ClientFor("ada");

        var live = await anonymous.GetAsync(new Uri("/health/live", UriKind.Relative));
        var ready = await anonymous.GetAsync(new Uri("/health/ready", UriKind.Relative));
        var health = await anonymous.GetAsync(new Uri("/health", UriKind.Relative));
        var readyForAdmin = JsonDocument.Parse(await admin.GetStringAsync(new Uri("/health/ready", UriKind.Relative))).RootElement;

        live.StatusCode.Should().Be(HttpStatusCode.OK);
        ready.StatusCode.Should().Be(HttpStatusCode.OK);
        (await ready.Content.ReadAsStringAsync()).Should().NotContain("checks").And.Contain("Healthy");
        (await health.Content.ReadAsStringAsync()).Should().NotContain("provider").And.NotContain("instanceId");
        readyForAdmin.GetProperty("checks").EnumerateObject().Select(c => c.Name).Should().BeEquivalentTo("database", "databaseWrite");
        readyForAdmin.GetProperty("checks").GetProperty("databaseWrite").GetProperty("status").GetString().Should().Be("Healthy");
    }

    [Fact]
    public async Task A_database_that_cannot_be_written_makes_ready_fail_and_writes_answer_503_problems_while_live_answers()
    {
        await using (var first = TestHost.Sqlite(directory, ("Scheduler:AutoStart", "false")))
        {
            first.CreateClient().Dispose();
        }

        SqliteConnection.ClearAllPools();
        await using var host = new TestHost(new Dictionary<string, string?>(TestUsers.Settings.ToDictionary(s => s.Key, s => s.Value))
        {
            ["Database:ConnectionString"] = directory.SqliteConnectionString() + ";Mode=ReadOnly",
            ["Database:MigrateOnStart"] = "false",
            ["Scheduler:AutoStart"] = "false",
        });
        using var client = host.CreateClient();
        using var admin = host.ClientFor("ada");

        var ready = await client.GetAsync(new Uri("/health/ready", UriKind.Relative));
        var health = await client.GetAsync(new Uri("/health", UriKind.Relative));
        var details = await (await admin.GetAsync(new Uri("/health", UriKind.Relative))).Content.ReadAsStringAsync();
        var login = await client.PostAsJsonAsync(new Uri("/api/auth/login", UriKind.Relative), new { userName = "claire", password = "claire-secret" });
        var live = await client.GetAsync(new Uri("/health/live", UriKind.Relative));

        ready.StatusCode.Should().Be(HttpStatusCode.ServiceUnavailable);
        health.StatusCode.Should().Be(HttpStatusCode.ServiceUnavailable, "/health no longer says Healthy over a database that refuses writes");
        details.Should().Contain("The database cannot be written").And.Contain("readonly");
        login.StatusCode.Should().Be(HttpStatusCode.ServiceUnavailable);
        login.Content.Headers.ContentType!.MediaType.Should().Be("application/problem+json");
        login.Headers.RetryAfter.Should().NotBeNull();
        (await login.Content.ReadAsStringAsync()).Should().Contain("The database is unavailable");
        live.StatusCode.Should().Be(HttpStatusCode.OK);
    }

    public void Dispose() => directory.Dispose();
}
