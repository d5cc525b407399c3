using System.CommandLine;
using System.Globalization;
using OrderToCash.Core.Demo;

namespace OrderToCash.Cli.Commands.Simulate;

/// <summary><c>o2c seed</c>: the demo data set (what the host loads on its first start in Development) into an empty database.</summary>
internal static class SeedCommand
{
    public static Command Create()
    {
        var format = CliOptions.Format();
        var command = new Command("seed", $"Load the demo data set into an empty database: the eight demo customers and {DemoCompany.SyntheticCustomers} synthetic ones, their last {DemoCompany.ActivityDays} days run through the product, ending today.");
        var asOf = new Option<string>("--as-of")
        {
            Description = "The demo's today (yyyy-MM-dd): its last day is the day before. Default: today. The same date gives the same data set.",
        };
        command.Options.Add(asOf);
        command.Options.Add(format);
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            var today = parseResult.GetValue(asOf) is not { } given
                ? DateOnly.FromDateTime(TimeProvider.System.GetUtcNow().UtcDateTime)
                : DateOnly.TryParseExact(given, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day)
                    ? day
                    : throw new CliUsageException($"--as-of '{given}' is not a date (yyyy-MM-dd).");
            var report = await SimulateCommand.RunAsync(CliOptions.Configuration(parseResult), DemoCompany.Settings(today), [], progressBar: false, cancellationToken).ConfigureAwait(false);
            var output = parseResult.InvocationConfiguration.Output;
            await output.WriteLineAsync(parseResult.GetValue(format) == OutputFormat.Json
                ? CliJson.Serialize(report)
                : SimulationText.Format(report, TimeSpan.Zero)).ConfigureAwait(false);
            return report.Balanced ? CliApp.Ok : CliApp.Problems;
        });
        return command;
    }
}
