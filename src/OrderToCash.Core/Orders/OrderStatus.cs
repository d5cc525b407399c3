namespace OrderToCash.Core.Orders;

public enum OrderStatus
{
    /// <summary>Passed its credit check, or was released by the credit manager: counted in the customer's exposure.</summary>
    Accepted,

    /// <summary>The credit check failed: waits for a documented release or rejection.</summary>
    CreditBlocked,

    /// <summary>A credit manager refused to release it.</summary>
    Rejected,

    /// <summary>The goods left the warehouse (after the second credit check): delivered, not yet invoiced.</summary>
    Delivered,

    /// <summary>The delivery was invoiced: the amount is now an open receivable.</summary>
    Invoiced,

    /// <summary>
    /// The credit check at delivery failed: the goods wait for a credit manager's release or rejection (credit-release,
    /// called by the cycle). Still counted in the exposure as an open order.
    /// </summary>
    DeliveryBlocked,

    /// <summary>Entered, its credit check not yet applied by its order-to-cash workflow (ADR 0063): not in the exposure.</summary>
    Entered,
}
