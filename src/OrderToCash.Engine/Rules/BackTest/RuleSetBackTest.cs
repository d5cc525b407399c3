using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using OrderToCash.Engine.Rules.Compilation;
using OrderToCash.Engine.Rules.Decisions;
using OrderToCash.Engine.Rules.Definitions;
using OrderToCash.Engine.Rules.Store;
using RulesEngine.Models;

namespace OrderToCash.Engine.Rules.BackTest;

/// <summary>
/// Replays the recorded decisions of a period through an edited, unpublished version of their rule set and lists those
/// whose outcome would change: a blocking rule that would no longer fail (released) or would now fail (held), or other
/// events (another dunning step, another routing). Nothing is written. The decision log keeps each decision's inputs,
/// so the replay needs nothing but the log (ADR 0123).
/// </summary>
public sealed class RuleSetBackTest(Func<DbContext> createContext)
{
    /// <summary>At most this many changed decisions are listed; the counts and amounts cover them all.</summary>
    public const int MaxListed = 500;

    /// <summary>At most this many decisions are replayed in one back-test (a year of a busy company's orders).</summary>
    public const int MaxReplayed = 250_000;

    /// <param name="candidate">The edited rule set, compiled.</param>
    /// <param name="from">First instant of the period (inclusive).</param>
    /// <param name="to">End of the period (exclusive).</param>
    /// <param name="blockingFlag">The rule property marking a rule whose failure blocks (credit: <c>blocksOrderWhenFailed</c>).</param>
    /// <param name="cancellationToken">Stops the replay (the client left, or the expression budget ran out).</param>
    public async Task<BackTestReport> RunAsync(CompiledRuleSet candidate, DateTimeOffset from, DateTimeOffset to, string blockingFlag, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(candidate);
        await using var db = createContext();
        var versions = await db.Set<RuleSetVersion>().AsNoTracking()
            .Where(v => v.Name == candidate.Name)
            .Select(v => new { v.Version, v.Content })
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        var blockingByVersion = versions.ToDictionary(
            v => v.Version,
            v => BlockingRules(RuleFileReader.FromCanonical($"{candidate.Name} v{v.Version}", v.Content).Workflow.Rules, blockingFlag));
        var blockingNow = BlockingRules(candidate.Definition.Workflow.Rules, blockingFlag);

        var report = new Tally(candidate.Name);
        var decisions = db.Set<DecisionRecord>().AsNoTracking()
            .Where(d => d.RuleSetName == candidate.Name && d.EvaluatedAt >= from && d.EvaluatedAt < to)
            .OrderBy(d => d.Id)
            .Take(MaxReplayed + 1)
            .Select(d => new Recorded(d.SubjectType, d.SubjectId, d.RuleSetVersion, d.EvaluatedAt, d.InputsJson, d.ResultsJson))
            .AsAsyncEnumerable();
        await foreach (var decision in decisions.WithCancellation(cancellationToken).ConfigureAwait(false))
        {
            if (report.Replayed == MaxReplayed)
            {
                report.TooMany = true;
                break;
            }

            report.Replayed++;
            using var recordedInputs = JsonDocument.Parse(decision.InputsJson);
            if (Inputs(candidate, recordedInputs.RootElement) is not { } inputs)
            {
                report.Unreadable++;
                continue;
            }

            var recorded = JsonSerializer.Deserialize<List<RuleOutcome>>(decision.ResultsJson, DecisionLog.Json) ?? [];
            var before = Verdict.Of(recorded, blockingByVersion.GetValueOrDefault(decision.RuleSetVersion, blockingNow));
            var after = Verdict.Of(candidate.Evaluate(inputs).Rules, blockingNow);
            if (before.Equals(after))
            {
                continue;
            }

            report.Add(new BackTestChange(decision.SubjectType, decision.SubjectId, decision.EvaluatedAt, decision.RuleSetVersion,
                before.ToString(), after.ToString(), Direction(before, after), Amount(recordedInputs.RootElement)));
        }

        return report.ToReport();
    }

    private static string Direction(Verdict before, Verdict after) =>
        (before.Blocking.Count, after.Blocking.Count) switch
        {
            ( > 0, 0) => BackTestDirection.Released,
            (0, > 0) => BackTestDirection.Held,
            _ => BackTestDirection.Changed,
        };

    /// <summary>The decision's inputs bound to the rule set's input types; null when they no longer fit (a changed input model).</summary>
    private static object?[]? Inputs(CompiledRuleSet candidate, JsonElement recorded)
    {
        var values = new object?[candidate.Inputs.Count];
        for (var i = 0; i < values.Length; i++)
        {
            var binding = candidate.Inputs[i];
            if (!recorded.TryGetProperty(binding.Name, out var json))
            {
                return null;
            }

            try
            {
                values[i] = json.Deserialize(binding.Type, DecisionLog.Json);
            }
            catch (JsonException)
            {
                return null;
            }
        }

        return values;
    }

    /// <summary>The amount at stake: the first number of the inputs whose name ends in "amount" (an order's amount, an invoice's open amount).</summary>
    private static decimal? Amount(JsonElement recorded)
    {
        foreach (var input in recorded.EnumerateObject().Where(i => i.Value.ValueKind == JsonValueKind.Object))
        {
            foreach (var field in input.Value.EnumerateObject())
            {
                if (field.Value.ValueKind == JsonValueKind.Number && field.Name.EndsWith("amount", StringComparison.OrdinalIgnoreCase))
                {
                    return field.Value.GetDecimal();
                }
            }
        }

        return null;
    }

    private static HashSet<string> BlockingRules(IEnumerable<Rule>? rules, string flag) =>
        [.. Flatten(rules).Where(r => r.Properties?.TryGetValue(flag, out var value) == true && IsTrue(value)).Select(r => r.RuleName)];

    private static bool IsTrue(object? value) => value switch
    {
        bool b => b,
        JsonElement { ValueKind: JsonValueKind.True } => true,
        string s => bool.TryParse(s, out var parsed) && parsed,
        _ => false,
    };

    private static IEnumerable<Rule> Flatten(IEnumerable<Rule>? rules) =>
        (rules ?? []).SelectMany(r => new[] { r }.Concat(Flatten(r.Rules)));

    private sealed record Recorded(string SubjectType, string SubjectId, int RuleSetVersion, DateTimeOffset EvaluatedAt, string InputsJson, string ResultsJson);

    /// <summary>What a decision amounts to: the blocking rules that failed, and the events of the rules that succeeded.</summary>
    private sealed record Verdict(IReadOnlyList<string> Blocking, IReadOnlyList<string> Events)
    {
        public static Verdict Of(IEnumerable<RuleOutcome> rules, HashSet<string> blockingRules)
        {
            var list = rules.ToList();
            return new Verdict(
                [.. list.Where(r => !r.IsSuccess && blockingRules.Contains(r.RuleName)).Select(r => r.RuleName).Order(StringComparer.Ordinal)],
                [.. list.Where(r => r.IsSuccess).Select(r => r.SuccessEvent ?? r.RuleName).Order(StringComparer.Ordinal)]);
        }

        public bool Equals(Verdict? other) =>
            other is not null && Blocking.SequenceEqual(other.Blocking, StringComparer.Ordinal) && Events.SequenceEqual(other.Events, StringComparer.Ordinal);

        public override int GetHashCode() => HashCode.Combine(Blocking.Count, Events.Count);

        public override string ToString() =>
            (Blocking.Count > 0 ? $"blocked by {string.Join(", ", Blocking)}" : "passes") + (Events.Count > 0 ? $" [{string.Join(", ", Events)}]" : string.Empty);
    }

    private sealed class Tally(string ruleSetName)
    {
        private readonly List<BackTestChange> changes = [];

        public int Replayed { get; set; }

        public int Unreadable { get; set; }

        public bool TooMany { get; set; }

        private int changed;
        private int released;
        private int held;
        private decimal releasedAmount;
        private decimal heldAmount;

        public void Add(BackTestChange change)
        {
            changed++;
            if (change.Direction == BackTestDirection.Released)
            {
                released++;
                releasedAmount += change.Amount ?? 0m;
            }
            else if (change.Direction == BackTestDirection.Held)
            {
                held++;
                heldAmount += change.Amount ?? 0m;
            }

            if (changes.Count < MaxListed)
            {
                changes.Add(change);
            }
        }

        public BackTestReport ToReport() =>
            new(ruleSetName, Replayed, Unreadable, changed, released, releasedAmount, held, heldAmount, changes, TooMany || changed > changes.Count);
    }
}

/// <summary>Which way a changed decision goes.</summary>
public static class BackTestDirection
{
    /// <summary>It was blocked and would pass (exposure released).</summary>
    public const string Released = "released";

    /// <summary>It passed and would be blocked (exposure held).</summary>
    public const string Held = "held";

    /// <summary>Another outcome without a block changing (another step, another routing, a second approver).</summary>
    public const string Changed = "changed";
}

/// <param name="RuleSet">The rule set replayed.</param>
/// <param name="Replayed">Decisions of the period replayed.</param>
/// <param name="Unreadable">Decisions whose recorded inputs no longer fit the rule set's inputs (skipped).</param>
/// <param name="Changed">Decisions whose outcome would change.</param>
/// <param name="Released">How many decisions would no longer be blocked.</param>
/// <param name="ReleasedAmount">The amounts of the decisions that would no longer be blocked.</param>
/// <param name="Held">How many decisions would now be blocked.</param>
/// <param name="HeldAmount">The amounts of the decisions that would now be blocked.</param>
/// <param name="Changes">The changed decisions, oldest first (at most <see cref="RuleSetBackTest.MaxListed"/>).</param>
/// <param name="Truncated">True when not every changed decision is listed (or the period held too many decisions).</param>
public sealed record BackTestReport(string RuleSet, int Replayed, int Unreadable, int Changed, int Released, decimal ReleasedAmount, int Held, decimal HeldAmount,
    IReadOnlyList<BackTestChange> Changes, bool Truncated);

/// <summary>One decision whose outcome would change: what was decided, what would be, and the amount at stake.</summary>
public sealed record BackTestChange(string SubjectType, string SubjectId, DateTimeOffset EvaluatedAt, int RecordedVersion, string Before, string After, string Direction, decimal? Amount);
