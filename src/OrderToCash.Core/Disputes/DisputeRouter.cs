using System.Text.Json;
using OrderToCash.Core.Infrastructure.Rules;
using OrderToCash.Engine.Rules;
using OrderToCash.Engine.Rules.Decisions;
using OrderToCash.Engine.Rules.Store;

namespace OrderToCash.Core.Disputes;

/// <summary>
/// What a dispute-routing decision means for the dispute: its owning department, resolving role and SLA. The decision is
/// the dispute workflow's business-rule task (recorded against the dispute in the step's transaction, ADR 0064); this
/// reads its record.
/// </summary>
public sealed class DisputeRouter(RuleEvaluator evaluator, RuleSetRuntime versions)
{
    public const string SubjectType = "dispute";

    /// <summary>The rule that adds the credit manager as an observer of large disputes; it does not own them.</summary>
    public const string AttentionRule = "CreditManagerAttention";

    /// <summary>The role of the owner's task when no rule matched (route by hand): sales administration triages.</summary>
    public const string FallbackRole = "SalesAdministration";

    /// <summary>
    /// The route a recorded dispute-routing decision gives: its recorded inputs replayed under its recorded version, whose
    /// rules' properties name the department, role and SLA (rules cannot read anything else, so this is the recorded outcome).
    /// </summary>
    public async Task<DisputeRoute> ReadAsync(DecisionRecord record, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(record);
        if (record.RuleSetName != DisputeRoutingInput.RuleSet)
        {
            throw new InvalidOperationException($"Decision {record.Id} was taken by the rule set '{record.RuleSetName}', not by '{DisputeRoutingInput.RuleSet}': map the routing's decisionId.");
        }

        var version = await versions.ResolveVersionAsync(record.RuleSetName, record.RuleSetVersion, cancellationToken).ConfigureAwait(false);
        var outcome = await evaluator.ReplayAsync(record, cancellationToken).ConfigureAwait(false);
        return Interpret(new RuleDecision(version.Version, version.RuleSet, outcome, record.EvaluatedAt, []), record);
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
