using OrderToCash.Core.Customers;
using OrderToCash.Core.Infrastructure.Rules;
using OrderToCash.Engine.Rules;
using OrderToCash.Engine.Rules.Decisions;
using OrderToCash.Engine.Rules.Store;

namespace OrderToCash.Core.Credit;

/// <summary>
/// Checks an order against the credit-limit rule set. At entry the check is the order-to-cash workflow's business-rule
/// task, whose decision record <see cref="ReadAsync"/> interprets (ADR 0063); at delivery <see cref="DecideAsync"/>
/// evaluates it here and returns the record for the delivery's own transaction (ADR 0041). Either way "why was this
/// order blocked, under which rule version" has an answer (<see cref="DecisionLog.ExplainAsync"/>) exactly when the
/// order exists.
/// </summary>
public sealed class CreditCheck(RuleEvaluator evaluator, RuleSetRuntime versions)
{
    public const string SubjectType = "order";

    /// <summary>The rule property that marks a credit rule whose failure blocks the order.</summary>
    public const string BlockingFlag = "blocksOrderWhenFailed";

    public const string FourEyesRule = "ReleaseNeedsSecondApprover";

    public async Task<CreditCheckResult> DecideAsync(string orderNumber, CreditCheckInput input, DateTimeOffset at, CancellationToken cancellationToken)
    {
        var decision = await evaluator.EvaluateAsync(CreditCheckInput.RuleSet, [input], at, cancellationToken).ConfigureAwait(false);
        return Interpret(decision, decision.RecordFor(new DecisionSubject(SubjectType, orderNumber)));
    }

    /// <summary>
    /// What a recorded credit-limit decision means for the order (blocked, why, four-eyes): its recorded inputs replayed
    /// under its recorded version, whose rules say which failures block (rules cannot read anything else, so this is the
    /// recorded outcome).
    /// </summary>
    public async Task<CreditCheckResult> ReadAsync(DecisionRecord record, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(record);
        if (record.RuleSetName != CreditCheckInput.RuleSet)
        {
            throw new CreditDecisionException($"Decision {record.Id} was taken by the rule set '{record.RuleSetName}', not by '{CreditCheckInput.RuleSet}': map the credit check's decisionId.");
        }

        var version = await versions.ResolveVersionAsync(record.RuleSetName, record.RuleSetVersion, cancellationToken).ConfigureAwait(false);
        var outcome = await evaluator.ReplayAsync(record, cancellationToken).ConfigureAwait(false);
        return Interpret(new RuleDecision(version.Version, version.RuleSet, outcome, record.EvaluatedAt, []), record);
    }

    private static CreditCheckResult Interpret(RuleDecision decision, DecisionRecord record)
    {
        var reasons = decision.FailedWhere(BlockingFlag)
            .Select(r => new CreditBlockReason(r.RuleName, r.ErrorMessage ?? r.ExceptionMessage ?? r.RuleName)).ToList();
        var fourEyes = decision.Outcome.Find(FourEyesRule)?.IsSuccess ?? false;
        return new CreditCheckResult(reasons.Count > 0, reasons, fourEyes, decision.Version.Version, record);
    }

    /// <summary>
    /// What the rules see: the exposure without this order (the rules add the order themselves), and the customer's
    /// overdue items and paid invoices from invoicing (with those carried over from before go-live). Used at entry and
    /// again at delivery (ADR 0041).
    /// </summary>
    public static CreditCheckInput InputFor(Customer customer, decimal exposureWithoutOrder, decimal orderAmount, CustomerPaymentHistory history, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(customer);
        ArgumentNullException.ThrowIfNull(history);
        return new CreditCheckInput(
            OrderAmount: orderAmount,
            Exposure: exposureWithoutOrder,
            InternalLimit: customer.InternalCreditLimit,
            InsurerCover: customer.InsurerCover,
            OverdueAmount: history.OverdueAmount,
            OldestOverdueDays: history.OldestOverdueDays,
            RiskClass: customer.RiskClass,
            AccountAgeDays: Math.Max(0, today.DayNumber - customer.AccountOpenedOn.DayNumber),
            PaidInvoiceCount: history.PaidInvoiceCount + customer.PaidInvoicesCarriedOver);
    }
}

/// <param name="Blocked">True when a blocking rule failed: the order waits for a documented release or rejection.</param>
/// <param name="Reasons">The blocking rules that failed, with their messages.</param>
/// <param name="ReleaseNeedsSecondApprover">Releasing this order needs two approvers.</param>
/// <param name="RuleSetVersion">The credit-limit version that decided.</param>
/// <param name="Record">The decision log record, for the caller's unit of work.</param>
public sealed record CreditCheckResult(bool Blocked, IReadOnlyList<CreditBlockReason> Reasons, bool ReleaseNeedsSecondApprover, int RuleSetVersion, DecisionRecord Record);

public sealed record CreditBlockReason(string RuleName, string Message);
