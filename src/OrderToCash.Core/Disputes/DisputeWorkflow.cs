namespace OrderToCash.Core.Disputes;

/// <summary>The contract with workflows/dispute.bpmn: its process id and start variables.</summary>
public static class DisputeWorkflow
{
    public const string ProcessId = "dispute";

    /// <summary>The numbering series of disputes (LI-2026-000001, litige).</summary>
    public const string NumberPrefix = "LI";

    public static Dictionary<string, object?> Variables(Dispute dispute, bool transportDamage, bool dealNotEntered)
    {
        ArgumentNullException.ThrowIfNull(dispute);
        return new(StringComparer.Ordinal)
        {
            ["disputeNumber"] = dispute.Number,
            ["invoiceNumber"] = dispute.InvoiceNumber,
            ["customerId"] = dispute.CustomerId,
            ["amount"] = dispute.Amount,
            ["reasonCode"] = dispute.ReasonCode,
            ["currency"] = dispute.Currency,
            // Set (empty) from the start: the owner's answer may leave them out (the amount is for CorrectedInvoice only).
            ["correctedAmount"] = null,
            ["comment"] = null,
            ["transportDamage"] = transportDamage,
            ["dealNotEntered"] = dealNotEntered,
        };
    }
}
