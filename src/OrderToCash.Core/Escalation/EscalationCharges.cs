using System.Globalization;
using OrderToCash.Engine.Rules;

namespace OrderToCash.Core.Escalation;

/// <summary>
/// What an <c>escalation</c> decision says a late invoice costs: the points its penalty rule (the rule carrying
/// <see cref="PointsProperty"/>) adds to the ECB rate when it holds (its success event is the number of points), and
/// the recovery indemnity. Read the same way when the invoice is printed, charged and reminded; the ECB rate itself
/// comes from the reference table (ADR 0101).
/// </summary>
public static class EscalationCharges
{
    public const string PointsProperty = "pointsAboveEcb";

    /// <summary>The points above the ECB rate, or null when no penalty is due.</summary>
    public static decimal? PenaltyPoints(RuleDecision decision)
    {
        ArgumentNullException.ThrowIfNull(decision);
        decimal? points = null;
        foreach (var outcome in decision.Outcome.Succeeded)
        {
            if (decision.RuleSet.FindRule(outcome.RuleName)?.Properties.ContainsKey(PointsProperty) == true && outcome.SuccessEvent is { } text)
            {
                points = decimal.Parse(text, NumberStyles.Number, CultureInfo.InvariantCulture);
            }
        }

        return points;
    }

    /// <summary>The annual penalty rate: the ECB rate of the input plus the rules' points; null when either is unknown.</summary>
    public static decimal? PenaltyRatePercent(RuleDecision decision, EscalationInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        return input.EcbRefinancingRate + PenaltyPoints(decision);
    }

    /// <summary>The fixed recovery indemnity in euros (40 for a professional customer), 0 when none is due.</summary>
    public static decimal IndemnityEur(RuleDecision decision)
    {
        ArgumentNullException.ThrowIfNull(decision);
        return decision.Outcome.Find("RecoveryIndemnity") is { IsSuccess: true, SuccessEvent: { } euros }
            ? decimal.Parse(euros, NumberStyles.Number, CultureInfo.InvariantCulture)
            : 0m;
    }
}
