using Microsoft.EntityFrameworkCore;
using OrderToCash.Core.Credit;
using OrderToCash.Core.Infrastructure.Persistence;
using OrderToCash.Core.Invoicing;
using OrderToCash.Engine.Handlers;
using OrderToCash.Engine.Rules.Decisions;

namespace OrderToCash.Core.Orders;

/// <param name="OrderNumber">The delivered order to invoice.</param>
/// <param name="TermsDecisionId">The payment-terms decision that passed the customer's terms (the terms check's <c>decisionId</c>).</param>
public sealed record InvoiceIssueInput(string OrderNumber, long? TermsDecisionId = null);

/// <param name="InvoiceNumber">The invoice issued (FA-yyyy-nnnnnn), the key of the dunning that follows.</param>
public sealed record InvoiceIssueOutput(string InvoiceNumber);

/// <summary>
/// The cycle's invoicing step: invoices the delivered order in the step's transaction, so the invoice, its number, the
/// order's status and the exposure's move from delivered-not-invoiced to open receivables commit with the step. A
/// step that runs again finds the invoice it issued. It issues only after a passing payment-terms decision (the
/// business-rule task before it, ADR 0065); without one (a cycle of a version from before that check) it stops in an
/// incident that says to migrate the instance.
/// </summary>
[WorkflowHandler("invoice.issue", "Issues the invoice of a delivered order (number, due date from the terms, French mentions).")]
public sealed class InvoiceIssueHandler(InvoiceIssuer issuer, PaymentTermsCheck termsCheck) : WorkflowHandler<InvoiceIssueInput, InvoiceIssueOutput>
{
    protected override async ValueTask<InvoiceIssueOutput> HandleAsync(InvoiceIssueInput input, HandlerContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(context);
        var db = (OrderToCashDbContext)context.Services.GetService(typeof(OrderToCashDbContext))!;
        var order = await db.Set<Order>().FirstOrDefaultAsync(o => o.Number == input.OrderNumber, cancellationToken).ConfigureAwait(false)
            ?? throw new InvoiceRefusedException($"Order '{input.OrderNumber}' was not found: nothing to invoice.");
        if (await InvoiceIssuer.IssuedForAsync(db, order.Id, cancellationToken).ConfigureAwait(false) is { } issued)
        {
            return new InvoiceIssueOutput(issued.Number);
        }

        if (order is not { Status: OrderStatus.Delivered, DeliveredOn: { } deliveredOn })
        {
            throw new InvoiceRefusedException($"Order {order.Number} is {order.Status}: only a delivered order is invoiced.");
        }

        await PassedTermsAsync(db, order, input.TermsDecisionId, cancellationToken).ConfigureAwait(false);
        var mainFamily = order.Lines.OrderByDescending(l => l.NetAmount).ThenBy(l => l.LineNumber).Select(l => l.ProductFamily).FirstOrDefault() ?? "General";
        var delivered = new DeliveredOrder(order.Id, order.Number, order.CustomerId, order.Currency, deliveredOn, order.NetTotal, order.VatTotal, order.GrossTotal, mainFamily);
        // The dunning runs as a call activity of this same instance: its id is the cycle's.
        var invoice = await issuer.IssueAsync(db, delivered, context.InstanceId, cancellationToken).ConfigureAwait(false);
        var exposure = await db.Set<CreditExposure>().SingleAsync(e => e.CustomerId == order.CustomerId, cancellationToken).ConfigureAwait(false);
        order.MarkInvoiced(exposure);
        return new InvoiceIssueOutput(invoice.Number);
    }

    private async Task PassedTermsAsync(OrderToCashDbContext db, Order order, long? decisionId, CancellationToken cancellationToken)
    {
        if (decisionId is not { } id || id == 0)
        {
            throw new InvoiceRefusedException(
                $"Order {order.Number}'s cycle is a version of '{OrderToCashCycle.ProcessId}' that issues the invoice without a payment-terms decision: "
                + "migrate the instance to the latest version (POST /api/definitions/order-to-cash/migrations, mapping issueInvoice to termsSituation), whose terms check runs first.");
        }

        var record = await db.Set<DecisionRecord>().AsNoTracking().SingleOrDefaultAsync(d => d.Id == id, cancellationToken).ConfigureAwait(false)
            ?? throw new InvoiceRefusedException($"Decision {id} was not found: map the decisionId of the terms check (a business-rule task of the payment-terms rule set) into termsDecisionId.");
        var terms = await termsCheck.ReadAsync(record, cancellationToken).ConfigureAwait(false);
        if (terms.Refused)
        {
            throw new InvoiceRefusedException($"Order {order.Number}'s payment terms were refused by the payment-terms rules (version {terms.RuleSetVersion}, decision {id}): {string.Join(" ", terms.Reasons)}");
        }
    }
}
