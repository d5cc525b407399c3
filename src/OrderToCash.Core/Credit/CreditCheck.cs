using OrderToCash.Core.Rules;
using OrderToCash.Engine.Rules;
using OrderToCash.Engine.Rules.Decisions;

namespace OrderToCash.Core.Credit;

/// <summary>
/// Checks an order against the credit-limit rule set and records the decision against the order, so that
/// "why was this order blocked, under which rule version" has an answer (<see cref="DecisionLog.ExplainAsync"/>).
/// </summary>
public sealed class CreditCheck(RuleEvaluator evaluator)
{
    public const string SubjectType = "order";

    /// <summary>The rule property that marks a credit rule whose failure blocks the order.</summary>
    public const string BlockingFlag = "blocksOrderWhenFailed";

    public const string FourEyesRule = "ReleaseNeedsSecondApprover";

    public async Task<CreditCheckResult> CheckAsync(string orderId, CreditCheckInput input, CancellationToken cancellationToken)
    {
        var decision = await evaluator.EvaluateAsync(OrderToCashRuleSets.CreditLimit, [input], new DecisionSubject(SubjectType, orderId), cancellationToken: cancellationToken).ConfigureAwait(false);
        var reasons = decision.FailedWhere(BlockingFlag).Select(r => new CreditBlockReason(r.RuleName, r.ErrorMessage ?? r.ExceptionMessage ?? r.RuleName)).ToList();
        var fourEyes = decision.Outcome.Find(FourEyesRule)?.IsSuccess ?? false;
        return new CreditCheckResult(reasons.Count > 0, reasons, fourEyes, decision.Version.Version, decision.DecisionId!.Value);
    }
}

/// <param name="Blocked">True when a blocking rule failed: the order waits for a documented release or rejection.</param>
/// <param name="Reasons">The blocking rules that failed, with their messages.</param>
/// <param name="ReleaseNeedsSecondApprover">Releasing this order needs two approvers.</param>
/// <param name="RuleSetVersion">The credit-limit version that decided.</param>
/// <param name="DecisionId">The decision log record.</param>
public sealed record CreditCheckResult(bool Blocked, IReadOnlyList<CreditBlockReason> Reasons, bool ReleaseNeedsSecondApprover, int RuleSetVersion, long DecisionId);

public sealed record CreditBlockReason(string RuleName, string Message);
