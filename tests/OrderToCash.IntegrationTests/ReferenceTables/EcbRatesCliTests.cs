using System.Text.Json;
using OrderToCash.IntegrationTests.Cli;
using OrderToCash.IntegrationTests.Infrastructure;

namespace OrderToCash.IntegrationTests.ReferenceTables;

public sealed class EcbRatesCliTests
{
    [Fact]
    public async Task O2c_sets_a_semester_rate_as_a_new_version_and_refuses_a_bad_one_with_exit_1_and_nothing_written()
    {
        using var directory = new TempDirectory();
        var connection = directory.SqliteConnectionString();
        (await CliRunner.RunAsync("migrate", "--connection", connection)).ExitCode.Should().Be(0);

        var listed = await CliRunner.RunAsync("reference", "ecb-rates", "list", "--connection", connection);
        listed.ExitCode.Should().Be(0, listed.Error);
        listed.Output.Should().Contain("version 1").And.Contain("2026-H1").And.NotContain("2026-H2");

        var set = await CliRunner.RunAsync("reference", "ecb-rates", "set", "2026-H2", "2.00", "--author", "claire", "--comment", "test figure", "--connection", connection, "--format", "json");
        set.ExitCode.Should().Be(0, set.Error);
        var json = JsonDocument.Parse(set.Output).RootElement;
        json.GetProperty("version").GetInt32().Should().Be(2);
        json.GetProperty("author").GetString().Should().Be("claire");
        json.GetProperty("rates").GetProperty("2026-H2").GetDecimal().Should().Be(2.00m);

        var bad = await CliRunner.RunAsync("reference", "ecb-rates", "set", "2026-H3", "2.00", "--connection", connection);
        bad.ExitCode.Should().Be(1);
        bad.Error.Should().Contain("'2026-H3' is not a semester");
        var typo = await CliRunner.RunAsync("reference", "ecb-rates", "set", "2027-H1", "215", "--connection", connection);
        typo.ExitCode.Should().Be(1);
        typo.Error.Should().Contain("not an ECB refinancing rate");
        var comma = await CliRunner.RunAsync("reference", "ecb-rates", "set", "2027-H1", "2,15", "--connection", connection);
        comma.ExitCode.Should().Be(2, "a rate that is not a number is a usage error");

        var after = await CliRunner.RunAsync("reference", "ecb-rates", "list", "--connection", connection, "--format", "json");
        JsonDocument.Parse(after.Output).RootElement.GetProperty("version").GetInt32().Should().Be(2, "refused entries wrote nothing");
    }

    [Fact]
    public async Task The_shipped_ecb_rate_workflow_is_valid()
    {
        var run = await CliRunner.RunAsync("validate", Path.Combine(RepositoryPaths.Root, "workflows", "ecb-rate.bpmn"));

        run.ExitCode.Should().Be(0, run.Output + run.Error);
    }
}
