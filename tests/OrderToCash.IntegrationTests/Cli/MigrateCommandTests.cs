using System.Text.Json;
using OrderToCash.IntegrationTests.Infrastructure;

namespace OrderToCash.IntegrationTests.Cli;

public sealed class MigrateCommandTests
{
    [Fact]
    public async Task Migrate_creates_the_database_and_reports_applied_migrations_as_json()
    {
        using var directory = new TempDirectory();

        var run = await CliRunner.RunAsync("migrate", "--connection", directory.SqliteConnectionString(), "--format", "json");

        run.ExitCode.Should().Be(0, run.Error);
        var json = JsonDocument.Parse(run.Output).RootElement;
        json.GetProperty("provider").GetString().Should().Be("Sqlite");
        json.GetProperty("applied").GetArrayLength().Should().BeGreaterThan(0);
        File.Exists(directory.File("ordertocash.db")).Should().BeTrue();

        var again = await CliRunner.RunAsync("migrate", "--connection", directory.SqliteConnectionString());
        again.ExitCode.Should().Be(0);
        again.Output.Should().Contain("up to date");
    }

    [Fact]
    public async Task Migrate_with_an_unknown_provider_fails_with_the_supported_list_and_creates_nothing()
    {
        using var directory = new TempDirectory();

        var run = await CliRunner.RunAsync("migrate", "--provider", "Oracle", "--connection", directory.SqliteConnectionString());

        run.ExitCode.Should().NotBe(0);
        run.Error.Should().Contain("'Oracle'").And.Contain("Sqlite, SqlServer, PostgreSql");
        run.Error.Should().NotContain("   at ", "an operator gets the reason, not a stack trace");
        File.Exists(directory.File("ordertocash.db")).Should().BeFalse();
    }

    [Theory]
    [InlineData("migrat")]
    [InlineData("migrate", "--format", "xml")]
    public async Task A_usage_error_exits_with_2_and_points_to_help(params string[] args)
    {
        var run = await CliRunner.RunAsync(args);

        run.ExitCode.Should().Be(2);
        run.Error.Should().Contain("o2c --help");
    }

    [Fact]
    public async Task Help_lists_the_verbs()
    {
        var run = await CliRunner.RunAsync("--help");

        run.ExitCode.Should().Be(0);
        run.Output.Should().Contain("migrate").And.Contain("validate").And.Contain("bench");
    }
}
