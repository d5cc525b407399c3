using OrderToCash.Engine.Durable;

namespace OrderToCash.Core.Invoicing;

/// <summary>
/// Tells the dunning workflow that invoices were settled, after the business transaction committed. The message id is
/// derived from the invoice, so a resend is a duplicate; a lost message only delays (the dunning re-reads the invoice).
/// </summary>
public sealed class SettlementMessages(DurableWorkflowRuntime workflows)
{
    public static string MessageId(string invoiceNumber) => $"{CycleMessages.InvoiceSettled}:{invoiceNumber}";

    public async Task SendAsync(IEnumerable<Invoice> invoices, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(invoices);
        var messages = invoices.Where(i => i.IsSettled)
            .Select(i => new IncomingMessage(CycleMessages.InvoiceSettled, i.Number, MessageId(i.Number)))
            .ToList();
        if (messages.Count > 0)
        {
            await workflows.CorrelateManyAsync(messages, cancellationToken).ConfigureAwait(false);
        }
    }
}
