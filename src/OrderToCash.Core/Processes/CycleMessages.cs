namespace OrderToCash.Core.Processes;

/// <summary>
/// The messages the domain sends to the cycle's workflows (names as written in the BPMN files). Each is sent after the
/// business transaction commits, with a message id derived from the event, so a resend is recognised as a duplicate.
/// A lost message only delays: the dunning workflow re-reads the invoice at every wake-up.
/// </summary>
public static class CycleMessages
{
    /// <summary>The goods left the warehouse. Correlation key: the order number.</summary>
    public const string OrderDelivered = "OrderDelivered";

    /// <summary>The invoice's open amount reached zero (payment, credit note or write-off). Correlation key: the invoice number.</summary>
    public const string InvoiceSettled = "InvoiceSettled";

    /// <summary>
    /// Something that changes the reminder plan happened (dispute opened or closed, promise to pay recorded or judged):
    /// the dunning workflow re-plans its next wake-up. Correlation key: the invoice number.
    /// </summary>
    public const string DunningReplan = "DunningReplan";

    /// <summary>
    /// Every message above: the domain sends them when the fact is recorded, so nobody may post them through
    /// <c>POST /api/messages</c> (a forged OrderDelivered would be taken as the real one, which then counts as a
    /// duplicate and the order is never invoiced).
    /// </summary>
    public static IReadOnlySet<string> Internal { get; } = new HashSet<string>(StringComparer.Ordinal) { OrderDelivered, InvoiceSettled, DunningReplan };
}
