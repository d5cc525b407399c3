namespace OrderToCash.Cli.Commands.Bench;

/// <summary>
/// The orders of the api-orders workload: small ones (a few to a few dozen euros) for the demo customers with the
/// largest limits, in turn, so that thousands of them stay within the limits and most are accepted. Thread-safe.
/// </summary>
internal sealed class OrderSource
{
    private static readonly string[] Customers = ["C-0001", "C-0002", "C-0004", "C-0005", "C-0007"];
    private static readonly decimal[] VatRates = [20m, 5.5m];
    private int next = -1;

    public object Next()
    {
        var i = Interlocked.Increment(ref next);
        return new
        {
            customerId = Customers[i % Customers.Length],
            lines = new[]
            {
                new { description = "Industrial flour, 25 kg", quantity = 1m + (i % 4), unitPrice = 2.5m + (i % 7), vatRate = VatRates[i & 1] },
            },
        };
    }
}
