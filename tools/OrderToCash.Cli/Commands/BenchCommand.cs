using System.CommandLine;

namespace OrderToCash.Cli.Commands;

/// <summary>
/// <c>o2c bench --workload W [--instances N] --format json</c>: runs a named workload and prints
/// <c>{"workload","instances","seconds","instancesPerSecond"}</c> (plus workload-specific figures).
/// </summary>
internal static class BenchCommand
{
    public static Command Create(IReadOnlyList<IBenchWorkload> workloads)
    {
        var names = workloads.Select(w => w.Name).ToArray();
        var workload = new Option<string>("--workload") { Description = $"The workload to run: {string.Join(", ", names)}.", Required = true };
        workload.AcceptOnlyFromAmong(names);
        var instances = new Option<int?>("--instances") { Description = "How many instances (default: the workload's own)." };
        var clients = new Option<int?>("--clients") { Description = "Concurrent clients, for the workloads through the API (api-orders: 8)." };
        var db = new Option<string?>("--db") { Description = "Database for durable workloads: sqlite (default) or postgres." };
        var format = CliOptions.Format();
        var command = new Command("bench", "Measure a workload and print its throughput.");
        command.Options.Add(workload);
        command.Options.Add(instances);
        command.Options.Add(clients);
        command.Options.Add(db);
        command.Options.Add(format);
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            var chosen = workloads.Single(w => w.Name == parseResult.GetValue(workload));
            var count = parseResult.GetValue(instances) ?? chosen.DefaultInstances;
            if (count <= 0)
            {
                throw new CliUsageException($"--instances must be positive, got {count}.");
            }

            if (parseResult.GetValue(clients) is <= 0 and var wrong)
            {
                throw new CliUsageException($"--clients must be positive, got {wrong}.");
            }

            var settings = new BenchSettings(count, parseResult.GetValue(db), parseResult.GetValue(CliOptions.Connection)) { Clients = parseResult.GetValue(clients) };
            var result = await chosen.RunAsync(settings, cancellationToken).ConfigureAwait(false);
            var output = parseResult.InvocationConfiguration.Output;
            if (parseResult.GetValue(format) == OutputFormat.Json)
            {
                await output.WriteLineAsync(CliJson.Serialize(result.ToJsonObject())).ConfigureAwait(false);
            }
            else
            {
                await output.WriteLineAsync($"{result.Workload}: {result.Instances} instances in {result.Seconds:F3} s = {result.InstancesPerSecond:F0}/s").ConfigureAwait(false);
                foreach (var (key, value) in result.Extra)
                {
                    await output.WriteLineAsync($"  {key}: {value}").ConfigureAwait(false);
                }
            }

            return CliApp.Ok;
        });
        return command;
    }
}

/// <summary>What a workload is asked to run: how many instances, on which database (durable workloads), with how many clients (API workloads).</summary>
internal sealed record BenchSettings(int Instances, string? Database, string? Connection = null)
{
    public int? Clients { get; init; }
}

internal sealed record BenchResult(string Workload, int Instances, double Seconds, IReadOnlyDictionary<string, object> Extra)
{
    public double InstancesPerSecond => Seconds <= 0 ? 0 : Instances / Seconds;

    public Dictionary<string, object> ToJsonObject()
    {
        var json = new Dictionary<string, object>
        {
            ["workload"] = Workload,
            ["instances"] = Instances,
            ["seconds"] = Math.Round(Seconds, 6),
            ["instancesPerSecond"] = Math.Round(InstancesPerSecond, 1),
        };
        foreach (var (key, value) in Extra)
        {
            json[key] = value;
        }

        return json;
    }
}

/// <summary>A named benchmark workload. Each one measures the median of several runs after a warm-up.</summary>
internal interface IBenchWorkload
{
    string Name { get; }

    int DefaultInstances { get; }

    Task<BenchResult> RunAsync(BenchSettings settings, CancellationToken cancellationToken);
}
