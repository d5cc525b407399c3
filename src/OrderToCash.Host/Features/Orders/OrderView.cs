using OrderToCash.Core.Orders;
using OrderToCash.Engine.Rules.Decisions;

namespace OrderToCash.Host.Features.Orders;

/// <summary>An order as the API shows it; <see cref="Decisions"/> only on the single-order read.</summary>
internal sealed record OrderView(
    string Number,
    string CustomerId,
    string Currency,
    OrderStatus Status,
    decimal NetTotal,
    decimal VatTotal,
    decimal GrossTotal,
    IReadOnlyList<OrderLineView> Lines,
    string CreatedBy,
    DateTimeOffset CreatedAt,
    long CreditDecisionId,
    IReadOnlyList<string> CreditBlockReasons,
    bool ReleaseNeedsSecondApprover,
    string? ReleaseInstanceId,
    string? FirstApprover,
    string? FirstApprovalComment,
    string? DecidedBy,
    string? DecisionComment,
    DateTimeOffset? DecidedAt,
    DateOnly? DeliveredOn,
    string? CycleInstanceId,
    IReadOnlyList<DecisionExplanation>? Decisions = null)
{
    public static OrderView From(Order order, IReadOnlyList<DecisionExplanation>? decisions = null) => new(
        order.Number, order.CustomerId, order.Currency, order.Status, order.NetTotal, order.VatTotal, order.GrossTotal,
        [.. order.Lines.OrderBy(l => l.LineNumber).Select(l => new OrderLineView(l.LineNumber, l.Description, l.Quantity, l.UnitPrice, l.VatRate, l.NetAmount, l.VatAmount))],
        order.CreatedBy, order.CreatedAt, order.CreditDecisionId,
        order.CreditBlockReasons.Length == 0 ? [] : order.CreditBlockReasons.Split('\n'),
        order.ReleaseNeedsSecondApprover, order.ReleaseInstanceId, order.FirstApprover, order.FirstApprovalComment,
        order.DecidedBy, order.DecisionComment, order.DecidedAt, order.DeliveredOn, order.CycleInstanceId, decisions);
}

internal sealed record OrderLineView(int LineNumber, string Description, decimal Quantity, decimal UnitPrice, decimal VatRate, decimal NetAmount, decimal VatAmount);
