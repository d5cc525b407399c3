namespace OrderToCash.Core.Credit;

/// <summary>
/// A customer's credit exposure (encours), kept up to date by each business event rather than summed from history,
/// so a credit check reads one row. Exposure = open receivables + delivered-not-invoiced + open orders.
/// The row version makes two concurrent events on one customer conflict instead of losing an update.
/// </summary>
public sealed class CreditExposure
{
    public required string CustomerId { get; init; }

    public required string Currency { get; init; }

    public decimal OpenOrders { get; private set; }

    public decimal DeliveredNotInvoiced { get; private set; }

    public decimal OpenReceivables { get; private set; }

    /// <summary>Incremented by every change: the optimistic-concurrency token.</summary>
    public long Version { get; private set; }

    public Money Total => new(OpenOrders + DeliveredNotInvoiced + OpenReceivables, Currency);

    /// <summary>An order was accepted (passed its credit check or was released).</summary>
    public void OrderAccepted(Money amount) => Change(amount, open: +1);

    /// <summary>An accepted order was cancelled or rejected before delivery.</summary>
    public void OrderCancelled(Money amount) => Change(amount, open: -1);

    /// <summary>Goods left the warehouse: the amount moves from open orders to delivered-not-invoiced.</summary>
    public void Delivered(Money amount) => Change(amount, open: -1, delivered: +1);

    /// <summary>An invoice was issued for delivered goods.</summary>
    public void Invoiced(Money amount) => Change(amount, delivered: -1, receivables: +1);

    /// <summary>An invoice was issued that bills no delivery of its own (a corrected invoice replacing one credited in full).</summary>
    public void ReceivableAdded(Money amount) => Change(amount, receivables: +1);

    /// <summary>A payment, credit note or write-off reduced the open receivables.</summary>
    public void ReceivableReduced(Money amount) => Change(amount, receivables: -1);

    private void Change(Money amount, int open = 0, int delivered = 0, int receivables = 0)
    {
        if (amount.Currency != Currency)
        {
            throw new InvalidOperationException($"Exposure of {CustomerId} is kept in {Currency}, not {amount.Currency}.");
        }

        if (amount.IsNegative)
        {
            throw new ArgumentOutOfRangeException(nameof(amount), amount, "An exposure movement is a positive amount; its direction is the event.");
        }

        var newOpen = OpenOrders + open * amount.Amount;
        var newDelivered = DeliveredNotInvoiced + delivered * amount.Amount;
        var newReceivables = OpenReceivables + receivables * amount.Amount;
        Guard(newOpen, "open orders", amount);
        Guard(newDelivered, "delivered-not-invoiced", amount);
        Guard(newReceivables, "open receivables", amount);
        (OpenOrders, DeliveredNotInvoiced, OpenReceivables) = (newOpen, newDelivered, newReceivables);
        Version++;
    }

    private void Guard(decimal value, string bucket, Money amount)
    {
        if (value < 0)
        {
            throw new InvalidOperationException($"Moving {amount} would make the {bucket} of {CustomerId} negative ({value:0.00}): the event does not match the exposure.");
        }
    }
}
