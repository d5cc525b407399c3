using OrderToCash.Core.Credit;
using OrderToCash.Core.Infrastructure.Rules;
using OrderToCash.Engine.Rules;
using OrderToCash.Engine.Rules.Compilation;
using OrderToCash.Engine.Rules.Definitions;
using RulesEngine.Models;

namespace OrderToCash.Cli.Commands.Bench;

/// <summary>
/// <c>o2c bench --workload credit-decision</c>: one credit-limit decision (the shipped rule set, every rule) through our
/// compiled rule set, against RulesEngine's ExecuteAllRulesAsync on the same workflow and inputs, in the same run.
/// Version lookup, validation and the decision log are excluded on both sides. Single thread.
/// </summary>
internal sealed class CreditDecisionWorkload : IBenchWorkload
{
    public string Name => "credit-decision";

    public int DefaultInstances => 1_000_000;

    public async Task<BenchResult> RunAsync(BenchSettings settings, CancellationToken cancellationToken)
    {
        var path = Path.Combine(BenchRounds.RulesFolder(), "credit-limit.json");
        var source = await RuleSource.ReadAsync(path, cancellationToken).ConfigureAwait(false);
        var definition = RuleFileReader.Read(path, source.Content).RuleSets.Single();
        var compilation = new RuleSetCompiler(OrderToCashRuleSets.CreateCatalog()).Compile(definition);
        var ruleSet = compilation.RuleSet ?? throw new InvalidOperationException(string.Join("; ", compilation.Diagnostics));
        var engine = new RulesEngine.RulesEngine([definition.Workflow], RuleEngineSettings.Create());
        var inputs = Inputs();
        var parameters = inputs.Select(i => new[] { new RuleParameter("check", i) }).ToArray();
        await CheckSameOutcomesAsync(ruleSet, engine, inputs, parameters).ConfigureAwait(false);

        var count = settings.Instances;
        var ours = await BenchRounds.MedianSecondsAsync(() =>
        {
            var args = new object?[1];
            for (var i = 0; i < count; i++)
            {
                args[0] = inputs[i & 15];
                _ = ruleSet.Evaluate(args);
            }

            return Task.CompletedTask;
        }).ConfigureAwait(false);
        var direct = await BenchRounds.MedianSecondsAsync(async () =>
        {
            for (var i = 0; i < count; i++)
            {
                _ = await engine.ExecuteAllRulesAsync("credit-limit", parameters[i & 15]).ConfigureAwait(false);
            }
        }).ConfigureAwait(false);

        return new BenchResult(Name, count, ours, new Dictionary<string, object>
        {
            ["rules"] = ruleSet.Rules.Count,
            ["rounds"] = BenchRounds.Rounds,
            ["ourDecisionsPerSecond"] = Math.Round(count / ours, 0),
            ["rulesEngineDecisionsPerSecond"] = Math.Round(count / direct, 0),
            ["rulesEngineSeconds"] = Math.Round(direct, 6),
            // Our time per decision relative to RulesEngine's, minus one: 0.2 would be 20% slower; negative is faster.
            ["overheadRatio"] = Math.Round((ours / direct) - 1, 4),
            ["threads"] = 1,
        });
    }

    private static async Task CheckSameOutcomesAsync(CompiledRuleSet ruleSet, RulesEngine.RulesEngine engine, CreditCheckInput[] inputs, RuleParameter[][] parameters)
    {
        for (var i = 0; i < inputs.Length; i++)
        {
            var ours = ruleSet.Evaluate(inputs[i]).Rules.Select(r => (r.RuleName, r.IsSuccess));
            var theirs = (await engine.ExecuteAllRulesAsync("credit-limit", parameters[i]).ConfigureAwait(false)).Select(r => (r.Rule.RuleName, r.IsSuccess));
            if (!ours.SequenceEqual(theirs))
            {
                throw new InvalidOperationException($"Our evaluation and RulesEngine's disagree on input {i}: the benchmark would compare different work.");
            }
        }
    }

    /// <summary>Sixteen varied orders, so that neither side measures one cached answer.</summary>
    private static CreditCheckInput[] Inputs() => Enumerable.Range(0, 16)
        .Select(i => new CreditCheckInput(
            OrderAmount: 1_000m + (i * 4_000m),
            Exposure: 10_000m * (i % 9),
            InternalLimit: 50_000m,
            InsurerCover: i % 3 == 0 ? 0m : 30_000m,
            OverdueAmount: i % 4 == 0 ? 2_500m : 0m,
            OldestOverdueDays: i % 4 == 0 ? 45 : 0,
            RiskClass: ((char)('A' + (i % 5))).ToString(),
            AccountAgeDays: i % 5 == 0 ? 60 : 800,
            PaidInvoiceCount: i % 5 == 0 ? 1 : 30))
        .ToArray();
}
