namespace OrderToCash.Core.Orders;

/// <summary>The contract with workflows/order-to-cash.bpmn: its process id and start variables (its credit check runs in the diagram, ADR 0063).</summary>
public static class OrderToCashCycle
{
    public const string ProcessId = "order-to-cash";

    /// <summary>The process the cycle calls once the invoice is issued (built with the reminders, ADR 0045).</summary>
    public const string DunningProcessId = "dunning";

    public static Dictionary<string, object?> Variables(Order order)
    {
        ArgumentNullException.ThrowIfNull(order);
        return new(StringComparer.Ordinal)
        {
            ["orderNumber"] = order.Number,
            ["customerId"] = order.CustomerId,
            ["amount"] = order.GrossTotal,
        };
    }

    /// <summary>The variable OrderDelivered carries: the day sales administration gave for the delivery (ADR 0064).</summary>
    public const string DeliveredOnVariable = "deliveredOn";

    /// <summary>The message id of an order's delivery: a resend is recognised as the same event.</summary>
    public static string DeliveredMessageId(string orderNumber) => $"{Processes.CycleMessages.OrderDelivered}:{orderNumber}";
}
