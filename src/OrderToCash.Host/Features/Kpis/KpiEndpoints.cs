using System.Security.Claims;
using OrderToCash.Core.Infrastructure.Security;
using OrderToCash.Core.Kpis;
using OrderToCash.Host.Features.RootCauses;

namespace OrderToCash.Host.Features.Kpis;

/// <summary>
/// The KPIs for any period and scope, optionally broken down by segment, salesperson or customer, and the aged balance
/// as CSV. A salesperson's numbers are always those of their own accounts.
/// </summary>
internal static class KpiEndpoints
{
    private static readonly string[] Readers = [Roles.CreditManager, Roles.Collector, Roles.Quality, Roles.ProcessOwner, Roles.SalesAdministration, Roles.Salesperson];

    public static void MapKpis(this IEndpointRouteBuilder endpoints)
    {
        var kpis = endpoints.MapGroup("/api/kpis").WithTags("KPIs");
        kpis.MapGet("/", GetAsync).RequireAuthorization(p => p.RequireRole(Readers))
            .WithSummary("The KPIs of a period (DSO, CEI, overdue, disputes…), optionally broken down by customer, segment or salesperson")
            .Produces<KpiReport>().Produces<KpiBreakdownReport>();
        kpis.MapGet("/aged-balance.csv", AgedBalanceCsvAsync).RequireAuthorization(p => p.RequireRole(Readers))
            .WithSummary("The aged trial balance as CSV (French Excel variant when the caller reads French)").Produces<string>(StatusCodes.Status200OK, "text/csv");
    }

    private static async Task<IResult> GetAsync(DateOnly? from, DateOnly? to, string? customerId, string? segment, string? salesperson, string? by, ClaimsPrincipal user, KpiCalculator kpis, CancellationToken cancellationToken)
    {
        if (DateBounds.Check(("from", from), ("to", to)) is { } outOfBounds)
        {
            return outOfBounds;
        }

        if (Check(from, to, by, out var breakdown) is { } problem)
        {
            return problem;
        }

        var scope = Scope(user, customerId, segment, salesperson);
        var company = await kpis.CalculateAsync(from!.Value, to!.Value, scope, cancellationToken).ConfigureAwait(false);
        if (breakdown is null)
        {
            return Results.Ok(company);
        }

        var rows = new List<KpiBreakdownRow>();
        foreach (var value in await kpis.ValuesAsync(breakdown.Value, to.Value, scope, cancellationToken).ConfigureAwait(false))
        {
            rows.Add(new KpiBreakdownRow(value, await kpis.CalculateAsync(from.Value, to.Value, With(scope, breakdown.Value, value), cancellationToken).ConfigureAwait(false)));
        }

        return Results.Ok(new KpiBreakdownReport(company, breakdown.Value.ToString().ToLowerInvariant(), rows));
    }

    private static async Task<IResult> AgedBalanceCsvAsync(DateOnly? at, string? by, ClaimsPrincipal user, KpiCalculator kpis, CancellationToken cancellationToken)
    {
        if (at is null)
        {
            return Results.ValidationProblem(new Dictionary<string, string[]> { ["at"] = ["The date of the balance is required (yyyy-MM-dd)."] });
        }

        if (DateBounds.Check(("at", at)) is { } outOfBounds)
        {
            return outOfBounds;
        }

        if (Check(at, at, by, out var breakdown) is { } problem)
        {
            return problem;
        }

        var scope = Scope(user, null, null, null);
        var rows = new List<(string, AgedBalance)> { ("company", (await kpis.CalculateAsync(at.Value, at.Value, scope, cancellationToken).ConfigureAwait(false)).AgedBalance) };
        if (breakdown is { } dimension)
        {
            foreach (var value in await kpis.ValuesAsync(dimension, at.Value, scope, cancellationToken).ConfigureAwait(false))
            {
                rows.Add((value, (await kpis.CalculateAsync(at.Value, at.Value, With(scope, dimension, value), cancellationToken).ConfigureAwait(false)).AgedBalance));
            }
        }

        return await RootCauseEndpoints.CsvAsync(w => CsvExport.WriteAgedBalanceAsync(w, at.Value, rows), $"aged-balance-{at.Value:yyyyMMdd}.csv").ConfigureAwait(false);
    }

    private static IResult? Check(DateOnly? from, DateOnly? to, string? by, out KpiBreakdown? breakdown)
    {
        breakdown = null;
        var problems = new Dictionary<string, string[]>();
        if (from is null || to is null)
        {
            problems["from"] = ["Both from and to are required (yyyy-MM-dd, both days included)."];
        }
        else if (to < from || to.Value.DayNumber - from.Value.DayNumber > 3660)
        {
            problems["to"] = [$"The period {from:yyyy-MM-dd} to {to:yyyy-MM-dd} must not end before it starts nor span more than ten years."];
        }

        if (by is not null)
        {
            if (Enum.TryParse<KpiBreakdown>(by, ignoreCase: true, out var parsed) && !int.TryParse(by, out _))
            {
                breakdown = parsed;
            }
            else
            {
                problems["by"] = [$"'{by}' is not a breakdown; use segment, salesperson or customer."];
            }
        }

        return problems.Count > 0 ? Results.ValidationProblem(problems) : null;
    }

    /// <summary>A salesperson sees the numbers of their own accounts only, whatever they ask for.</summary>
    private static KpiScope Scope(ClaimsPrincipal user, string? customerId, string? segment, string? salesperson)
    {
        var backOffice = Readers.Where(r => r != Roles.Salesperson).Any(user.IsInRole);
        return new KpiScope(customerId, segment, backOffice ? salesperson : user.Identity?.Name);
    }

    /// <summary>The scope narrowed to one breakdown value; a salesperson's own name is never replaced by another's.</summary>
    private static KpiScope With(KpiScope scope, KpiBreakdown by, string value) => by switch
    {
        KpiBreakdown.Segment => scope with { Segment = value },
        KpiBreakdown.Salesperson => scope with { Salesperson = scope.Salesperson ?? value },
        _ => scope with { CustomerId = value },
    };

    /// <summary>The company's KPIs and the same KPIs per value of the breakdown (<c>By</c>: customer, segment or salesperson).</summary>
    internal sealed record KpiBreakdownReport(KpiReport Total, string By, IReadOnlyList<KpiBreakdownRow> Breakdown);

    internal sealed record KpiBreakdownRow(string Value, KpiReport Kpis);
}
