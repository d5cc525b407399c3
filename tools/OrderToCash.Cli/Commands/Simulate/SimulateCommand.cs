using System.CommandLine;
using System.Globalization;
using OrderToCash.Core.Demo;
using Spectre.Console;

namespace OrderToCash.Cli.Commands.Simulate;

/// <summary>
/// <c>o2c simulate --customers N --days D --seed S [--format json]</c>: the whole cycle on the configured (empty)
/// database, on a simulated clock, with synthetic customers; prints what happened, read back from the database.
/// </summary>
internal static class SimulateCommand
{
    public static Command Create()
    {
        var customers = new Option<int>("--customers") { Description = "How many synthetic customers (1 to 100,000).", DefaultValueFactory = _ => 100 };
        var days = new Option<int>("--days") { Description = "How many days to simulate (1 to 3,650).", DefaultValueFactory = _ => 365 };
        var seed = new Option<int>("--seed") { Description = "Random seed: the same seed on an empty database gives the same result.", DefaultValueFactory = _ => 1 };
        var start = new Option<string>("--start")
        {
            Description = "First simulated day (yyyy-MM-dd). Default: --days before today, so the simulated period ends today and 'o2c rootcause analyze' and 'o2c kpi' on recent periods see it.",
        };
        var publish = new Option<string[]>("--publish")
        {
            Description = "BPMN files to publish before the workflows/ folder (e.g. a dunning process not yet in the folder).",
            AllowMultipleArgumentsPerToken = true,
        };
        var format = CliOptions.Format();
        var command = new Command("simulate", "Run the order-to-cash cycle on a simulated clock with synthetic customers (needs an empty database).");
        foreach (var option in new Option[] { customers, days, seed, start, publish, format })
        {
            command.Options.Add(option);
        }

        command.SetAction(async (parseResult, cancellationToken) =>
        {
            var settings = new SimulationSettings(
                Within(parseResult.GetValue(customers), 1, 100_000, "--customers"),
                Within(parseResult.GetValue(days), 1, 3_650, "--days"),
                parseResult.GetValue(seed),
                parseResult.GetValue(start) is not { } given
                    ? DateOnly.FromDateTime(TimeProvider.System.GetUtcNow().UtcDateTime).AddDays(-parseResult.GetValue(days))
                    : DateOnly.TryParseExact(given, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var first)
                        ? first
                        : throw new CliUsageException($"--start '{given}' is not a date (yyyy-MM-dd)."));
            var output = parseResult.InvocationConfiguration.Output;
            var json = parseResult.GetValue(format) == OutputFormat.Json;
            var started = System.Diagnostics.Stopwatch.GetTimestamp();
            var report = await RunAsync(CliOptions.Configuration(parseResult), settings, parseResult.GetValue(publish) ?? [], ShowsProgress(output), cancellationToken).ConfigureAwait(false);
            var elapsed = System.Diagnostics.Stopwatch.GetElapsedTime(started);
            if (json)
            {
                await output.WriteLineAsync(CliJson.Serialize(report)).ConfigureAwait(false);
                // Timing is not part of the result (the same seed gives the same object); it goes to the error stream.
                await parseResult.InvocationConfiguration.Error.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"o2c simulate: {elapsed.TotalSeconds:0.0} s")).ConfigureAwait(false);
            }
            else
            {
                await output.WriteLineAsync(SimulationText.Format(report, elapsed)).ConfigureAwait(false);
            }

            return report.Balanced ? CliApp.Ok : CliApp.Problems;
        });
        return command;
    }

    public static async Task<SimulationReport> RunAsync(Microsoft.Extensions.Configuration.IConfiguration configuration, SimulationSettings settings, IReadOnlyList<string> extraDefinitions, bool progressBar, CancellationToken cancellationToken)
    {
        try
        {
            if (!progressBar)
            {
                return await SimulationRunner.RunAsync(configuration, settings, extraDefinitions, Directory.GetCurrentDirectory(), null, cancellationToken).ConfigureAwait(false);
            }

            SimulationReport? report = null;
            await AnsiConsole.Progress().StartAsync(async context =>
            {
                var task = context.AddTask("Simulating days", maxValue: settings.Days);
                report = await SimulationRunner.RunAsync(configuration, settings, extraDefinitions, Directory.GetCurrentDirectory(), new SynchronousProgress(day => task.Value = day), cancellationToken).ConfigureAwait(false);
            }).ConfigureAwait(false);
            return report!;
        }
        catch (SimulationSetupException ex)
        {
            throw new CliUsageException(ex.Message);
        }
    }

    private static bool ShowsProgress(TextWriter output) => ReferenceEquals(output, Console.Out) && !Console.IsOutputRedirected;

    private static int Within(int value, int min, int max, string option) =>
        value >= min && value <= max ? value : throw new CliUsageException($"{option} {value} is out of range: give {min} to {max}.");

    /// <summary>Reports on the caller's thread (Progress&lt;T&gt; would post to the thread pool and race the bar's end).</summary>
    private sealed class SynchronousProgress(Action<int> report) : IProgress<int>
    {
        public void Report(int value) => report(value);
    }
}
