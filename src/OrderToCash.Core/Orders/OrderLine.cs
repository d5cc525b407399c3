namespace OrderToCash.Core.Orders;

/// <summary>
/// One line of an order. Amounts are rounded to the cent per line (net, then VAT on the rounded net), half away from
/// zero, so the printed lines add up exactly to the order's totals.
/// </summary>
public sealed class OrderLine
{
    public int LineNumber { get; init; }

    public required string Description { get; init; }

    /// <summary>The product family (e.g. "Valves"): disputes and late payments are grouped by it in the root-cause loop.</summary>
    public string ProductFamily { get; init; } = "General";

    public decimal Quantity { get; init; }

    /// <summary>Price of one unit, excluding VAT.</summary>
    public decimal UnitPrice { get; init; }

    /// <summary>VAT rate in percent (e.g. 20, 5.5).</summary>
    public decimal VatRate { get; init; }

    public decimal NetAmount => Math.Round(Quantity * UnitPrice, 2, MidpointRounding.AwayFromZero);

    public decimal VatAmount => Math.Round(NetAmount * VatRate / 100m, 2, MidpointRounding.AwayFromZero);
}
