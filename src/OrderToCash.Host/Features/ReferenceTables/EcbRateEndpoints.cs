using System.Security.Claims;
using System.Text.Json;
using OrderToCash.Core.Infrastructure.Persistence;
using OrderToCash.Core.Infrastructure.Security;
using OrderToCash.Core.Payments;
using OrderToCash.Core.ReferenceTables;

namespace OrderToCash.Host.Features.ReferenceTables;

/// <summary>
/// The ECB rate table (ADR 0101): the main refinancing rate per semester, its versions (author, date, comment) and the
/// semesters pending interest waits for. Credit managers enter rates; entering one charges the interest waiting for it.
/// </summary>
internal static class EcbRateEndpoints
{
    public static void MapReferenceTables(this IEndpointRouteBuilder endpoints)
    {
        var reference = endpoints.MapGroup("/api/reference").WithTags("Reference tables");
        reference.MapGet("/ecb-rates", ReadAsync)
            .WithName("GetEcbRates")
            .WithSummary("The ECB rate per semester, its versions and the semesters pending interest waits for")
            .Produces<EcbRatesView>()
            .RequireAuthorization(p => p.RequireRole(Roles.CreditManager, Roles.ProcessOwner, Roles.Quality, Roles.Collector));
        reference.MapPut("/ecb-rates", PutAsync)
            .WithName("PutEcbRates")
            .WithSummary("Stores the next version of the ECB rate table and charges the pending interest it covers")
            .Produces<EcbRatesView>()
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .RequireAuthorization(p => p.RequireRole(Roles.CreditManager));
    }

    private static async Task<IResult> ReadAsync(OrderToCashDbContext db, CancellationToken ct) =>
        Results.Ok(await ViewAsync(db, [], ct).ConfigureAwait(false));

    private static async Task<IResult> PutAsync(EcbRatesBody? body, ClaimsPrincipal user, EcbRateEntry entry, OrderToCashDbContext db, CancellationToken ct)
    {
        var problems = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var rates = new Dictionary<string, decimal?>(StringComparer.Ordinal);
        foreach (var (semester, value) in body?.Rates ?? [])
        {
            if (value.ValueKind == JsonValueKind.Number && value.TryGetDecimal(out var rate))
            {
                rates[semester] = rate;
            }
            else
            {
                problems[semester] = [$"The rate of {semester} must be a number in percent a year (e.g. 2.15), not {value.GetRawText()}."];
            }
        }

        if (problems.Count == 0)
        {
            var result = await entry.PutAsync(rates, user.Identity!.Name!, body?.Comment, ct).ConfigureAwait(false);
            if (result.Change.IsValid)
            {
                return Results.Ok(await ViewAsync(db, result.Charged, ct).ConfigureAwait(false));
            }

            problems = result.Change.Problems;
        }

        return Results.ValidationProblem(problems, title: "The ECB rate table was not changed: " + string.Join(" ", problems.Values.SelectMany(m => m).Take(10)),
            statusCode: StatusCodes.Status422UnprocessableEntity);
    }

    private static async Task<EcbRatesView> ViewAsync(OrderToCashDbContext db, IReadOnlyList<ChargedInterest> charged, CancellationToken ct)
    {
        var history = await EcbRates.HistoryAsync(db, ct).ConfigureAwait(false);
        var latest = history[0];
        return new EcbRatesView(
            latest.Version,
            latest.Author,
            latest.PublishedAt,
            latest.Comment,
            [.. latest.Table().Rates.Select(r => new SemesterRate(r.Key.ToString(), r.Key.FrenchLabel, r.Value))],
            await PendingInterests.MissingAsync(db, ct).ConfigureAwait(false),
            charged,
            [.. history.Select(v => new EcbRateVersionView(v.Version, v.Author, v.PublishedAt, v.Comment, v.Table().Rates.ToDictionary(r => r.Key.ToString(), r => r.Value)))]);
    }
}

/// <param name="Rates">The whole table: semester (<c>2026-H2</c>) → ECB rate in percent a year. Every semester in force must stay.</param>
/// <param name="Comment">Why (e.g. the ECB's decision of 5 June 2026).</param>
internal sealed record EcbRatesBody(Dictionary<string, JsonElement>? Rates, string? Comment);

internal sealed record SemesterRate(string Semester, string Label, decimal RatePercent);

internal sealed record EcbRateVersionView(int Version, string Author, DateTimeOffset PublishedAt, string? Comment, IReadOnlyDictionary<string, decimal> Rates);

/// <param name="Version">The version in force.</param>
/// <param name="Author">Who entered it.</param>
/// <param name="PublishedAt">When.</param>
/// <param name="Comment">Why.</param>
/// <param name="Rates">The table in force, semesters in order.</param>
/// <param name="Missing">The semesters pending interest waits for.</param>
/// <param name="Charged">The pending interest this request charged (PUT only).</param>
/// <param name="History">Every version, the latest first.</param>
internal sealed record EcbRatesView(int Version, string Author, DateTimeOffset PublishedAt, string? Comment, IReadOnlyList<SemesterRate> Rates,
    IReadOnlyList<MissingRate> Missing, IReadOnlyList<ChargedInterest> Charged, IReadOnlyList<EcbRateVersionView> History);
