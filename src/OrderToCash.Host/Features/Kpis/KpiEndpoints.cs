using System.Security.Claims;
using OrderToCash.Core.Infrastructure.Security;
using Microsoft.EntityFrameworkCore;
using OrderToCash.Core.Credit;
using OrderToCash.Core.Customers;
using OrderToCash.Core.Infrastructure.Persistence;
using OrderToCash.Core.Kpis;
using OrderToCash.Host.Features.Customers;
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
        kpis.MapGet("/monthly", MonthlyAsync).RequireAuthorization(p => p.RequireRole(Readers))
            .WithSummary("DSO, CEI, disputed invoices and credit-block rate per calendar month, the last `months` (1-24) up to `to` (default today)")
            .Produces<IReadOnlyList<MonthlyKpis>>().ProducesValidationProblem(StatusCodes.Status400BadRequest);
        kpis.MapGet("/largest-exposures", LargestExposuresAsync).RequireAuthorization(p => p.RequireRole(Readers))
            .WithSummary("The customers with the largest exposure (`top` 1-50), each against its credit limit")
            .Produces<IReadOnlyList<CustomerExposure>>().ProducesValidationProblem(StatusCodes.Status400BadRequest);
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

    private static async Task<IResult> MonthlyAsync(string? months, DateOnly? to, ClaimsPrincipal user, KpiCalculator kpis, TimeProvider clock, CancellationToken cancellationToken)
    {
        var problems = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var count = Collections.WorklistParameters.Number(months, 1, MaxMonths, 12, "months", problems);
        if (problems.Count > 0)
        {
            return Results.ValidationProblem(problems);
        }

        if (DateBounds.Check(("to", to)) is { } outOfBounds)
        {
            return outOfBounds;
        }

        var last = to ?? DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var scope = Scope(user, null, null, null);
        var result = new List<MonthlyKpis>();
        for (var back = count - 1; back >= 0; back--)
        {
            var start = new DateOnly(last.Year, last.Month, 1).AddMonths(-back);
            var end = back == 0 ? last : start.AddMonths(1).AddDays(-1);
            var report = await kpis.CalculateAsync(start, end, scope, cancellationToken).ConfigureAwait(false);
            result.Add(new MonthlyKpis(start.ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture), start, end, report.Dso, report.Cei,
                report.DisputedInvoicesPercent, report.CreditBlockRate, report.ClosingReceivables));
        }

        return Results.Ok(result);
    }

    private static async Task<IResult> LargestExposuresAsync(string? top, ClaimsPrincipal user, OrderToCashDbContext db, CancellationToken cancellationToken)
    {
        var problems = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var count = Collections.WorklistParameters.Number(top, 1, 50, 10, "top", problems);
        if (problems.Count > 0)
        {
            return Results.ValidationProblem(problems);
        }

        // Totals in cents through double: SQLite cannot order by a sum of decimals (stored as text); cents stay exact far below 2^53.
        var rows = await (
                from c in db.Set<Customer>().AsNoTracking().VisibleTo(user)
                join e in db.Set<CreditExposure>() on c.Id equals e.CustomerId
                let cents = (long)Math.Round((double)(e.OpenOrders + e.DeliveredNotInvoiced + e.OpenReceivables) * 100)
                orderby cents descending, c.Id
                select new { c.Id, c.LegalName, c.Currency, c.InternalCreditLimit, c.InsurerCover, Cents = cents })
            .Take(count).ToListAsync(cancellationToken).ConfigureAwait(false);
        return Results.Ok(rows.Select(r => new CustomerExposure(r.Id, r.LegalName, r.Currency, r.Cents / 100m, r.InternalCreditLimit + r.InsurerCover)).ToList());
    }

    private const int MaxMonths = 24;

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

    /// <summary>One calendar month's KPIs (the current month up to the day asked); ratios null when their denominator is 0.</summary>
    internal sealed record MonthlyKpis(string Month, DateOnly From, DateOnly To, decimal? Dso, decimal? Cei, decimal? DisputedInvoicesPercent, decimal? CreditBlockRate, decimal ClosingReceivables);

    /// <summary>A customer's exposure against its credit limit (internal limit + insurer cover).</summary>
    internal sealed record CustomerExposure(string CustomerId, string LegalName, string Currency, decimal Exposure, decimal CreditLimit);
}
