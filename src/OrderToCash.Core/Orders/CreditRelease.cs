namespace OrderToCash.Core.Orders;

/// <summary>The contract with workflows/credit-release.bpmn: its process id, start variables and outcomes.</summary>
public static class CreditRelease
{
    public const string ProcessId = "credit-release";

    public const string Release = "release";
    public const string Reject = "reject";

    public static Dictionary<string, object?> Variables(Order order)
    {
        ArgumentNullException.ThrowIfNull(order);
        return new(StringComparer.Ordinal)
        {
            ["orderNumber"] = order.Number,
            ["customerId"] = order.CustomerId,
            ["amount"] = order.GrossTotal,
            ["releaseNeedsSecondApprover"] = order.ReleaseNeedsSecondApprover,
        };
    }
}
