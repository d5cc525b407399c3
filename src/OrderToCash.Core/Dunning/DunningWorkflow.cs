using OrderToCash.Core.Invoicing;

namespace OrderToCash.Core.Dunning;

/// <summary>The contract with workflows/dunning.bpmn: its process id, start variables and the ladder's step names.</summary>
public static class DunningWorkflow
{
    public const string ProcessId = "dunning";

    /// <summary>The escalation rules' step names that lead to a person's task rather than a written reminder only.</summary>
    public const string SalespersonCall = "SalespersonCordialCall";

    public const string LegalHandOver = "LegalHandOver";

    public static Dictionary<string, object?> Variables(Invoice invoice)
    {
        ArgumentNullException.ThrowIfNull(invoice);
        return new(StringComparer.Ordinal)
        {
            ["invoiceNumber"] = invoice.Number,
            ["customerId"] = invoice.CustomerId,
        };
    }
}
