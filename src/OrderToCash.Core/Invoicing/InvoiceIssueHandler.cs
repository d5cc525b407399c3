using OrderToCash.Core.Infrastructure.Persistence;
using OrderToCash.Engine.Handlers;

namespace OrderToCash.Core.Invoicing;

/// <param name="OrderNumber">The delivered order to invoice.</param>
public sealed record InvoiceIssueInput(string OrderNumber);

/// <param name="InvoiceNumber">The invoice issued (FA-yyyy-nnnnnn), the key of the dunning that follows.</param>
public sealed record InvoiceIssueOutput(string InvoiceNumber);

/// <summary>
/// The cycle's invoicing step: issues the invoice of the delivered order in the step's transaction, so the invoice, its
/// number and the exposure move commit with the step. A refusal (terms the rules forbid) becomes an incident.
/// </summary>
[WorkflowHandler("invoice.issue", "Issues the invoice of a delivered order (number, due date from the terms, French mentions).")]
public sealed class InvoiceIssueHandler(InvoiceIssuer issuer) : WorkflowHandler<InvoiceIssueInput, InvoiceIssueOutput>
{
    protected override async ValueTask<InvoiceIssueOutput> HandleAsync(InvoiceIssueInput input, HandlerContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(context);
        var db = (OrderToCashDbContext)context.Services.GetService(typeof(OrderToCashDbContext))!;
        // The dunning runs as a call activity of this same instance: its id is the cycle's.
        var invoice = await issuer.IssueAsync(db, input.OrderNumber, context.InstanceId, cancellationToken).ConfigureAwait(false);
        return new InvoiceIssueOutput(invoice.Number);
    }
}
