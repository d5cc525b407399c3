using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using OrderToCash.Core.Credit;
using OrderToCash.Core.Infrastructure.Persistence;
using OrderToCash.Core.Infrastructure.Rules;
using OrderToCash.Engine.Rules;
using OrderToCash.Engine.Rules.BackTest;
using OrderToCash.Engine.Rules.Decisions;
using OrderToCash.Engine.Rules.Store;

namespace OrderToCash.Cli.Commands.Bench;

/// <summary>
/// <c>o2c bench --workload backtest [--instances N]</c>: N recorded credit decisions (default 100,000) in a fresh SQLite
/// file, replayed through the shipped credit-limit rules with the new-customer cap raised to 8,000 EUR — what the rules
/// editor's back-test does (ADR 0123). Figures: decisions replayed per second, and how many would change.
/// </summary>
internal sealed class BackTestWorkload : IBenchWorkload
{
    private static readonly DateTimeOffset Start = new(2026, 1, 5, 9, 0, 0, TimeSpan.Zero);

    public string Name => "backtest";

    public int DefaultInstances => 100_000;

    public async Task<BenchResult> RunAsync(BenchSettings settings, CancellationToken cancellationToken)
    {
        if (settings.Database is not (null or "sqlite"))
        {
            throw new CliUsageException("backtest runs on a temporary SQLite file only (--db sqlite).");
        }

        var folder = Path.Combine(Path.GetTempPath(), $"o2c-bench-backtest-{Guid.NewGuid():N}");
        Directory.CreateDirectory(folder);
        try
        {
            var connection = $"Data Source={Path.Combine(folder, "bench.db")}";
            await using (var db = DatabaseConfigurator.CreateContext(DatabaseProvider.Sqlite, connection))
            {
                await db.Database.MigrateAsync(cancellationToken).ConfigureAwait(false);
            }

            OrderToCashDbContext Context() => DatabaseConfigurator.CreateContext(DatabaseProvider.Sqlite, connection);
            var validator = Rules.RuleTooling.CreateValidator();
            var shipped = await RuleSource.ReadAsync(Path.Combine(BenchRounds.RulesFolder(), "credit-limit.json"), cancellationToken).ConfigureAwait(false);
            var published = await new RuleSetPublisher(Context, validator, TimeProvider.System)
                .PublishAsync(new PublishRequest([shipped], [], "bench"), cancellationToken).ConfigureAwait(false);
            if (!published.Published)
            {
                throw new InvalidOperationException($"The shipped credit-limit rules were refused: {string.Join("; ", published.Diagnostics.Take(3))}");
            }

            await RecordDecisionsAsync(Context, validator.Validate([shipped], []).RuleSets.Single(), settings.Instances, cancellationToken).ConfigureAwait(false);
            var edited = validator.Validate([new RuleSource("credit-limit.json", NewCustomerCapEdit.Apply(shipped.Content, 8_000m))], []).RuleSets.Single();
            var backTest = new RuleSetBackTest(Context);
            BackTestReport? report = null;
            var seconds = await BenchRounds.MedianSecondsAsync(async () =>
                report = await backTest.RunAsync(edited, Start.AddDays(-1), Start.AddDays(400), CreditCheck.BlockingFlag, cancellationToken).ConfigureAwait(false), rounds: 3).ConfigureAwait(false);
            if (report!.Replayed != settings.Instances)
            {
                throw new InvalidOperationException($"{report.Replayed} decisions were replayed, {settings.Instances} recorded: the benchmark would measure other work.");
            }

            return new BenchResult(Name, settings.Instances, seconds, new Dictionary<string, object>
            {
                ["decisionsPerSecond"] = Math.Round(settings.Instances / seconds, 0),
                ["changed"] = report.Changed,
                ["released"] = report.Released,
                ["releasedAmount"] = report.ReleasedAmount,
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

    /// <summary>Credit decisions as the order entry records them, spread over a year, in batches.</summary>
    private static async Task RecordDecisionsAsync(Func<OrderToCashDbContext> context, Engine.Rules.Compilation.CompiledRuleSet ruleSet, int count, CancellationToken cancellationToken)
    {
        RuleSetVersion version;
        await using (var db = context())
        {
            version = await db.Set<RuleSetVersion>().AsNoTracking().SingleAsync(cancellationToken).ConfigureAwait(false);
        }

        var header = new RuleSetVersionHeader(version.Id, version.Name, version.Version, version.ContentHash, version.EffectiveFrom, version.PublishedAt, version.Author, version.Comment);
        var random = new Random(17);
        for (var done = 0; done < count;)
        {
            await using var db = context();
            var batch = Math.Min(5_000, count - done);
            for (var i = 0; i < batch; i++, done++)
            {
                var input = new CreditCheckInput(
                    OrderAmount: random.Next(100, 12_000),
                    Exposure: random.Next(0, 60_000),
                    InternalLimit: 50_000m,
                    InsurerCover: random.Next(2) * 30_000m,
                    OverdueAmount: random.Next(4) == 0 ? random.Next(100, 5_000) : 0m,
                    OldestOverdueDays: random.Next(60),
                    RiskClass: ((char)('A' + random.Next(5))).ToString(),
                    AccountAgeDays: random.Next(1_000),
                    PaidInvoiceCount: random.Next(10));
                var outcome = ruleSet.Evaluate(input);
                var subject = new DecisionSubject(CreditCheck.SubjectType, string.Create(CultureInfo.InvariantCulture, $"SO-BENCH-{done:D7}"));
                db.Add(DecisionLog.CreateRecord(subject, header, Start.AddMinutes(done % 500_000), ruleSet, [input], outcome));
            }

            await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        }
    }
}

/// <summary>The credit-limit rule set with another new-customer cap (the back-test's example edit).</summary>
internal static class NewCustomerCapEdit
{
    public static string Apply(string content, decimal cap)
    {
        var node = JsonNode.Parse(content)!;
        var rule = node["Rules"]!.AsArray().Single(r => r!["RuleName"]!.GetValue<string>() == "NewCustomerCap")!;
        rule["LocalParams"]!.AsArray().Single(p => p!["Name"]!.GetValue<string>() == "newCustomerCap")!["Expression"] = cap.ToString(CultureInfo.InvariantCulture);
        return node.ToJsonString();
    }
}
