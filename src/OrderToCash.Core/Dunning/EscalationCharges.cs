using System.Globalization;
using OrderToCash.Engine.Rules;

namespace OrderToCash.Core.Dunning;

/// <summary>
/// What an <c>escalation</c> decision says a late invoice costs: the penalty rate of the rule carrying
/// <c>ecbRefinancingRate</c> that held (its success event is the annual rate in percent), and the recovery indemnity.
/// Read the same way when the invoice is printed, charged and reminded.
/// </summary>
public static class EscalationCharges
{
    /// <summary>The annual penalty rate in percent, or null when no semester of the table covers the due date.</summary>
    public static decimal? PenaltyRatePercent(RuleDecision decision)
    {
        ArgumentNullException.ThrowIfNull(decision);
        decimal? rate = null;
        foreach (var outcome in decision.Outcome.Succeeded)
        {
            if (decision.RuleSet.FindRule(outcome.RuleName)?.Properties.ContainsKey("ecbRefinancingRate") == true && outcome.SuccessEvent is { } text)
            {
                rate = decimal.Parse(text, NumberStyles.Number, CultureInfo.InvariantCulture);
            }
        }

        return rate;
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
