using Microsoft.EntityFrameworkCore;
using OrderToCash.Core.Disputes;
using OrderToCash.Core.Infrastructure.Persistence;
using OrderToCash.Core.Invoicing;
using OrderToCash.Core.Reasons;
using OrderToCash.Engine.Handlers;

namespace OrderToCash.Core.Dunning;

/// <param name="InvoiceNumber">The invoice the salesperson called about.</param>
/// <param name="LateReason">A late-payment code of the taxonomy (e.g. APPROVAL_DELAY_AT_CUSTOMER).</param>
public sealed record LatePaymentReasonInput(string InvoiceNumber, string? LateReason);

/// <param name="ReasonOutcome"><c>recorded</c>, or <c>refused</c> (the call task is asked again).</param>
/// <param name="RefusalReason">Why the answer was refused, for the next task's reader.</param>
public sealed record LatePaymentReasonOutput(string ReasonOutcome, string RefusalReason);

/// <summary>Records the reason for the delay the salesperson heard on the cordial call (Invoice.LatePaymentReason), for the root-cause loop.</summary>
[WorkflowHandler("dunning.record-reason", "Records the salesperson's reason for the late payment (a late-payment code of the taxonomy).")]
public sealed class LatePaymentReasonHandler : WorkflowHandler<LatePaymentReasonInput, LatePaymentReasonOutput>
{
    public const string Recorded = "recorded";
    public const string Refused = "refused";

    protected override async ValueTask<LatePaymentReasonOutput> HandleAsync(LatePaymentReasonInput input, HandlerContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(context);
        var db = (OrderToCashDbContext)context.Services.GetService(typeof(OrderToCashDbContext))!;
        var code = input.LateReason?.Trim();
        var known = string.IsNullOrEmpty(code) ? null
            : await db.Set<ReasonCode>().AsNoTracking().FirstOrDefaultAsync(r => r.Code == code, cancellationToken).ConfigureAwait(false);
        if (known is not { Kind: ReasonKind.LatePayment })
        {
            var codes = await db.Set<ReasonCode>().AsNoTracking().Where(r => r.Kind == ReasonKind.LatePayment).Select(r => r.Code).ToListAsync(cancellationToken).ConfigureAwait(false);
            return new LatePaymentReasonOutput(Refused, $"'{code}' is not a late-payment reason; answer lateReason with one of {string.Join(", ", codes.Order(StringComparer.Ordinal))} (a dispute is raised on the invoice instead).");
        }

        var invoice = await db.Set<Invoice>().SingleAsync(i => i.Number == input.InvoiceNumber, cancellationToken).ConfigureAwait(false);
        invoice.LatePaymentReason = known.Code;
        return new LatePaymentReasonOutput(Recorded, string.Empty);
    }
}
