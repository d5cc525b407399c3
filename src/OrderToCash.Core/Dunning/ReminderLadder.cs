using System.Globalization;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using OrderToCash.Core.Rules;
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

    public async Task<ReminderDecision> DecideAsync(string invoiceId, EscalationInput input, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        var decision = await evaluator.EvaluateAsync(OrderToCashRuleSets.Escalation, [input], new DecisionSubject(SubjectType, invoiceId), cancellationToken: cancellationToken).ConfigureAwait(false);
        return Interpret(decision, decision.DecisionId!.Value);
    }

    /// <summary>
    /// Decides like <see cref="DecideAsync"/> but adds the decision record to <paramref name="db"/>, the caller's unit of
    /// work (a workflow step): recording through a second connection would wait for the writer lock the step holds on SQLite,
    /// and a rolled-back step must not leave a decision behind.
    /// </summary>
    public async Task<ReminderDecision> DecideInAsync(DbContext db, string invoiceNumber, EscalationInput input, DateTimeOffset at, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(input);
        var decision = await evaluator.EvaluateAsync(OrderToCashRuleSets.Escalation, [input], subject: null, asOf: at, cancellationToken: cancellationToken).ConfigureAwait(false);
        var record = DecisionLog.CreateRecord(new DecisionSubject(SubjectType, invoiceNumber), decision.Version, at, decision.RuleSet, [input], decision.Outcome);
        db.Add(record);
        return Interpret(decision, decisionId: 0);
    }

    /// <summary>
    /// The highest step the rules would give each day from <paramref name="from"/> for <paramref name="days"/> days, the
    /// flags held as they are now (not recorded: a plan is not a decision). The planner uses it to find the next day a new
    /// step becomes due without repeating the thresholds of the rules in code.
    /// </summary>
    public async Task<IReadOnlyList<int>> ProbeAsync(Func<DateOnly, EscalationInput> inputOn, DateOnly from, int days, DateTimeOffset at, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(inputOn);
        var decision = await evaluator.EvaluateAsync(OrderToCashRuleSets.Escalation, [inputOn(from)], subject: null, asOf: at, cancellationToken: cancellationToken).ConfigureAwait(false);
        var levels = new List<int>(days);
        for (var day = 0; day < days; day++)
        {
            var outcome = day == 0 ? decision.Outcome : decision.RuleSet.Evaluate(inputOn(from.AddDays(day)));
            levels.Add(HighestStep(decision.RuleSet, outcome).Level);
        }

        return levels;
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

    private static ReminderDecision Interpret(RuleDecision decision, long decisionId)
    {
        var (level, step) = HighestStep(decision.RuleSet, decision.Outcome);
        return new ReminderDecision(
            step,
            decision.Outcome.Find("LadderPaused")?.IsSuccess ?? false,
            EscalationCharges.PenaltyRatePercent(decision),
            EscalationCharges.IndemnityEur(decision),
            RateTableOutdated: decision.Outcome.Find("PenaltyRateTableCovers")?.IsSuccess == false,
            decision.Version.Version,
            decisionId)
        {
            Level = level,
        };
    }
}

/// <param name="Step">The highest ladder step due (e.g. "FormalReminder"), or null when none is.</param>
/// <param name="Paused">A dispute or a promise to pay holds the ladder.</param>
/// <param name="PenaltyRatePercent">The annual late-payment penalty rate (ECB + 10 points), when the invoice is late.</param>
/// <param name="IndemnityEur">The fixed recovery indemnity due (40 EUR for a professional customer), else 0.</param>
/// <param name="RateTableOutdated">The ECB rate table does not cover the due date: someone must extend it.</param>
/// <param name="RuleSetVersion">The escalation version that decided.</param>
/// <param name="DecisionId">The decision log record (0 when the record was added to the caller's unit of work and has no id yet).</param>
public sealed record ReminderDecision(string? Step, bool Paused, decimal? PenaltyRatePercent, decimal IndemnityEur, bool RateTableOutdated, int RuleSetVersion, long DecisionId)
{
    /// <summary>The step's level on the ladder (its rule's <c>step</c> property), 0 when no step is due.</summary>
    public int Level { get; init; }
}
