using OrderToCash.Engine.Timers;

namespace OrderToCash.Tests.Execution;

public sealed class TimerScheduleTests
{
    private static readonly DateTimeOffset JanuaryEnd = new(2026, 1, 31, 10, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData("PT15M", "2026-01-31T10:15:00Z")]
    [InlineData("P1D", "2026-02-01T10:00:00Z")]
    [InlineData("P2W", "2026-02-14T10:00:00Z")]
    [InlineData("P1M", "2026-02-28T10:00:00Z")]
    [InlineData("P1Y2M3DT4H5M6.5S", "2027-04-03T14:05:06.5Z")]
    public void Durations_add_calendar_units(string text, string expected)
    {
        TimerSchedule.TryParseDuration(text, out var schedule).Should().BeTrue();

        schedule.FirstDue(JanuaryEnd).Should().Be(DateTimeOffset.Parse(expected, System.Globalization.CultureInfo.InvariantCulture));
    }

    [Theory]
    [InlineData("")]
    [InlineData("P")]
    [InlineData("PT")]
    [InlineData("15M")]
    [InlineData("P0D")]
    [InlineData("soon")]
    public void Invalid_durations_are_refused(string text) => TimerSchedule.TryParseDuration(text, out _).Should().BeFalse();

    [Fact]
    public void A_cycle_repeats_its_interval_a_bounded_number_of_times()
    {
        TimerSchedule.TryParseCycle("R3/PT10M", out var cycle).Should().BeTrue();

        cycle.IsCycle.Should().BeTrue();
        cycle.Repetitions.Should().Be(3);
        cycle.FirstDue(JanuaryEnd).Should().Be(JanuaryEnd.AddMinutes(10));
        cycle.NextDue(JanuaryEnd.AddMinutes(10)).Should().Be(JanuaryEnd.AddMinutes(20));
    }

    [Fact]
    public void A_cycle_with_a_start_fires_first_at_the_start_or_the_next_occurrence()
    {
        TimerSchedule.TryParseCycle("R/2026-01-31T08:00:00Z/PT1H", out var cycle).Should().BeTrue();

        cycle.Repetitions.Should().BeNull();
        cycle.FirstDue(JanuaryEnd).Should().Be(JanuaryEnd);
        cycle.FirstDue(JanuaryEnd.AddMinutes(1)).Should().Be(JanuaryEnd.AddHours(1));
    }

    [Fact]
    public void A_date_is_read_as_utc_when_it_has_no_offset()
    {
        TimerSchedule.TryParseDate("2030-01-01T00:00:00", out var date).Should().BeTrue();

        date.FirstDue(JanuaryEnd).Should().Be(new DateTimeOffset(2030, 1, 1, 0, 0, 0, TimeSpan.Zero));
    }
    [Fact]
    public void A_cycle_starting_in_year_one_finds_its_next_occurrence_without_stepping_through_the_centuries()
    {
        TimerSchedule.TryParseCycle("R/0001-01-01T00:00:00Z/PT1M", out var cycle).Should().BeTrue();

        cycle.FirstDue(JanuaryEnd.AddSeconds(30)).Should().Be(JanuaryEnd.AddMinutes(1));
        cycle.OccurrenceFrom(cycle.CycleStart!.Value, JanuaryEnd).Should().Be(JanuaryEnd, "an occurrence at now is due now");
        cycle.OccurrenceFrom(cycle.CycleStart!.Value, JanuaryEnd, strictly: true).Should().Be(JanuaryEnd.AddMinutes(1));
    }

    [Theory]
    [InlineData("R/PT1S", true)]
    [InlineData("R5/PT59.9S", true)]
    [InlineData("R/PT1M", false)]
    [InlineData("R/P1D", false)]
    [InlineData("R/P1M", false)]
    public void A_start_cycle_under_a_minute_is_shorter_than_the_minimum(string text, bool shorter)
    {
        TimerSchedule.TryParseCycle(text, out var cycle).Should().BeTrue();

        TimerSchedule.ShorterThanMinimumCycle(cycle.Duration!.Value).Should().Be(shorter);
    }

    [Fact]
    public void A_one_second_start_cycle_stored_before_the_minimum_fires_at_most_once_a_minute()
    {
        TimerSchedule.TryParseCycle("R/PT1S", out var cycle).Should().BeTrue();

        var next = OrderToCash.Engine.Durable.StartTimers.NextDue(cycle, JanuaryEnd, remaining: null, now: JanuaryEnd.AddSeconds(1));

        next.Should().Be(JanuaryEnd.AddMinutes(1));
    }
}
