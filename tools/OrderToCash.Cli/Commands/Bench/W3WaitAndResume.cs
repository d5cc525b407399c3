using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using OrderToCash.Core.Infrastructure.Persistence;
using OrderToCash.Engine.Bpmn.Validation;
using OrderToCash.Engine.Durable;
using OrderToCash.Engine.Handlers;

namespace OrderToCash.Cli.Commands.Bench;

/// <summary>
/// W3, wait and resume: start → service task → message catch → service task → end, every instance persisted at the
/// wait and resumed by a correlated message, with durable commits (SQLite WAL + synchronous=FULL, or PostgreSQL).
/// Measures group commit (a batch of instances per transaction) and, in the same run, one commit per step.
/// </summary>
internal sealed class W3WaitAndResume : IBenchWorkload
{
    private const int BatchSize = 500;
    private const int Rounds = 3;

    internal const string Definition = """
        <definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:o2c="https://ordertocash.dev/schema/bpmn" id="w3" targetNamespace="https://ordertocash.dev/bench">
          <message id="paid" name="w3-paid"/>
          <process id="w3" isExecutable="true">
            <extensionElements><o2c:variable name="key" type="string"/></extensionElements>
            <startEvent id="start"/>
            <sequenceFlow id="f1" sourceRef="start" targetRef="before"/>
            <serviceTask id="before" o2c:handler="bench.step"/>
            <sequenceFlow id="f2" sourceRef="before" targetRef="wait"/>
            <intermediateCatchEvent id="wait" o2c:correlationKey="key"><messageEventDefinition messageRef="paid"/></intermediateCatchEvent>
            <sequenceFlow id="f3" sourceRef="wait" targetRef="after"/>
            <serviceTask id="after" o2c:handler="bench.step"/>
            <sequenceFlow id="f4" sourceRef="after" targetRef="end"/>
            <endEvent id="end"/>
          </process>
        </definitions>
        """;

    public string Name => "W3";

    public int DefaultInstances => 20_000;

    public async Task<BenchResult> RunAsync(BenchSettings settings, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var (provider, connectionString, temp) = Database(settings);
        try
        {
            var runtime = await CreateRuntimeAsync(provider, connectionString, cancellationToken).ConfigureAwait(false);
            using var statements = new StatementCounter();
            // Keys and message ids unique per run, so a kept database (PostgreSQL) can be measured again.
            var prefix = Guid.NewGuid().ToString("N")[..8];
            var run = 0;
            await RunInstancesAsync(runtime, $"{prefix}-warm{run++}", Math.Min(1_000, settings.Instances), BatchSize, cancellationToken).ConfigureAwait(false);
            var grouped = new List<double>();
            var groupedStatements = statements.Count;
            for (var round = 0; round < Rounds; round++)
            {
                grouped.Add(await RunInstancesAsync(runtime, $"{prefix}-g{run++}", settings.Instances, BatchSize, cancellationToken).ConfigureAwait(false));
            }

            groupedStatements = statements.Count - groupedStatements;

            // One commit per step, on a tenth of the instances (it is the slow baseline the batches are compared with).
            var singleCount = Math.Max(100, settings.Instances / 10);
            var singleStatements = statements.Count;
            var single = await RunInstancesAsync(runtime, $"{prefix}-s{run++}", singleCount, 1, cancellationToken).ConfigureAwait(false);
            singleStatements = statements.Count - singleStatements;
            var median = grouped.Order().ElementAt(grouped.Count / 2);
            return new BenchResult(Name, settings.Instances, median, new Dictionary<string, object>
            {
                ["database"] = provider.ToString(),
                ["durability"] = provider == DatabaseProvider.Sqlite ? "WAL, synchronous=FULL" : "PostgreSQL defaults (fsync on)",
                ["batchSize"] = BatchSize,
                ["rounds"] = Rounds,
                ["roundSeconds"] = grouped.Select(s => Math.Round(s, 3)).ToList(),
                ["oneCommitPerStepInstancesPerSecond"] = Math.Round(singleCount / single, 1),
                ["statementsPerInstance"] = Math.Round(groupedStatements / (double)(settings.Instances * Rounds), 3),
                ["oneCommitPerStepStatementsPerInstance"] = Math.Round(singleStatements / (double)singleCount, 2),
                ["groupCommitSpeedup"] = Math.Round(singleCount / single == 0 ? 0 : settings.Instances / median / (singleCount / single), 2),
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

    /// <summary>A migrated database with W3 published, and a runtime on it (the system clock: real commits are measured).</summary>
    internal static async Task<DurableWorkflowRuntime> CreateRuntimeAsync(DatabaseProvider provider, string connectionString, CancellationToken cancellationToken)
    {
        await using (var db = DatabaseConfigurator.CreateContext(provider, connectionString))
        {
            await db.Database.MigrateAsync(cancellationToken).ConfigureAwait(false);
        }

        var handlers = new HandlerCatalog([new BenchStepHandler()]);
        OrderToCashDbContext Create() => DatabaseConfigurator.CreateContext(provider, connectionString);
        var definitions = new DefinitionStore(Create, TimeProvider.System, handlers, () => new WorkflowCatalog(handlers.Descriptors, []));
        var published = await definitions.PublishAsync(Definition, "w3.bpmn", "bench", cancellationToken).ConfigureAwait(false);
        if (!published.Published)
        {
            throw new InvalidOperationException("The W3 definition does not validate: " + string.Join("; ", published.Diagnostics));
        }

        return new DurableWorkflowRuntime(Create, definitions, TimeProvider.System, new DurableWorkflowOptions());
    }

    /// <summary>Runs <paramref name="count"/> complete instances and returns the seconds it took.</summary>
    private static async Task<double> RunInstancesAsync(DurableWorkflowRuntime runtime, string prefix, int count, int batchSize, CancellationToken cancellationToken)
    {
        var watch = Stopwatch.StartNew();
        for (var offset = 0; offset < count; offset += batchSize)
        {
            var keys = Enumerable.Range(offset, Math.Min(batchSize, count - offset)).Select(i => $"{prefix}-{i}").ToList();
            if (batchSize == 1)
            {
                await runtime.StartAsync("w3", new Dictionary<string, object?> { ["key"] = keys[0] }, null, cancellationToken).ConfigureAwait(false);
                await runtime.CorrelateAsync(new IncomingMessage("w3-paid", keys[0], "m-" + keys[0]), cancellationToken).ConfigureAwait(false);
                continue;
            }

            await runtime.StartManyAsync("w3", [.. keys.Select(k => new StartRequest(new Dictionary<string, object?> { ["key"] = k }))], cancellationToken).ConfigureAwait(false);
            var results = await runtime.CorrelateManyAsync([.. keys.Select(k => new IncomingMessage("w3-paid", k, "m-" + k))], cancellationToken).ConfigureAwait(false);
            if (results.Any(r => r.Outcome != CorrelationOutcome.Delivered))
            {
                throw new InvalidOperationException("A W3 payment was not delivered to its waiting instance.");
            }
        }

        return watch.Elapsed.TotalSeconds;
    }

    internal static (DatabaseProvider Provider, string ConnectionString, string? Temp) Database(BenchSettings settings)
    {
        switch (settings.Database?.ToLowerInvariant())
        {
            case null or "sqlite" when settings.Connection is not null:
                return (DatabaseProvider.Sqlite, settings.Connection, null);
            case null or "sqlite":
                var temp = Path.Combine(Path.GetTempPath(), $"o2c-bench-{Guid.NewGuid():N}");
                Directory.CreateDirectory(temp);
                return (DatabaseProvider.Sqlite, $"Data Source={Path.Combine(temp, "w3.db")}", temp);
            case "postgres" or "postgresql":
                return (DatabaseProvider.PostgreSql, settings.Connection
                    ?? throw new CliUsageException("--db postgres needs --connection \"Host=...;Database=...\" to an empty database."), null);
            default:
                throw new CliUsageException($"--db '{settings.Database}' is not supported; use sqlite or postgres.");
        }
    }
}

public sealed record BenchNoInput;

/// <summary>The service tasks of W3: they do nothing, so the benchmark measures the runtime and its commits.</summary>
[WorkflowHandler("bench.step", "A step that does nothing (benchmark).")]
public sealed class BenchStepHandler : WorkflowHandler<BenchNoInput, BenchNoInput>
{
    protected override ValueTask<BenchNoInput> HandleAsync(BenchNoInput input, HandlerContext context, CancellationToken cancellationToken) =>
        ValueTask.FromResult(input);
}
