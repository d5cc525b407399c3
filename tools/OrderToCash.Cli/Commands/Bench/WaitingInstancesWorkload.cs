using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using OrderToCash.Core.Infrastructure.Persistence;
using OrderToCash.Engine.Durable;

namespace OrderToCash.Cli.Commands.Bench;

/// <summary>
/// W3-waiting: starts N W3 instances that all stop at the message wait, and reports this process's working set
/// afterwards. Waiting instances live in the database, not in memory: the figure must not grow with N. With
/// <c>--connection</c> the database is kept, so a host can then be started on it and measured too.
/// </summary>
internal sealed class WaitingInstancesWorkload : IBenchWorkload
{
    private const int BatchSize = 1_000;

    public string Name => "W3-waiting";

    public int DefaultInstances => 100_000;

    public async Task<BenchResult> RunAsync(BenchSettings settings, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var (provider, connectionString, temp) = W3WaitAndResume.Database(settings);
        try
        {
            var runtime = await W3WaitAndResume.CreateRuntimeAsync(provider, connectionString, cancellationToken).ConfigureAwait(false);
            var run = Guid.NewGuid().ToString("N")[..8];
            var watch = Stopwatch.StartNew();
            for (var offset = 0; offset < settings.Instances; offset += BatchSize)
            {
                var count = Math.Min(BatchSize, settings.Instances - offset);
                await runtime.StartManyAsync("w3", [.. Enumerable.Range(offset, count).Select(i => new StartRequest(new Dictionary<string, object?> { ["key"] = $"{run}-{i}" }))], cancellationToken).ConfigureAwait(false);
            }

            var seconds = watch.Elapsed.TotalSeconds;
            GC.Collect();
            GC.WaitForPendingFinalizers();
            GC.Collect();
            await using var check = DatabaseConfigurator.CreateContext(provider, connectionString);
            var waiting = await Engine.Durable.WorkflowQueries.CountMessageWaitsAsync(check, cancellationToken).ConfigureAwait(false);
            return new BenchResult(Name, settings.Instances, seconds, new Dictionary<string, object>
            {
                ["database"] = provider.ToString(),
                ["waitingInDatabase"] = waiting,
                ["workingSetMB"] = Math.Round(Environment.WorkingSet / 1024d / 1024d, 1),
                ["managedHeapMB"] = Math.Round(GC.GetTotalMemory(forceFullCollection: true) / 1024d / 1024d, 1),
            });
        }
        finally
        {
            if (temp is not null)
            {
                Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
                Directory.Delete(temp, recursive: true);
            }
        }
    }
}
