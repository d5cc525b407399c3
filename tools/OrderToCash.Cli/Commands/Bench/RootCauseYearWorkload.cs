using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using OrderToCash.Cli.Commands.RootCauses;
using OrderToCash.Core.Infrastructure.Content;
using OrderToCash.Core.Infrastructure.Persistence;
using OrderToCash.Core.Infrastructure.Rules;
using OrderToCash.Core.Kpis;
using OrderToCash.Core.RootCauses;
using OrderToCash.Engine.Rules.Store;

namespace OrderToCash.Cli.Commands.Bench;

/// <summary>
/// <c>o2c bench --workload root-cause-year [--instances N]</c>: one year of N invoices (default 1,000,000) and N ÷ 10
/// disputes on SQLite (bulk-loaded, see <see cref="LedgerBulkLoader"/>), then the medians of 3 rounds after a warm-up of:
/// the year's grouping (twelve monthly GROUP BYs), the root-cause analysis at year end (two 90-day periods, the rules,
/// tasks), and the KPIs of the year for the company. With <c>--connection</c> the database is kept for o2c kpi / rootcause.
/// </summary>
internal sealed class RootCauseYearWorkload : IBenchWorkload
{
    private const int Rounds = 3;

    public string Name => "root-cause-year";

    public int DefaultInstances => 1_000_000;

    public async Task<BenchResult> RunAsync(BenchSettings settings, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(settings);
        if (settings.Database is not null and not "sqlite")
        {
            throw new CliUsageException($"The root-cause-year workload runs on SQLite only (the figure the issue asks for), not '{settings.Database}'.");
        }

        var temp = settings.Connection is null ? Path.Combine(Path.GetTempPath(), $"o2c-bench-rc-{Guid.NewGuid():N}") : null;
        var connectionString = settings.Connection ?? $"Data Source={Path.Combine(temp!, "bench.db")}";
        if (temp is not null)
        {
            Directory.CreateDirectory(temp);
        }

        try
        {
            OrderToCashDbContext Context() => DatabaseConfigurator.CreateContext(DatabaseProvider.Sqlite, connectionString);
            await using (var db = Context())
            {
                await db.Database.MigrateAsync(cancellationToken).ConfigureAwait(false);
            }

            var load = Stopwatch.StartNew();
            var loaded = await LedgerBulkLoader.LoadAsync(connectionString, settings.Instances, cancellationToken).ConfigureAwait(false);
            var loadSeconds = load.Elapsed.TotalSeconds;
            await PublishRulesAsync(Context, cancellationToken).ConfigureAwait(false);

            var yearEnd = new DateOnly(2027, 1, 1);
            var clock = new FixedClock(new DateTimeOffset(2027, 1, 1, 3, 0, 0, TimeSpan.Zero));
            var groups = 0;
            var grouping = await BenchRounds.MedianSecondsAsync(async () =>
            {
                await using var db = Context();
                groups = 0;
                for (var month = 1; month <= 12; month++)
                {
                    var from = new DateOnly(2026, month, 1);
                    groups += (await RootCauseGrouping.GroupAsync(db, from, from.AddMonths(1), cancellationToken).ConfigureAwait(false)).Groups.Count;
                }
            }, Rounds).ConfigureAwait(false);

            var tasks = 0;
            var analysis = await BenchRounds.MedianSecondsAsync(async () =>
            {
                var result = await AnalyticsTooling.Analyzer(Context, clock).AnalyzeAsync(yearEnd, cancellationToken).ConfigureAwait(false);
                tasks += result.TasksCreated.Count;
            }, Rounds).ConfigureAwait(false);

            KpiReport? report = null;
            var kpis = await BenchRounds.MedianSecondsAsync(async () =>
                report = await new KpiCalculator(Context).CalculateAsync(new DateOnly(2026, 1, 1), new DateOnly(2026, 12, 31), KpiScope.Company, cancellationToken).ConfigureAwait(false), Rounds).ConfigureAwait(false);

            return new BenchResult(Name, settings.Instances, grouping, new Dictionary<string, object>
            {
                ["database"] = "Sqlite",
                ["invoices"] = loaded.Invoices,
                ["payments"] = loaded.Payments,
                ["disputes"] = loaded.Disputes,
                ["loadSeconds"] = Math.Round(loadSeconds, 3),
                ["rowsPerSecondLoaded"] = Math.Round((loaded.Invoices + (2 * loaded.Payments) + loaded.Disputes) / loadSeconds, 0),
                ["rounds"] = Rounds,
                ["yearGroupingSeconds"] = Math.Round(grouping, 3),
                ["yearGroupRows"] = groups,
                ["analysisSeconds"] = Math.Round(analysis, 3),
                ["tasksCreatedInAllRounds"] = tasks,
                ["yearKpiSeconds"] = Math.Round(kpis, 3),
                ["yearDso"] = report!.Dso ?? 0m,
                ["yearClosingReceivables"] = report.ClosingReceivables,
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

    private static async Task PublishRulesAsync(Func<OrderToCashDbContext> context, CancellationToken cancellationToken)
    {
        var (rules, cases) = await RuleFolder.LoadAsync(BenchRounds.RulesFolder(), cancellationToken).ConfigureAwait(false);
        var publisher = new RuleSetPublisher(context, new Engine.Rules.RuleSetValidator(new Engine.Rules.Compilation.RuleSetCompiler(OrderToCashRuleSets.CreateCatalog())), new FixedClock(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero)));
        var result = await publisher.PublishAsync(new PublishRequest(rules, cases, "bench"), cancellationToken).ConfigureAwait(false);
        if (!result.Published)
        {
            throw new InvalidOperationException($"The shipped rules could not be published: {string.Join("; ", result.Diagnostics)}");
        }
    }

    /// <summary>The benchmark analyses the loaded year as of 1 Jan 2027, whatever today is.</summary>
    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
