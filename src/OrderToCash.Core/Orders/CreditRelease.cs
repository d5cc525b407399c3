namespace OrderToCash.Core.Orders;

/// <summary>The contract with workflows/credit-release.bpmn: its process id and the decisions its tasks answer.</summary>
public static class CreditRelease
{
    public const string ProcessId = "credit-release";

    public const string Release = "release";
    public const string Reject = "reject";
}
