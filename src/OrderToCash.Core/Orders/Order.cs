using OrderToCash.Core.Credit;

namespace OrderToCash.Core.Orders;

/// <summary>
/// A customer order. Its totals are fixed at entry (exact decimals, rounded to the cent per line) in the customer's
/// currency; its credit status moves from CreditBlocked to Accepted or Rejected by a documented decision, and again
/// from DeliveryBlocked when the credit check at delivery blocks the goods (ADR 0064).
/// </summary>
public sealed class Order
{
    private readonly List<OrderLine> _lines = [];

    public Guid Id { get; init; } = Guid.NewGuid();

    /// <summary>SO-2026-000001: taken from the year's series in the transaction that records the order.</summary>
    public required string Number { get; init; }

    public required string CustomerId { get; init; }

    public required string Currency { get; init; }

    public IReadOnlyList<OrderLine> Lines => _lines;

    public decimal NetTotal { get; private set; }

    public decimal VatTotal { get; private set; }

    public decimal GrossTotal { get; private set; }

    /// <summary>Also the concurrency token: two decisions on one order conflict instead of both applying.</summary>
    public OrderStatus Status { get; private set; } = OrderStatus.Entered;

    public required string CreatedBy { get; init; }

    public DateTimeOffset CreatedAt { get; init; }

    /// <summary>The decision log record of the credit check at entry (explained by GET /api/decisions/order/{number}).</summary>
    public long CreditDecisionId { get; set; }

    /// <summary>
    /// The failing blocking rules of the order's last credit block, one "RuleName: message" per line: at entry, or at
    /// delivery when the delivery check blocked the goods (ADR 0064); empty when never blocked.
    /// </summary>
    public string CreditBlockReasons { get; private set; } = string.Empty;

    /// <summary>The credit-limit rules' four-eyes outcome: releasing needs two different credit managers.</summary>
    public bool ReleaseNeedsSecondApprover { get; private set; }

    /// <summary>The credit-release workflow instance that waits for the credit manager (blocked orders only).</summary>
    public string? ReleaseInstanceId { get; set; }

    public string? FirstApprover { get; private set; }

    public string? FirstApprovalComment { get; private set; }

    public string? DecidedBy { get; private set; }

    public string? DecisionComment { get; private set; }

    public DateTimeOffset? DecidedAt { get; private set; }

    /// <summary>The day the goods left (the due date of "days from delivery" terms runs from it).</summary>
    public DateOnly? DeliveredOn { get; set; }

    /// <summary>The order-to-cash workflow instance that carries the order from entry to cash.</summary>
    public string? CycleInstanceId { get; set; }

    public Money Total => new(GrossTotal, Currency);

    public static Order Create(string number, string customerId, string currency, IEnumerable<OrderLine> lines, string createdBy, DateTimeOffset createdAt)
    {
        var order = new Order { Number = number, CustomerId = customerId, Currency = currency, CreatedBy = createdBy, CreatedAt = createdAt };
        order._lines.AddRange(lines);
        order.NetTotal = order._lines.Sum(l => l.NetAmount);
        order.VatTotal = order._lines.Sum(l => l.VatAmount);
        order.GrossTotal = order.NetTotal + order.VatTotal;
        return order;
    }

    /// <summary>Whether its total is in the customer's exposure (open orders or delivered-not-invoiced).</summary>
    public bool CountsInExposure => Status is OrderStatus.Accepted or OrderStatus.DeliveryBlocked or OrderStatus.Delivered;

    /// <summary>Applies the credit check at entry: accepted orders count in the exposure at once. Only once per order.</summary>
    public void ApplyCreditCheck(bool blocked, IEnumerable<CreditBlockReason> reasons, bool releaseNeedsSecondApprover, CreditExposure exposure)
    {
        ArgumentNullException.ThrowIfNull(exposure);
        if (Status != OrderStatus.Entered)
        {
            throw new CreditDecisionException($"Order {Number} is {Status}: its entry credit check was already applied (a workflow may apply it once).");
        }

        ReleaseNeedsSecondApprover = releaseNeedsSecondApprover;
        if (blocked)
        {
            Status = OrderStatus.CreditBlocked;
            CreditBlockReasons = string.Join('\n', reasons.Select(r => $"{r.RuleName}: {r.Message}"));
            return;
        }

        Status = OrderStatus.Accepted;
        exposure.OrderAccepted(Total);
    }

    /// <summary>
    /// The credit check at delivery failed on reasons nobody released yet: the goods wait for a credit manager's
    /// release or rejection. The order stays in the exposure as an open order; the block's reasons and four-eyes flag
    /// replace those of the entry (the entry's decision stays in the decision log and the release task's history).
    /// </summary>
    public void BlockDelivery(IEnumerable<CreditBlockReason> reasons, bool releaseNeedsSecondApprover)
    {
        if (Status != OrderStatus.Accepted)
        {
            throw new CreditDecisionException($"Order {Number} is {Status}: only an accepted order's delivery can be blocked.");
        }

        Status = OrderStatus.DeliveryBlocked;
        CreditBlockReasons = string.Join('\n', reasons.Select(r => $"{r.RuleName}: {r.Message}"));
        ReleaseNeedsSecondApprover = releaseNeedsSecondApprover;
        (FirstApprover, FirstApprovalComment) = (null, null);
    }

    /// <summary>
    /// A credit manager releases the order. Under four-eyes the first approval is only recorded (returns false) and a
    /// second, different credit manager completes the release.
    /// </summary>
    public bool Release(string approver, string? comment, CreditExposure exposure, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(exposure);
        EnsureBlocked();
        if (ReleaseNeedsSecondApprover && FirstApprover is null)
        {
            (FirstApprover, FirstApprovalComment) = (approver, comment);
            return false;
        }

        if (ReleaseNeedsSecondApprover && string.Equals(FirstApprover, approver, StringComparison.OrdinalIgnoreCase))
        {
            throw new CreditDecisionException($"{approver} already approved the release of {Number}: a second, different credit manager must approve it (four-eyes rule).");
        }

        // Blocked at delivery, the order never left the exposure: released, its goods may leave.
        if (Status == OrderStatus.CreditBlocked)
        {
            exposure.OrderAccepted(Total);
        }

        Decide(OrderStatus.Accepted, approver, comment, at);
        return true;
    }

    /// <summary>A credit manager refuses the order; blocked at delivery, it is cancelled and leaves the exposure.</summary>
    public void Reject(string approver, string? comment, CreditExposure exposure, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(exposure);
        EnsureBlocked();
        if (Status == OrderStatus.DeliveryBlocked)
        {
            exposure.OrderCancelled(Total);
        }

        Decide(OrderStatus.Rejected, approver, comment, at);
    }

    /// <summary>The goods left: the amount moves from open orders to delivered-not-invoiced.</summary>
    public void Deliver(DateOnly on, CreditExposure exposure)
    {
        ArgumentNullException.ThrowIfNull(exposure);
        if (Status != OrderStatus.Accepted)
        {
            throw new CreditDecisionException($"Order {Number} is {Status}: only an accepted order can be delivered.");
        }

        exposure.Delivered(Total);
        (Status, DeliveredOn) = (OrderStatus.Delivered, on);
    }

    /// <summary>The delivery was invoiced: the amount moves from delivered-not-invoiced to open receivables.</summary>
    public void MarkInvoiced(CreditExposure exposure)
    {
        ArgumentNullException.ThrowIfNull(exposure);
        if (Status != OrderStatus.Delivered)
        {
            throw new CreditDecisionException($"Order {Number} is {Status}: only a delivered order can be invoiced.");
        }

        exposure.Invoiced(Total);
        Status = OrderStatus.Invoiced;
    }

    private void Decide(OrderStatus status, string approver, string? comment, DateTimeOffset at) =>
        (Status, DecidedBy, DecisionComment, DecidedAt) = (status, approver, comment, at);

    private void EnsureBlocked()
    {
        if (Status is not (OrderStatus.CreditBlocked or OrderStatus.DeliveryBlocked))
        {
            throw new CreditDecisionException($"Order {Number} is {Status}{(DecidedBy is null ? string.Empty : $" by {DecidedBy}")}: only a credit-blocked order (at entry or at delivery) can be released or rejected.");
        }
    }
}
