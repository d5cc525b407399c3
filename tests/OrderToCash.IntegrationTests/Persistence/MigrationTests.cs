using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using OrderToCash.Core.Infrastructure.Persistence;
using OrderToCash.IntegrationTests.Infrastructure;

namespace OrderToCash.IntegrationTests.Persistence;

public sealed class MigrationTests
{
    [Theory]
    [InlineData(DatabaseProvider.Sqlite, "Data Source=:memory:")]
    [InlineData(DatabaseProvider.SqlServer, "Server=offline;Database=OrderToCash;TrustServerCertificate=true")]
    [InlineData(DatabaseProvider.PostgreSql, "Host=offline;Database=ordertocash")]
    public void Each_provider_has_a_migration_set_matching_the_model(DatabaseProvider provider, string connectionString)
    {
        using var context = DatabaseConfigurator.CreateContext(provider, connectionString);

        context.Database.GetMigrations().Should().NotBeEmpty();
        context.Database.HasPendingModelChanges().Should().BeFalse(
            $"the {provider} migrations must be regenerated after a model change (tools/scripts/add-migration.sh)");
    }

    [Fact]
    public async Task Migrating_a_new_sqlite_file_creates_it_with_every_migration_and_durable_settings()
    {
        using var directory = new TempDirectory();
        var connectionString = directory.SqliteConnectionString("nested/folder/o2c.db");

        var report = await new DatabaseMigrator(() => DatabaseConfigurator.CreateContext(DatabaseProvider.Sqlite, connectionString))
            .MigrateAsync(CancellationToken.None);

        await using var context = DatabaseConfigurator.CreateContext(DatabaseProvider.Sqlite, connectionString);
        report.Applied.Should().Equal(context.Database.GetMigrations());
        (await context.Database.GetPendingMigrationsAsync()).Should().BeEmpty();
        await context.Database.OpenConnectionAsync();
        var connection = (SqliteConnection)context.Database.GetDbConnection();
        Pragma(connection, "journal_mode").Should().Be("wal");
        Pragma(connection, "synchronous").Should().Be("2", "FULL: a committed step survives a power loss");
        Pragma(connection, "foreign_keys").Should().Be("1");
    }

    [Theory]
    [InlineData(null, "2")]
    [InlineData("Normal", "1")]
    public async Task Sqlite_connections_sync_each_commit_unless_the_simulation_asks_for_normal(string? setting, string expected)
    {
        using var directory = new TempDirectory();
        var values = new Dictionary<string, string?> { ["Database:ConnectionString"] = directory.SqliteConnectionString() };
        if (setting is not null)
        {
            values["Database:SqliteSynchronous"] = setting;
        }

        var services = new ServiceCollection().AddOrderToCashDatabase(new ConfigurationBuilder().AddInMemoryCollection(values).Build());
        await using var provider = services.BuildServiceProvider();
        await using var context = provider.GetRequiredService<Func<OrderToCashDbContext>>()();

        await context.Database.OpenConnectionAsync();
        var connection = (SqliteConnection)context.Database.GetDbConnection();
        Pragma(connection, "synchronous").Should().Be(expected, "FULL (2) unless the simulation's own services set NORMAL (1), ADR 0138");
        Pragma(connection, "journal_mode").Should().Be("wal");
    }

    [Fact]
    public async Task Migrating_twice_is_a_no_op()
    {
        using var directory = new TempDirectory();
        var migrator = new DatabaseMigrator(() => DatabaseConfigurator.CreateContext(DatabaseProvider.Sqlite, directory.SqliteConnectionString()));
        await migrator.MigrateAsync(CancellationToken.None);

        var second = await migrator.MigrateAsync(CancellationToken.None);

        second.Applied.Should().BeEmpty();
        second.Current.Should().NotBeNull();
    }

    [Fact]
    public void The_sql_server_idempotent_migration_script_is_valid_t_sql()
    {
        using var context = DatabaseConfigurator.CreateContext(DatabaseProvider.SqlServer, "Server=offline;Database=OrderToCash;TrustServerCertificate=true");
        var script = context.GetService<IMigrator>().GenerateScript(options: MigrationsSqlGenerationOptions.Idempotent);

        script.Should().Contain("CREATE TABLE").And.Contain("__EFMigrationsHistory");
        SqlServerScriptChecker.ParseErrors(script).Should().BeEmpty();
    }

    [Fact]
    public void The_t_sql_checker_reports_a_broken_script_with_its_position()
    {
        const string broken = "CREATE TABLE [orders] ([Id] int NOT NULL,\nCONSTRAINT PRIMARY KEY ([Id]);\nGO\nSELEC * FROM [orders];";

        var errors = SqlServerScriptChecker.ParseErrors(broken);

        errors.Should().NotBeEmpty();
        errors[0].Should().StartWith("line 2");
    }

    [Fact]
    public async Task A_configured_but_unknown_provider_is_refused_with_the_supported_list()
    {
        var configuration = new Microsoft.Extensions.Configuration.ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["Database:Provider"] = "Oracle" })
            .Build();

        var act = () => PersistenceServiceCollectionExtensions.ReadOptions(configuration);

        act.Should().Throw<InvalidOperationException>().WithMessage("*'Oracle'*Sqlite, SqlServer, PostgreSql*");
        await Task.CompletedTask;
    }

    [Fact]
    public void A_server_provider_without_connection_string_names_the_sample_to_follow()
    {
        var configuration = new Microsoft.Extensions.Configuration.ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["Database:Provider"] = "PostgreSql" })
            .Build();

        var act = () => new ServiceCollection().AddOrderToCashDatabase(configuration);

        act.Should().Throw<InvalidOperationException>().WithMessage("*ConnectionString is required*appsettings.PostgreSql.json*");
    }

    private static string? Pragma(SqliteConnection connection, string name)
    {
        using var command = connection.CreateCommand();
        command.CommandText = $"PRAGMA {name}";
        return Convert.ToString(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
    }
}
