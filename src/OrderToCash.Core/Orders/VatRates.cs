namespace OrderToCash.Core.Orders;

/// <summary>The French VAT rates (CGI art. 278 to 281 nonies), in percent: standard, intermediate, reduced, super-reduced.</summary>
public static class VatRates
{
    public static readonly IReadOnlyList<decimal> Known = [20m, 10m, 5.5m, 2.1m];

    public static bool IsKnown(decimal ratePercent) => Known.Contains(ratePercent);
}
