using System.Globalization;

namespace OrderToCash.Host.Features;

/// <summary>
/// The dates the API accepts: an order-to-cash cycle lives between 1900 and 2999. Calculations look back and ahead
/// from a date (DSO over 90 days, ageing buckets, observation windows), so 0001-01-01 or 9999-12-31 overflowed and
/// answered 500; outside these bounds a date is a 400 naming the parameter.
/// </summary>
internal static class DateBounds
{
    public static readonly DateOnly Earliest = new(1900, 1, 1);

    public static readonly DateOnly Latest = new(2999, 12, 31);

    /// <summary>The problem with <paramref name="date"/>, or null when it is absent or within bounds.</summary>
    public static string? Problem(string name, DateOnly? date) =>
        date is { } d && (d < Earliest || d > Latest)
            ? string.Create(CultureInfo.InvariantCulture, $"{name} {d:yyyy-MM-dd} is outside the dates this application handles ({Earliest:yyyy-MM-dd} to {Latest:yyyy-MM-dd}).")
            : null;

    public static string? Problem(string name, DateTimeOffset? moment) =>
        moment is { } m ? Problem(name, DateOnly.FromDateTime(m.UtcDateTime)) : null;

    /// <summary>A 400 validation problem for every date out of bounds; null when all are fine.</summary>
    public static IResult? Check(params (string Name, DateOnly? Date)[] dates)
    {
        var problems = dates
            .Select(d => (d.Name, Problem: Problem(d.Name, d.Date)))
            .Where(p => p.Problem is not null)
            .ToDictionary(p => p.Name, p => new[] { p.Problem! });
        return problems.Count > 0 ? Results.ValidationProblem(problems) : null;
    }
}
