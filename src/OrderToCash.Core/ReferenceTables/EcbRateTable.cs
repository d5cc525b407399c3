using System.Globalization;
using System.Text.Json;

namespace OrderToCash.Core.ReferenceTables;

/// <summary>
/// The ECB main refinancing rate per semester (percent a year): the rate in force on 1 January applies to the first
/// half-year, the rate of 1 July to the second (Code de commerce L441-10 II). The late-payment penalty is this rate
/// plus the escalation rules' points. A semester the table lacks has no rate: nothing is ever assumed for it.
/// </summary>
public sealed class EcbRateTable
{
    /// <summary>Rates outside these bounds are typing errors (the rate has ranged from 0 % to 4.75 % since 1999).</summary>
    public const decimal MinRate = -5m;
    public const decimal MaxRate = 25m;

    private readonly SortedDictionary<Semester, decimal> _rates;

    private EcbRateTable(SortedDictionary<Semester, decimal> rates) => _rates = rates;

    /// <summary>The rates the escalation rules carried before the table existed (their PenaltyRateYYYYHn rules).</summary>
    public static EcbRateTable Seed { get; } = new(new SortedDictionary<Semester, decimal>
    {
        [new Semester(2023, 1)] = 2.50m,
        [new Semester(2023, 2)] = 4.00m,
        [new Semester(2024, 1)] = 4.50m,
        [new Semester(2024, 2)] = 4.25m,
        [new Semester(2025, 1)] = 3.15m,
        [new Semester(2025, 2)] = 2.15m,
        [new Semester(2026, 1)] = 2.15m,
    });

    public static EcbRateTable Empty { get; } = new(new SortedDictionary<Semester, decimal>());

    public IReadOnlyDictionary<Semester, decimal> Rates => _rates;

    /// <summary>The rate of <paramref name="semester"/>, or null when the table lacks it.</summary>
    public decimal? RateFor(Semester semester) => _rates.TryGetValue(semester, out var rate) ? rate : null;

    public decimal? RateFor(DateOnly dueDate) => RateFor(Semester.Of(dueDate));

    /// <summary>This table with <paramref name="semester"/> set to <paramref name="rate"/>.</summary>
    public EcbRateTable With(Semester semester, decimal rate) => new(new SortedDictionary<Semester, decimal>(_rates) { [semester] = rate });

    public bool SameAs(EcbRateTable other)
    {
        ArgumentNullException.ThrowIfNull(other);
        return _rates.Count == other._rates.Count && _rates.All(r => other._rates.TryGetValue(r.Key, out var rate) && rate == r.Value);
    }

    /// <summary>
    /// The table a caller asks for (semester text → rate), or the problems keyed by semester: a semester written
    /// otherwise than <c>yyyy-H1</c>/<c>yyyy-H2</c>, a missing rate, a rate outside [-5, 25] or with more than three
    /// decimals, or a semester of <paramref name="current"/> left out (a rate is corrected, never removed: interest
    /// was charged with it).
    /// </summary>
    public static (EcbRateTable? Table, Dictionary<string, string[]> Problems) Parse(IReadOnlyDictionary<string, decimal?>? rates, EcbRateTable current)
    {
        ArgumentNullException.ThrowIfNull(current);
        var problems = new Dictionary<string, string[]>(StringComparer.Ordinal);
        if (rates is null || rates.Count == 0)
        {
            problems["rates"] = ["The table is required: an object of semesters and rates, e.g. {\"2026-H2\": 2.15}."];
            return (null, problems);
        }

        var parsed = new SortedDictionary<Semester, decimal>();
        foreach (var (key, value) in rates)
        {
            if (Semester.TryParse(key) is not { } semester)
            {
                problems[key] = [$"'{key}' is not a semester: write yyyy-H1 (rate of 1 January) or yyyy-H2 (rate of 1 July), between {Semester.FirstYear} and {Semester.LastYear}."];
            }
            else if (RateProblem(value) is { } problem)
            {
                problems[key] = [problem];
            }
            else if (!parsed.TryAdd(semester, value!.Value))
            {
                problems[key] = [$"{semester} is given twice."];
            }
        }

        foreach (var removed in current.Rates.Keys.Where(s => !parsed.ContainsKey(s) && !problems.ContainsKey(s.ToString())))
        {
            problems[removed.ToString()] = [$"{removed} is in the table in force ({Format(current.Rates[removed])} %) and cannot be removed: late-payment interest was computed with it. Correct its rate instead."];
        }

        return problems.Count > 0 ? (null, problems) : (new EcbRateTable(parsed), problems);
    }

    /// <summary>Null when <paramref name="rate"/> is a plausible ECB rate in percent, else why not.</summary>
    public static string? RateProblem(decimal? rate) => rate switch
    {
        null => "The rate is required (percent a year, e.g. 2.15).",
        < MinRate or > MaxRate => string.Create(CultureInfo.InvariantCulture, $"{rate} % is not an ECB refinancing rate: give the rate in percent a year, between {MinRate} and {MaxRate} (e.g. 2.15)."),
        { } r when decimal.Round(r, 3) != r => string.Create(CultureInfo.InvariantCulture, $"{r} has more than three decimals: the ECB publishes its rates to the hundredth (e.g. 2.15)."),
        _ => null,
    };

    public string ToJson() => JsonSerializer.Serialize(_rates.ToDictionary(r => r.Key.ToString(), r => r.Value));

    public static EcbRateTable FromJson(string json)
    {
        var rates = JsonSerializer.Deserialize<Dictionary<string, decimal>>(json) ?? [];
        return new EcbRateTable(new SortedDictionary<Semester, decimal>(rates.ToDictionary(
            r => Semester.TryParse(r.Key) ?? throw new FormatException($"The stored ECB rate table names '{r.Key}', which is not a semester."),
            r => r.Value)));
    }

    private static string Format(decimal rate) => rate.ToString("0.00#", CultureInfo.InvariantCulture);
}
