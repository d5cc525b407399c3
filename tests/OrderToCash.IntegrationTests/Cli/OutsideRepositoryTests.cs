using System.Diagnostics;
using System.Text.Json;
using OrderToCash.Cli;
using OrderToCash.IntegrationTests.Infrastructure;

namespace OrderToCash.IntegrationTests.Cli;

/// <summary>o2c as an installed tool runs it: a process whose working directory has no rules/ or workflows/ above it.</summary>
public sealed class OutsideRepositoryTests : IDisposable
{
    private readonly TempDirectory directory = new();

    [Fact]
    public async Task O2c_simulate_runs_outside_the_repository_on_the_shipped_rules_and_workflows()
    {
        Directory.Exists(Path.Combine(Path.GetTempPath(), "rules")).Should().BeFalse("the test needs a folder with no rules/ above it");

        var (exit, output, error) = await RunO2cAsync(
            "simulate", "--customers", "5", "--days", "40", "--seed", "3", "--start", "2025-01-01", "--format", "json",
            "--connection", directory.SqliteConnectionString("outside.db"));

        exit.Should().Be(CliApp.Ok, error);
        var report = JsonDocument.Parse(output).RootElement;
        report.GetProperty("balanced").GetBoolean().Should().BeTrue();
        report.GetProperty("orders").GetInt32().Should().BeGreaterThan(0);
    }

    private async Task<(int Exit, string Output, string Error)> RunO2cAsync(params string[] args)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = directory.Path,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        // o2c's own build output (with its own dependencies), in the configuration these tests were built in.
        var configuration = new DirectoryInfo(AppContext.BaseDirectory).Parent!.Name;
        start.ArgumentList.Add(Path.Combine(RepositoryPaths.Root, "tools", "OrderToCash.Cli", "bin", configuration, "net10.0", "o2c.dll"));
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, await output, await error);
    }

    public void Dispose() => directory.Dispose();
}
