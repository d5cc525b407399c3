using System.Globalization;
using System.Text.RegularExpressions;

namespace OrderToCash.Engine.Timers;

/// <summary>
/// An ISO 8601 duration (<c>P1Y2M3DT4H5M6.5S</c>, <c>P2W</c>). Years and months stay calendar units (added with
/// AddYears/AddMonths) because "P1M" from 31 January is not 30 days.
/// </summary>
public readonly partial record struct IsoDuration(int Years, int Months, int Days, TimeSpan Time)
{
    public bool IsZero => Years == 0 && Months == 0 && Days == 0 && Time == TimeSpan.Zero;

    public DateTimeOffset AddTo(DateTimeOffset start) => start.AddYears(Years).AddMonths(Months).AddDays(Days).Add(Time);

    public static bool TryParse(string? text, out IsoDuration duration)
    {
        duration = default;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        var match = Pattern().Match(text.Trim());
        if (!match.Success || match.Groups.Cast<Group>().Skip(1).All(g => !g.Success) || text.TrimEnd().EndsWith('T'))
        {
            return false;
        }

        static int Int(Group g) => g.Success ? int.Parse(g.Value, NumberStyles.None, CultureInfo.InvariantCulture) : 0;
        var seconds = match.Groups["s"].Success ? decimal.Parse(match.Groups["s"].Value, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture) : 0m;
        try
        {
            var time = TimeSpan.FromHours(Int(match.Groups["h"])) + TimeSpan.FromMinutes(Int(match.Groups["mi"])) + TimeSpan.FromTicks((long)(seconds * TimeSpan.TicksPerSecond));
            duration = new IsoDuration(Int(match.Groups["y"]), Int(match.Groups["mo"]), Int(match.Groups["d"]) + (7 * Int(match.Groups["w"])), time);
            return true;
        }
        catch (OverflowException)
        {
            return false;
        }
    }

    public static IsoDuration FromTimeSpan(TimeSpan span) => new(0, 0, 0, span);

    [GeneratedRegex(@"^P(?:(?<y>\d{1,4})Y)?(?:(?<mo>\d{1,5})M)?(?:(?<w>\d{1,5})W)?(?:(?<d>\d{1,6})D)?(?:T(?:(?<h>\d{1,7})H)?(?:(?<mi>\d{1,9})M)?(?:(?<s>\d{1,9}(?:\.\d{1,7})?)S)?)?$", RegexOptions.CultureInvariant, 1000)]
    private static partial Regex Pattern();
}
