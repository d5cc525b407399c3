using System.Globalization;

namespace OrderToCash.Engine.Timers;

/// <summary>
/// A parsed BPMN timer: a date (<c>timeDate</c>), a duration (<c>timeDuration</c>) or a cycle (<c>timeCycle</c>:
/// <c>R[n]/duration</c>, <c>R[n]/start/duration</c>). Computes due times from a given "now"; it never sleeps.
/// </summary>
public sealed record TimerSchedule
{
    private TimerSchedule()
    {
    }

    public DateTimeOffset? Date { get; private init; }

    public IsoDuration? Duration { get; private init; }

    /// <summary>Cycle: how many times it fires; null means unbounded.</summary>
    public int? Repetitions { get; private init; }

    public DateTimeOffset? CycleStart { get; private init; }

    public bool IsCycle { get; private init; }

    public static TimerSchedule AtDate(DateTimeOffset date) => new() { Date = date };

    public static TimerSchedule After(IsoDuration duration) => new() { Duration = duration };

    /// <summary>The first due time, measured from <paramref name="now"/>.</summary>
    public DateTimeOffset FirstDue(DateTimeOffset now) => Date ?? (IsCycle && CycleStart is { } start
        ? NextAfter(start, now)
        : Duration!.Value.AddTo(now));

    /// <summary>The due time following <paramref name="previousDue"/> for a cycle.</summary>
    public DateTimeOffset NextDue(DateTimeOffset previousDue) => Duration!.Value.AddTo(previousDue);

    public static bool TryParseDate(string text, out TimerSchedule schedule)
    {
        schedule = null!;
        if (!DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var date))
        {
            return false;
        }

        schedule = AtDate(date);
        return true;
    }

    public static bool TryParseDuration(string text, out TimerSchedule schedule)
    {
        schedule = null!;
        if (!IsoDuration.TryParse(text, out var duration) || duration.IsZero)
        {
            return false;
        }

        schedule = After(duration);
        return true;
    }

    public static bool TryParseCycle(string text, out TimerSchedule schedule)
    {
        schedule = null!;
        var parts = text.Trim().Split('/');
        if (parts.Length is < 2 or > 3 || !parts[0].StartsWith('R'))
        {
            return false;
        }

        int? repetitions = null;
        if (parts[0].Length > 1)
        {
            if (!int.TryParse(parts[0].AsSpan(1), NumberStyles.None, CultureInfo.InvariantCulture, out var count) || count <= 0)
            {
                return false;
            }

            repetitions = count;
        }

        DateTimeOffset? start = null;
        if (parts.Length == 3)
        {
            if (!DateTimeOffset.TryParse(parts[1], CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var parsedStart))
            {
                return false;
            }

            start = parsedStart;
        }

        if (!IsoDuration.TryParse(parts[^1], out var interval) || interval.IsZero)
        {
            return false;
        }

        schedule = new TimerSchedule { IsCycle = true, Repetitions = repetitions, CycleStart = start, Duration = interval };
        return true;
    }

    /// <summary>The shortest interval of a timer start cycle: each firing starts an instance (ADR 0131).</summary>
    public static TimeSpan MinimumStartCycle { get; } = TimeSpan.FromMinutes(1);

    /// <summary>Whether a cycle of <paramref name="interval"/> would fire more often than <see cref="MinimumStartCycle"/>.</summary>
    public static bool ShorterThanMinimumCycle(IsoDuration interval) =>
        interval.Years == 0 && interval.Months == 0 && TimeSpan.FromDays(interval.Days) + interval.Time < MinimumStartCycle;

    /// <summary>
    /// The first occurrence of the cycle from <paramref name="start"/> that is at or after <paramref name="now"/>
    /// (<paramref name="strictly"/>: after it). A fixed interval is skipped over arithmetically, so a start in the
    /// distant past costs nothing; calendar intervals (months, years) step at most one month at a time.
    /// </summary>
    public DateTimeOffset OccurrenceFrom(DateTimeOffset start, DateTimeOffset now, bool strictly = false)
    {
        var interval = Duration!.Value;
        var due = start;
        if (interval.Years == 0 && interval.Months == 0 && now > start)
        {
            var step = (TimeSpan.FromDays(interval.Days) + interval.Time).Ticks;
            var skipped = (now - start).Ticks / step;
            due = start.AddTicks(Math.Max(0, skipped - 1) * step);
        }

        while (strictly ? due <= now : due < now)
        {
            due = interval.AddTo(due);
        }

        return due;
    }

    private DateTimeOffset NextAfter(DateTimeOffset start, DateTimeOffset now) => OccurrenceFrom(start, now);
}
