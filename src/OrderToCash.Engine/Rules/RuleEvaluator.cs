using System.Text.Json;
using OrderToCash.Engine.Rules.Compilation;
using OrderToCash.Engine.Rules.Decisions;
using OrderToCash.Engine.Rules.Store;

namespace OrderToCash.Engine.Rules;

/// <summary>
/// The entry point for deciding with a rule set: resolve the version in force at the evaluation date (from the
/// database, so every host agrees) and evaluate its compiled rules. It only evaluates: a caller whose decision is about
/// a subject adds <see cref="RuleDecision.RecordFor"/> to its own unit of work, so the decision commits (or rolls back)
/// with the caller's other writes. There is no other way to record a decision.
/// </summary>
public sealed class RuleEvaluator(RuleSetRuntime runtime, TimeProvider clock)
{
    /// <param name="ruleSetName">The rule set, e.g. the WorkflowName of a rule file.</param>
    /// <param name="inputs">The inputs, in the order the catalog declares them.</param>
    /// <param name="asOf">The evaluation date that selects the version; now when null.</param>
    /// <param name="cancellationToken">Cancels the database work.</param>
    public Task<RuleDecision> EvaluateAsync(string ruleSetName, IReadOnlyList<object?> inputs, DateTimeOffset? asOf = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        return EvaluateAsync(ruleSetName, _ => inputs, asOf, cancellationToken);
    }

    /// <summary>
    /// The same, with the inputs built for the version in force (its bindings: a rule set the code does not know reads
    /// the types its file declares, so the values can only be made once the version is resolved).
    /// </summary>
    /// <param name="ruleSetName">The rule set, e.g. the WorkflowName of a rule file.</param>
    /// <param name="bind">Makes the inputs, in the order of the bindings it is given.</param>
    /// <param name="asOf">The evaluation date that selects the version; now when null.</param>
    /// <param name="cancellationToken">Cancels the database work.</param>
    public async Task<RuleDecision> EvaluateAsync(string ruleSetName, Func<IReadOnlyList<RuleInputBinding>, IReadOnlyList<object?>> bind, DateTimeOffset? asOf = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(bind);
        var at = (asOf ?? clock.GetUtcNow()).ToUniversalTime();
        var resolved = await runtime.ResolveAsync(ruleSetName, at, cancellationToken).ConfigureAwait(false);
        var inputs = bind(resolved.RuleSet.Inputs);
        var values = inputs as object?[] ?? [.. inputs];
        var outcome = resolved.RuleSet.Evaluate(values);
        return new RuleDecision(resolved.Version, resolved.RuleSet, outcome, at, values);
    }

    /// <summary>
    /// Evaluates a recorded decision again: its recorded inputs under its recorded version. Rules cannot read the clock
    /// or anything outside their inputs, so the outcome is the recorded one (an audit can check it).
    /// </summary>
    public async Task<RuleSetOutcome> ReplayAsync(DecisionRecord record, CancellationToken cancellationToken = default) =>
        (await ReplayDecisionAsync(record, cancellationToken).ConfigureAwait(false)).Outcome;

    /// <summary>
    /// A recorded decision as the step that applies it reads it: its recorded inputs evaluated again under its recorded
    /// version, with that version's rules (for their Properties) and the recorded inputs (ADR 0064).
    /// </summary>
    public async Task<RuleDecision> ReplayDecisionAsync(DecisionRecord record, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(record);
        var resolved = await runtime.ResolveVersionAsync(record.RuleSetName, record.RuleSetVersion, cancellationToken).ConfigureAwait(false);
        using var inputs = JsonDocument.Parse(record.InputsJson);
        var values = resolved.RuleSet.Inputs
            .Select(b => inputs.RootElement.TryGetProperty(b.Name, out var value) ? value.Deserialize(b.Type, DecisionLog.Json) : null)
            .ToArray();
        return new RuleDecision(resolved.Version, resolved.RuleSet, resolved.RuleSet.Evaluate(values), record.EvaluatedAt, values);
    }
}

/// <summary>The outcome, the version (and its rules, for their Properties) that produced it, when and from what.</summary>
public sealed record RuleDecision(RuleSetVersionHeader Version, CompiledRuleSet RuleSet, RuleSetOutcome Outcome, DateTimeOffset EvaluatedAt, IReadOnlyList<object?> Inputs)
{
    /// <summary>The decision log record of this decision about <paramref name="subject"/>, for the caller to add to its own unit of work.</summary>
    public DecisionRecord RecordFor(DecisionSubject subject) => DecisionLog.CreateRecord(subject, Version, EvaluatedAt, RuleSet, Inputs, Outcome);

    /// <summary>The rules that failed and carry <c>"flag": true</c> in their Properties (e.g. a blocking rule).</summary>
    public IReadOnlyList<RuleOutcome> FailedWhere(string flag) =>
        Outcome.Rules.Where(r => !r.IsSuccess && RuleSet.FindRule(r.RuleName)?.Properties.TryGetValue(flag, out var value) == true
                                 && value.ValueKind == System.Text.Json.JsonValueKind.True).ToList();
}
