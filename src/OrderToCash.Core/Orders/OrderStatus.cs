namespace OrderToCash.Core.Orders;

public enum OrderStatus
{
    /// <summary>Passed its credit check, or was released by the credit manager: counted in the customer's exposure.</summary>
    Accepted,

    /// <summary>The credit check failed: waits for a documented release or rejection.</summary>
    CreditBlocked,

    /// <summary>A credit manager refused to release it.</summary>
    Rejected,
}
