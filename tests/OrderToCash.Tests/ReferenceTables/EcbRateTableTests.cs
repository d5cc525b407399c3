using OrderToCash.Core.ReferenceTables;

namespace OrderToCash.Tests.ReferenceTables;

public sealed class EcbRateTableTests
{
    [Theory]
    [InlineData("2026-01-01", "2026-H1")]
    [InlineData("2026-06-30", "2026-H1")]
    [InlineData("2026-07-01", "2026-H2")]
    [InlineData("2026-12-31", "2026-H2")]
    public void A_due_date_falls_in_the_semester_of_its_half_year(string day, string semester) =>
        Semester.Of(DateOnly.Parse(day, System.Globalization.CultureInfo.InvariantCulture)).ToString().Should().Be(semester);

    [Theory]
    [InlineData("2026-H3")]
    [InlineData("2026H2")]
    [InlineData("26-H2")]
    [InlineData("1998-H1")]
    [InlineData("")]
    [InlineData(null)]
    public void Anything_but_a_year_and_H1_or_H2_is_not_a_semester(string? text) => Semester.TryParse(text).Should().BeNull();

    [Fact]
    public void A_semester_reads_in_french_with_the_day_whose_rate_applies()
    {
        new Semester(2026, 2).FrenchLabel.Should().Be("2nd semestre 2026");
        new Semester(2027, 1).FrenchLabel.Should().Be("1er semestre 2027");
        new Semester(2026, 2).FrenchStart.Should().Be("1er juillet 2026");
    }

    [Fact]
    public void The_seed_holds_exactly_the_rates_the_escalation_rules_carried_and_nothing_after_2026_H1()
    {
        EcbRateTable.Seed.Rates.Select(r => (r.Key.ToString(), r.Value)).Should().Equal(
            ("2023-H1", 2.50m), ("2023-H2", 4.00m), ("2024-H1", 4.50m), ("2024-H2", 4.25m), ("2025-H1", 3.15m), ("2025-H2", 2.15m), ("2026-H1", 2.15m));
        EcbRateTable.Seed.RateFor(new DateOnly(2026, 7, 1)).Should().BeNull("no rate is assumed for a semester nobody entered");
    }

    [Fact]
    public void A_table_that_adds_a_semester_is_accepted_and_round_trips_through_json()
    {
        var (table, problems) = EcbRateTable.Parse(Rates(EcbRateTable.Seed, ("2026-H2", 2.15m)), EcbRateTable.Seed);

        problems.Should().BeEmpty();
        EcbRateTable.FromJson(table!.ToJson()).SameAs(table).Should().BeTrue();
        table.RateFor(new Semester(2026, 2)).Should().Be(2.15m);
    }

    [Theory]
    [InlineData("2026-H3", "2.15", "is not a semester")]
    [InlineData("2026-H2", "215", "is not an ECB refinancing rate")]
    [InlineData("2026-H2", "-6", "is not an ECB refinancing rate")]
    [InlineData("2026-H2", "2.1555", "more than three decimals")]
    [InlineData("2026-H2", null, "The rate is required")]
    public void A_bad_semester_or_rate_is_refused_naming_it(string semester, string? rate, string reason)
    {
        var (table, problems) = EcbRateTable.Parse(
            Rates(EcbRateTable.Seed, (semester, rate is null ? null : decimal.Parse(rate, System.Globalization.CultureInfo.InvariantCulture))), EcbRateTable.Seed);

        table.Should().BeNull();
        problems.Should().ContainKey(semester).WhoseValue.Should().ContainSingle().Which.Should().Contain(reason);
    }

    [Fact]
    public void A_semester_in_force_cannot_be_removed_only_corrected()
    {
        var withoutFirst = Rates(EcbRateTable.Seed).Where(r => r.Key != "2023-H1").ToDictionary(r => r.Key, r => r.Value);

        var (table, problems) = EcbRateTable.Parse(withoutFirst, EcbRateTable.Seed);

        table.Should().BeNull();
        problems["2023-H1"].Single().Should().Contain("cannot be removed");
    }

    private static Dictionary<string, decimal?> Rates(EcbRateTable table, params (string Semester, decimal? Rate)[] added)
    {
        var rates = table.Rates.ToDictionary(r => r.Key.ToString(), r => (decimal?)r.Value);
        foreach (var (semester, rate) in added)
        {
            rates[semester] = rate;
        }

        return rates;
    }
}
