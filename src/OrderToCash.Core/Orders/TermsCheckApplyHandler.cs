using Microsoft.EntityFrameworkCore;
using OrderToCash.Core.Infrastructure.Persistence;
using OrderToCash.Core.Invoicing;
using OrderToCash.Engine.Handlers;
using OrderToCash.Engine.Rules.Decisions;

namespace OrderToCash.Core.Orders;

/// <param name="DecisionId">The terms check's <c>decisionId</c> (a payment-terms business-rule task).</param>
public sealed record TermsCheckApplyInput(long DecisionId);

/// <param name="Refused">A refusing rule failed: sales administration corrects the customer's terms first.</param>
/// <param name="Refusal">Why, in the rules' words (one line per failed rule), for the correction task's form; empty when passed.</param>
public sealed record TermsCheckApplyOutput(bool Refused, string Refusal);

/// <summary>
/// Applies the recorded payment-terms decision (ADR 0065): passed, the invoice is issued next; refused, the cycle waits
/// in sales administration's "correct the payment terms" task with the failed rules' messages, then checks again.
/// </summary>
[WorkflowHandler("invoice.apply-terms-check", "Passes the customer's payment terms or refuses them with the failed L441-10 rules, from the payment-terms decision.")]
public sealed class TermsCheckApplyHandler(PaymentTermsCheck termsCheck) : WorkflowHandler<TermsCheckApplyInput, TermsCheckApplyOutput>
{
    protected override async ValueTask<TermsCheckApplyOutput> HandleAsync(TermsCheckApplyInput input, HandlerContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(context);
        var db = (OrderToCashDbContext)context.Services.GetService(typeof(OrderToCashDbContext))!;
        var record = await db.Set<DecisionRecord>().AsNoTracking().SingleOrDefaultAsync(d => d.Id == input.DecisionId, cancellationToken).ConfigureAwait(false)
            ?? throw new InvoiceRefusedException($"Decision {input.DecisionId} was not found: map the decisionId of the terms check (a business-rule task of the payment-terms rule set) into this task.");
        var result = await termsCheck.ReadAsync(record, cancellationToken).ConfigureAwait(false);
        return new TermsCheckApplyOutput(result.Refused, string.Join('\n', result.Reasons));
    }
}
