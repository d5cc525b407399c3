namespace OrderToCash.Cli.Commands.Bench;

/// <summary>What the clients of one api-orders round got back: latencies, acknowledged order numbers, refusals by status.</summary>
internal sealed class OrderTally
{
    private readonly object gate = new();
    private readonly List<double> milliseconds = [];
    private readonly List<string> numbers = [];
    private readonly Dictionary<string, int> outcomes = new(StringComparer.Ordinal);
    private readonly SortedDictionary<string, int> refusals = new(StringComparer.Ordinal);

    public IReadOnlyList<string> AcknowledgedNumbers => numbers;

    public IReadOnlyDictionary<string, int> Outcomes => outcomes;

    /// <summary>Non-2xx answers by status code, and "none" for requests that got no answer.</summary>
    public IReadOnlyDictionary<string, int> Refusals => refusals;

    public IReadOnlyList<double> Milliseconds => milliseconds;

    public void Acknowledged(TimeSpan elapsed, string number, string status)
    {
        lock (gate)
        {
            milliseconds.Add(elapsed.TotalMilliseconds);
            numbers.Add(number);
            outcomes[status] = outcomes.GetValueOrDefault(status) + 1;
        }
    }

    public void Refused(TimeSpan elapsed, int statusCode) => Count(elapsed, statusCode.ToString(System.Globalization.CultureInfo.InvariantCulture));

    public void Failed(TimeSpan elapsed) => Count(elapsed, "none");

    /// <summary>The latency at <paramref name="percentile"/> (0-100), nearest rank, in milliseconds.</summary>
    public double Percentile(double percentile)
    {
        lock (gate)
        {
            if (milliseconds.Count == 0)
            {
                return 0;
            }

            var sorted = milliseconds.Order().ToArray();
            var rank = (int)Math.Ceiling(percentile / 100 * sorted.Length);
            return sorted[Math.Clamp(rank - 1, 0, sorted.Length - 1)];
        }
    }

    private void Count(TimeSpan elapsed, string key)
    {
        lock (gate)
        {
            milliseconds.Add(elapsed.TotalMilliseconds);
            refusals[key] = refusals.GetValueOrDefault(key) + 1;
        }
    }
}
