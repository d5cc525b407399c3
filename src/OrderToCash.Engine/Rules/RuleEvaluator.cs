using System.Text.Json;
using OrderToCash.Engine.Rules.Compilation;
using OrderToCash.Engine.Rules.Decisions;
using OrderToCash.Engine.Rules.Store;

namespace OrderToCash.Engine.Rules;

/// <summary>
/// The entry point for deciding with a rule set: resolve the version in force at the evaluation date (from the
/// database, so every host agrees), evaluate its compiled rules, and record the decision when it is about a subject.
/// </summary>
public sealed class RuleEvaluator(RuleSetRuntime runtime, DecisionLog log, TimeProvider clock)
{
    /// <param name="ruleSetName">The rule set, e.g. the WorkflowName of a rule file.</param>
    /// <param name="inputs">The inputs, in the order the catalog declares them.</param>
    /// <param name="subject">What the decision is about; when given, the decision is recorded.</param>
    /// <param name="asOf">The evaluation date that selects the version; now when null.</param>
    /// <param name="cancellationToken">Cancels the database work.</param>
    public async Task<RuleDecision> EvaluateAsync(string ruleSetName, IReadOnlyList<object?> inputs, DecisionSubject? subject = null, DateTimeOffset? asOf = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        var at = (asOf ?? clock.GetUtcNow()).ToUniversalTime();
        var resolved = await runtime.ResolveAsync(ruleSetName, at, cancellationToken).ConfigureAwait(false);
        var values = inputs as object?[] ?? [.. inputs];
        var outcome = resolved.RuleSet.Evaluate(values);
        long? decisionId = null;
        if (subject is not null)
        {
            var record = DecisionLog.CreateRecord(subject, resolved.Version, at, resolved.RuleSet, values, outcome);
            decisionId = await log.RecordAsync(record, cancellationToken).ConfigureAwait(false);
        }

        return new RuleDecision(resolved.Version, resolved.RuleSet, outcome, decisionId);
    }

    /// <summary>
    /// Evaluates a recorded decision again: its recorded inputs under its recorded version. Rules cannot read the clock
    /// or anything outside their inputs, so the outcome is the recorded one (an audit can check it).
    /// </summary>
    public async Task<RuleSetOutcome> ReplayAsync(DecisionRecord record, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(record);
        var resolved = await runtime.ResolveVersionAsync(record.RuleSetName, record.RuleSetVersion, cancellationToken).ConfigureAwait(false);
        using var inputs = JsonDocument.Parse(record.InputsJson);
        var values = resolved.RuleSet.Inputs
            .Select(b => inputs.RootElement.TryGetProperty(b.Name, out var value) ? value.Deserialize(b.Type, DecisionLog.Json) : null)
            .ToArray();
        return resolved.RuleSet.Evaluate(values);
    }
}

/// <summary>The outcome, the version (and its rules, for their Properties) that produced it, and the decision log id when recorded.</summary>
public sealed record RuleDecision(RuleSetVersionHeader Version, CompiledRuleSet RuleSet, RuleSetOutcome Outcome, long? DecisionId)
{
    /// <summary>The rules that failed and carry <c>"flag": true</c> in their Properties (e.g. a blocking rule).</summary>
    public IReadOnlyList<RuleOutcome> FailedWhere(string flag) =>
        Outcome.Rules.Where(r => !r.IsSuccess && RuleSet.FindRule(r.RuleName)?.Properties.TryGetValue(flag, out var value) == true
                                 && value.ValueKind == System.Text.Json.JsonValueKind.True).ToList();
}
