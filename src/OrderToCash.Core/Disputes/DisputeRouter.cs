using System.Text.Json;
using Microsoft.EntityFrameworkCore;
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

    /// <summary>The role of the owner's task when no rule matched (route by hand): sales administration triages.</summary>
    public const string FallbackRole = "SalesAdministration";

    public async Task<DisputeRoute> RouteAsync(string disputeId, DisputeRoutingInput input, CancellationToken cancellationToken)
    {
        var decision = await evaluator.EvaluateAsync(OrderToCashRuleSets.DisputeRouting, [input], new DecisionSubject(SubjectType, disputeId), cancellationToken: cancellationToken).ConfigureAwait(false);
        return Interpret(decision, decision.DecisionId!.Value);
    }

    /// <summary>Routes like <see cref="RouteAsync"/> but adds the decision record to the caller's unit of work (a workflow step).</summary>
    public async Task<DisputeRoute> RouteInAsync(DbContext db, string disputeNumber, DisputeRoutingInput input, DateTimeOffset at, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var decision = await evaluator.EvaluateAsync(OrderToCashRuleSets.DisputeRouting, [input], subject: null, asOf: at, cancellationToken: cancellationToken).ConfigureAwait(false);
        db.Add(DecisionLog.CreateRecord(new DecisionSubject(SubjectType, disputeNumber), decision.Version, at, decision.RuleSet, [input], decision.Outcome));
        return Interpret(decision, decisionId: 0);
    }

    private static DisputeRoute Interpret(RuleDecision decision, long decisionId)
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
            decisionId)
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
/// <param name="DecisionId">The decision log record.</param>
public sealed record DisputeRoute(string? Route, string? Department, int? ResolutionSlaDays, bool CreditManagerAttention, int RuleSetVersion, long DecisionId)
{
    /// <summary>The role whose members resolve it (the rule's <c>role</c> property: the department-to-role map is data).</summary>
    public string Role { get; init; } = DisputeRouter.FallbackRole;
}
