namespace OrderToCash.Core.Demo;

/// <summary>The simulation's clock: it stands still while a day's work runs and moves only when the simulation says so.</summary>
internal sealed class SimulatedClock(DateTimeOffset start) : TimeProvider
{
    private DateTimeOffset now = start;

    public override TimeZoneInfo LocalTimeZone => TimeZoneInfo.Utc;

    public DateOnly Today => DateOnly.FromDateTime(now.UtcDateTime);

    public override DateTimeOffset GetUtcNow() => now;

    /// <summary>Moves to <paramref name="day"/> at <paramref name="time"/> (never backwards).</summary>
    public void MoveTo(DateOnly day, TimeOnly time)
    {
        var next = new DateTimeOffset(day.ToDateTime(time), TimeSpan.Zero);
        if (next < now)
        {
            throw new InvalidOperationException($"The simulated clock cannot go back from {now:O} to {next:O}.");
        }

        now = next;
    }
}
