using System.Diagnostics;

namespace OrderToCash.Cli.Commands.Bench;

/// <summary>Median of several timed rounds after a warm-up: the figure every rules workload reports.</summary>
internal static class BenchRounds
{
    public const int Rounds = 5;

    public static async Task<double> MedianSecondsAsync(Func<Task> round, int rounds = Rounds)
    {
        await round().ConfigureAwait(false);
        var times = new double[rounds];
        for (var i = 0; i < rounds; i++)
        {
            var watch = Stopwatch.StartNew();
            await round().ConfigureAwait(false);
            times[i] = watch.Elapsed.TotalSeconds;
        }

        Array.Sort(times);
        return times[rounds / 2];
    }

    /// <summary>The rules/ folder of the repository: from the working directory, else from the executable upwards.</summary>
    public static string RulesFolder() =>
        Core.Infrastructure.Content.RuleFolder.Find(Directory.GetCurrentDirectory())
        ?? Core.Infrastructure.Content.RuleFolder.Find(AppContext.BaseDirectory)
        ?? throw new CliUsageException("No rules/ folder found from the working directory or the executable upwards.");
}
