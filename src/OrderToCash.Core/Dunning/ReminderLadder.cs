using System.Globalization;
using System.Text.Json;
using OrderToCash.Core.Escalation;
using OrderToCash.Core.Infrastructure.Rules;
using OrderToCash.Engine.Rules;
using OrderToCash.Engine.Rules.Compilation;
using OrderToCash.Engine.Rules.Decisions;

namespace OrderToCash.Core.Dunning;

/// <summary>
/// Picks an open invoice's step on the reminder ladder and its late-payment charges from the escalation rule set,
/// and records the decision against the invoice.
/// </summary>
public sealed class ReminderLadder(RuleEvaluator evaluator)
{
    public const string SubjectType = "invoice";

    /// <summary>The input of the dunning's business-rule task that names the invoice its decision is about (ADR 0065).</summary>
    public const string SubjectNumberInput = "invoiceNumber";

    /// <summary>
    /// Decides an invoice's step and charges. The decision's record is returned (<see cref="ReminderDecision.Record"/>),
    /// for the caller to add to its unit of work (a workflow step): a rolled-back step leaves no decision behind.
    /// </summary>
    public async Task<ReminderDecision> DecideAsync(string invoiceNumber, EscalationInput input, DateTimeOffset at, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        var decision = await evaluator.EvaluateAsync(EscalationInput.RuleSet, [input], at, cancellationToken).ConfigureAwait(false);
        return Interpret(decision, input, decision.RecordFor(new DecisionSubject(SubjectType, invoiceNumber)));
    }

    /// <summary>
    /// What a recorded escalation decision (the dunning's business-rule task "Choose the reminder step") means: its
    /// recorded inputs replayed under its recorded version, whose rules give the step, the pause and the charges.
    /// </summary>
    /// <exception cref="InvalidOperationException">The record is not an escalation decision.</exception>
    public async Task<ReminderDecision> ReadAsync(DecisionRecord record, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(record);
        if (record.RuleSetName != EscalationInput.RuleSet)
        {
            throw new InvalidOperationException($"Decision {record.Id} was taken by the rule set '{record.RuleSetName}', not by '{EscalationInput.RuleSet}': map the decisionId of the reminder step's business-rule task.");
        }

        var decision = await evaluator.ReplayDecisionAsync(record, cancellationToken).ConfigureAwait(false);
        var input = decision.Inputs.OfType<EscalationInput>().FirstOrDefault()
            ?? throw new InvalidOperationException($"Decision {record.Id} has no recorded '{EscalationInput.RuleSet}' item.");
        return Interpret(decision, input, record);
    }

    /// <summary>
    /// The highest step the rules would give each day from <paramref name="from"/> for <paramref name="days"/> days, the
    /// flags held as they are now (not recorded: a plan is not a decision). The planner uses it to find the next day a new
    /// step becomes due without repeating the thresholds of the rules in code.
    /// </summary>
    public async Task<IReadOnlyList<int>> ProbeAsync(Func<DateOnly, EscalationInput> inputOn, DateOnly from, int days, DateTimeOffset at, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(inputOn);
        var decision = await evaluator.EvaluateAsync(EscalationInput.RuleSet, [inputOn(from)], at, cancellationToken).ConfigureAwait(false);
        var levels = new List<int>(days);
        for (var day = 0; day < days; day++)
        {
            var outcome = day == 0 ? decision.Outcome : decision.RuleSet.Evaluate(inputOn(from.AddDays(day)));
            levels.Add(HighestStep(decision.RuleSet, outcome).Level);
        }

        return levels;
    }

    /// <summary>
    /// The first day within <paramref name="days"/> days from <paramref name="from"/> on which the rules give a step above
    /// <paramref name="currentLevel"/>, with that step (the collector's "next step and date"); null when none comes
    /// (the ladder is paused, or finished). Not recorded: a forecast is not a decision.
    /// </summary>
    public async Task<(DateOnly On, int Level, string Step)?> NextStepAsync(Func<DateOnly, EscalationInput> inputOn, DateOnly from, int days, int currentLevel, DateTimeOffset at, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(inputOn);
        var decision = await evaluator.EvaluateAsync(EscalationInput.RuleSet, [inputOn(from)], at, cancellationToken).ConfigureAwait(false);
        for (var day = 0; day < days; day++)
        {
            var outcome = day == 0 ? decision.Outcome : decision.RuleSet.Evaluate(inputOn(from.AddDays(day)));
            var (level, step) = HighestStep(decision.RuleSet, outcome);
            if (level > currentLevel && step is not null)
            {
                return (from.AddDays(day), level, step);
            }
        }

        return null;
    }

    private static (int Level, string? Step) HighestStep(CompiledRuleSet ruleSet, RuleSetOutcome outcome)
    {
        string? step = null;
        var highest = 0;
        foreach (var succeeded in outcome.Succeeded)
        {
            if (ruleSet.FindRule(succeeded.RuleName)!.Properties.TryGetValue("step", out var s) && s.ValueKind == JsonValueKind.Number && s.GetInt32() > highest)
            {
                (highest, step) = (s.GetInt32(), succeeded.RuleName);
            }
        }

        return (highest, step);
    }

    private static ReminderDecision Interpret(RuleDecision decision, EscalationInput input, DecisionRecord record)
    {
        var (level, step) = HighestStep(decision.RuleSet, decision.Outcome);
        return new ReminderDecision(
            step,
            decision.Outcome.Find("LadderPaused")?.IsSuccess ?? false,
            EscalationCharges.PenaltyRatePercent(decision, input),
            EscalationCharges.IndemnityEur(decision),
            decision.Version.Version,
            record)
        {
            Level = level,
            Input = input,
        };
    }
}

/// <param name="Step">The highest ladder step due (e.g. "FormalReminder"), or null when none is.</param>
/// <param name="Paused">A dispute or a promise to pay holds the ladder.</param>
/// <param name="PenaltyRatePercent">The annual late-payment penalty rate (ECB + 10 points), when the invoice is late and the ECB rate table has its semester.</param>
/// <param name="IndemnityEur">The fixed recovery indemnity due (40 EUR for a professional customer), else 0.</param>
/// <param name="RuleSetVersion">The escalation version that decided.</param>
/// <param name="Record">The decision log record, for the caller's unit of work.</param>
public sealed record ReminderDecision(string? Step, bool Paused, decimal? PenaltyRatePercent, decimal IndemnityEur, int RuleSetVersion, DecisionRecord Record)
{
    /// <summary>The step's level on the ladder (its rule's <c>step</c> property), 0 when no step is due.</summary>
    public int Level { get; init; }

    /// <summary>The invoice as the rules saw it (the recorded input when the decision was read from the log).</summary>
    public EscalationInput? Input { get; init; }
}
