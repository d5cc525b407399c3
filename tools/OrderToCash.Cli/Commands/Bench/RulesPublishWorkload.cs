using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using OrderToCash.Core.Credit;
using OrderToCash.Core.Infrastructure.Persistence;
using OrderToCash.Core.Infrastructure.Rules;
using OrderToCash.Engine.Rules;
using OrderToCash.Engine.Rules.Store;

namespace OrderToCash.Cli.Commands.Bench;

/// <summary>
/// <c>o2c bench --workload rules-publish [--instances N]</c>: publishes a credit-limit rule set of N rules (default 1,000)
/// into a fresh SQLite file: schema check, eager compilation and sandbox screening of every expression, insert.
/// Each round publishes different content, so each round creates a version.
/// </summary>
internal sealed class RulesPublishWorkload : IBenchWorkload
{
    public string Name => "rules-publish";

    public int DefaultInstances => 1_000;

    public async Task<BenchResult> RunAsync(BenchSettings settings, CancellationToken cancellationToken)
    {
        if (settings.Database is not (null or "sqlite"))
        {
            throw new CliUsageException("rules-publish runs on a temporary SQLite file only (--db sqlite).");
        }

        var folder = Path.Combine(Path.GetTempPath(), $"o2c-bench-rules-{Guid.NewGuid():N}");
        Directory.CreateDirectory(folder);
        try
        {
            var connection = $"Data Source={Path.Combine(folder, "bench.db")}";
            await using (var db = DatabaseConfigurator.CreateContext(DatabaseProvider.Sqlite, connection))
            {
                await db.Database.MigrateAsync(cancellationToken).ConfigureAwait(false);
            }

            var publisher = new RuleSetPublisher(
                () => DatabaseConfigurator.CreateContext(DatabaseProvider.Sqlite, connection),
                Rules.RuleTooling.CreateValidator(),
                TimeProvider.System);
            var round = 0;
            var seconds = await BenchRounds.MedianSecondsAsync(async () =>
            {
                var file = new RuleSource($"generated-{round}.json", Generate(settings.Instances, round++));
                var result = await publisher.PublishAsync(new PublishRequest([file], [], "bench"), cancellationToken).ConfigureAwait(false);
                if (!result.Published)
                {
                    throw new InvalidOperationException($"The generated rule set was refused: {string.Join("; ", result.Diagnostics.Take(3))}");
                }
            }, rounds: 3).ConfigureAwait(false);
            return new BenchResult(Name, settings.Instances, seconds, new Dictionary<string, object>
            {
                ["rulesPerSecond"] = Math.Round(settings.Instances / seconds, 0),
                ["rounds"] = 3,
                ["database"] = "sqlite",
            });
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(folder, recursive: true);
        }
    }

    /// <summary>N distinct rules of the shape of the shipped ones (parameters, arithmetic, comparisons).</summary>
    private static string Generate(int count, int salt) => JsonSerializer.Serialize(new
    {
        WorkflowName = CreditCheckInput.RuleSet,
        GlobalParams = new[] { new { Name = "limit", Expression = "check.InternalLimit + check.InsurerCover" } },
        Rules = Enumerable.Range(0, count).Select(i => new
        {
            RuleName = $"Threshold{i}",
            LocalParams = new[] { new { Name = "threshold", Expression = $"{(i * 97) + salt}" } },
            Expression = $"check.Exposure + check.OrderAmount - threshold <= limit && (check.RiskClass == \"A\" || check.OldestOverdueDays < {i % 90})",
            SuccessEvent = $"ok-{i}",
            Properties = new Dictionary<string, object> { ["description"] = $"Generated rule {i}." },
        }),
    });
}
