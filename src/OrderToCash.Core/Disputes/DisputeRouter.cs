using System.Text.Json;
using OrderToCash.Core.Infrastructure.Rules;
using OrderToCash.Engine.Rules;
using OrderToCash.Engine.Rules.Decisions;

namespace OrderToCash.Core.Disputes;

/// <summary>Routes a dispute to its owning department with a resolution SLA, and records the decision against the dispute.</summary>
public sealed class DisputeRouter(RuleEvaluator evaluator)
{
    public const string SubjectType = "dispute";

    /// <summary>The rule that adds the credit manager as an observer of large disputes; it does not own them.</summary>
    public const string AttentionRule = "CreditManagerAttention";

    /// <summary>The role of the owner's task when no rule matched (route by hand): sales administration triages.</summary>
    public const string FallbackRole = "SalesAdministration";

    /// <summary>Routes a dispute; the decision's record is returned for the caller to add to its unit of work (a workflow step).</summary>
    public async Task<DisputeRoute> RouteAsync(string disputeNumber, DisputeRoutingInput input, DateTimeOffset at, CancellationToken cancellationToken)
    {
        var decision = await evaluator.EvaluateAsync(DisputeRoutingInput.RuleSet, [input], at, cancellationToken).ConfigureAwait(false);
        return Interpret(decision, decision.RecordFor(new DecisionSubject(SubjectType, disputeNumber)));
    }

    private static DisputeRoute Interpret(RuleDecision decision, DecisionRecord record)
    {
        var route = decision.Outcome.Succeeded.FirstOrDefault(r => r.RuleName != AttentionRule);
        int? sla = null;
        string? role = null;
        if (route is not null)
        {
            var properties = decision.RuleSet.FindRule(route.RuleName)!.Properties;
            if (properties.TryGetValue("resolutionSlaDays", out var days) && days.ValueKind == JsonValueKind.Number)
            {
                sla = days.GetInt32();
            }

            if (properties.TryGetValue("role", out var r) && r.ValueKind == JsonValueKind.String)
            {
                role = r.GetString();
            }
        }

        return new DisputeRoute(
            route?.RuleName,
            route?.SuccessEvent,
            sla,
            decision.Outcome.Find(AttentionRule)?.IsSuccess ?? false,
            decision.Version.Version,
            record)
        {
            Role = role ?? FallbackRole,
        };
    }
}

/// <param name="Route">The routing rule that matched, or null when the reason code is unknown (route by hand).</param>
/// <param name="Department">The owning department.</param>
/// <param name="ResolutionSlaDays">Days to resolve.</param>
/// <param name="CreditManagerAttention">The dispute is large enough for the credit manager to follow.</param>
/// <param name="RuleSetVersion">The dispute-routing version that decided.</param>
/// <param name="Record">The decision log record, for the caller's unit of work.</param>
public sealed record DisputeRoute(string? Route, string? Department, int? ResolutionSlaDays, bool CreditManagerAttention, int RuleSetVersion, DecisionRecord Record)
{
    /// <summary>The role whose members resolve it (the rule's <c>role</c> property: the department-to-role map is data).</summary>
    public string Role { get; init; } = DisputeRouter.FallbackRole;
}
