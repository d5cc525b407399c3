using Microsoft.Extensions.Logging;
using OrderToCash.Core.Processes;
using OrderToCash.Engine.Durable;

namespace OrderToCash.Core.Invoicing;

/// <summary>
/// Tells the dunning workflow that invoices were settled, after the business transaction committed. The message id is
/// derived from the invoice, so a resend is a duplicate; a lost message only delays (the dunning re-reads the invoice),
/// so a failure here is logged rather than reported as a failure of the settlement that did commit.
/// </summary>
public sealed partial class SettlementMessages(DurableWorkflowRuntime workflows, ILogger<SettlementMessages> logger)
{
    public static string MessageId(string invoiceNumber) => $"{CycleMessages.InvoiceSettled}:{invoiceNumber}";

    public async Task SendAsync(IEnumerable<Invoice> invoices, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(invoices);
        var messages = invoices.Where(i => i.IsSettled)
            .Select(i => new IncomingMessage(CycleMessages.InvoiceSettled, i.Number, MessageId(i.Number)))
            .ToList();
        if (messages.Count == 0)
        {
            return;
        }

        try
        {
            await workflows.CorrelateManyAsync(messages, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            LogNotSent(logger, ex, string.Join(", ", messages.Select(m => m.CorrelationKey)));
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Invoices {Numbers} were settled but the dunning was not told; it stops at its next wake-up, or resend InvoiceSettled")]
    private static partial void LogNotSent(ILogger logger, Exception exception, string numbers);
}
