using System.Globalization;
using System.Text.RegularExpressions;

namespace OrderToCash.Core.ReferenceTables;

/// <summary>
/// A half-year, written <c>2026-H2</c>: the period of one ECB rate in the late-payment penalty (Code de commerce
/// L441-10 II: the rate in force on 1 January applies to the first half, the rate of 1 July to the second).
/// </summary>
public readonly partial record struct Semester(int Year, int Half) : IComparable<Semester>
{
    public const int FirstYear = 1999;
    public const int LastYear = 2999;

    public static Semester Of(DateOnly day) => new(day.Year, day.Month <= 6 ? 1 : 2);

    /// <summary>The semester of <paramref name="text"/> (<c>yyyy-H1</c> or <c>yyyy-H2</c>, the euro's years), else null.</summary>
    public static Semester? TryParse(string? text)
    {
        var match = text is null ? null : Pattern().Match(text.Trim());
        if (match is not { Success: true })
        {
            return null;
        }

        var year = int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture);
        return year is < FirstYear or > LastYear ? null : new Semester(year, match.Groups[2].Value == "1" ? 1 : 2);
    }

    /// <summary>The day whose ECB rate applies: 1 January or 1 July.</summary>
    public DateOnly Start => new(Year, Half == 1 ? 1 : 7, 1);

    /// <summary>"1er semestre 2026", "2nd semestre 2026".</summary>
    public string FrenchLabel => string.Create(CultureInfo.InvariantCulture, $"{(Half == 1 ? "1er" : "2nd")} semestre {Year}");

    /// <summary>"1er janvier 2026", "1er juillet 2026": the day the rate is the one in force.</summary>
    public string FrenchStart => string.Create(CultureInfo.InvariantCulture, $"1er {(Half == 1 ? "janvier" : "juillet")} {Year}");

    public int CompareTo(Semester other) => (Year, Half).CompareTo((other.Year, other.Half));

    public static bool operator <(Semester left, Semester right) => left.CompareTo(right) < 0;

    public static bool operator <=(Semester left, Semester right) => left.CompareTo(right) <= 0;

    public static bool operator >(Semester left, Semester right) => left.CompareTo(right) > 0;

    public static bool operator >=(Semester left, Semester right) => left.CompareTo(right) >= 0;

    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Year:0000}-H{Half}");

    [GeneratedRegex(@"^(\d{4})-H([12])$", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 100)]
    private static partial Regex Pattern();
}
