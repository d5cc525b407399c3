using System.Globalization;
using System.Text.Json;
using OrderToCash.Core.Rules;
using OrderToCash.Engine.Rules;
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
        string? step = null;
        var highest = 0;
        decimal? penaltyRate = null;
        foreach (var outcome in decision.Outcome.Succeeded)
        {
            var properties = decision.RuleSet.FindRule(outcome.RuleName)!.Properties;
            if (properties.TryGetValue("step", out var s) && s.ValueKind == JsonValueKind.Number && s.GetInt32() > highest)
            {
                (highest, step) = (s.GetInt32(), outcome.RuleName);
            }

            if (properties.ContainsKey("ecbRefinancingRate") && outcome.SuccessEvent is { } rate)
            {
                penaltyRate = decimal.Parse(rate, NumberStyles.Number, CultureInfo.InvariantCulture);
            }
        }

        var indemnity = decision.Outcome.Find("RecoveryIndemnity") is { IsSuccess: true, SuccessEvent: { } amount }
            ? decimal.Parse(amount, NumberStyles.Number, CultureInfo.InvariantCulture)
            : 0m;
        return new ReminderDecision(
            step,
            decision.Outcome.Find("LadderPaused")?.IsSuccess ?? false,
            penaltyRate,
            indemnity,
            RateTableOutdated: decision.Outcome.Find("PenaltyRateTableCovers")?.IsSuccess == false,
            decision.Version.Version,
            decision.DecisionId!.Value);
    }
}

/// <param name="Step">The highest ladder step due (e.g. "FormalReminder"), or null when none is.</param>
/// <param name="Paused">A dispute or a promise to pay holds the ladder.</param>
/// <param name="PenaltyRatePercent">The annual late-payment penalty rate (ECB + 10 points), when the invoice is late.</param>
/// <param name="IndemnityEur">The fixed recovery indemnity due (40 EUR for a professional customer), else 0.</param>
/// <param name="RateTableOutdated">The ECB rate table does not cover the due date: someone must extend it.</param>
/// <param name="RuleSetVersion">The escalation version that decided.</param>
/// <param name="DecisionId">The decision log record.</param>
public sealed record ReminderDecision(string? Step, bool Paused, decimal? PenaltyRatePercent, decimal IndemnityEur, bool RateTableOutdated, int RuleSetVersion, long DecisionId);
