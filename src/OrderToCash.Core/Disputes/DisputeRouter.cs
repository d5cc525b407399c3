using System.Text.Json;
using OrderToCash.Core.Rules;
using OrderToCash.Engine.Rules;
using OrderToCash.Engine.Rules.Decisions;

namespace OrderToCash.Core.Disputes;

/// <summary>Routes a dispute to its owning department with a resolution SLA, and records the decision against the dispute.</summary>
public sealed class DisputeRouter(RuleEvaluator evaluator)
{
    public const string SubjectType = "dispute";

    /// <summary>The rule that adds the credit manager as an observer of large disputes; it does not own them.</summary>
    public const string AttentionRule = "CreditManagerAttention";

    public async Task<DisputeRoute> RouteAsync(string disputeId, DisputeRoutingInput input, CancellationToken cancellationToken)
    {
        var decision = await evaluator.EvaluateAsync(OrderToCashRuleSets.DisputeRouting, [input], new DecisionSubject(SubjectType, disputeId), cancellationToken: cancellationToken).ConfigureAwait(false);
        var route = decision.Outcome.Succeeded.FirstOrDefault(r => r.RuleName != AttentionRule);
        int? sla = null;
        if (route is not null && decision.RuleSet.FindRule(route.RuleName)!.Properties.TryGetValue("resolutionSlaDays", out var days) && days.ValueKind == JsonValueKind.Number)
        {
            sla = days.GetInt32();
        }

        return new DisputeRoute(
            route?.RuleName,
            route?.SuccessEvent,
            sla,
            decision.Outcome.Find(AttentionRule)?.IsSuccess ?? false,
            decision.Version.Version,
            decision.DecisionId!.Value);
    }
}

/// <param name="Route">The routing rule that matched, or null when the reason code is unknown (route by hand).</param>
/// <param name="Department">The owning department.</param>
/// <param name="ResolutionSlaDays">Days to resolve.</param>
/// <param name="CreditManagerAttention">The dispute is large enough for the credit manager to follow.</param>
/// <param name="RuleSetVersion">The dispute-routing version that decided.</param>
/// <param name="DecisionId">The decision log record.</param>
public sealed record DisputeRoute(string? Route, string? Department, int? ResolutionSlaDays, bool CreditManagerAttention, int RuleSetVersion, long DecisionId);
