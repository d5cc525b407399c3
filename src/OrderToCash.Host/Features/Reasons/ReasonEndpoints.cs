using Microsoft.EntityFrameworkCore;
using OrderToCash.Core.Disputes;
using OrderToCash.Core.Infrastructure.Persistence;
using OrderToCash.Core.Infrastructure.Security;
using OrderToCash.Core.Reasons;
using OrderToCash.Host.Features.Customers;
using OrderToCash.Host.Features.Invoicing;

namespace OrderToCash.Host.Features.Reasons;

/// <summary>The reason taxonomy: everyone who works on disputes reads it; quality and the credit manager edit it.</summary>
internal static class ReasonEndpoints
{
    public static void MapReasons(this IEndpointRouteBuilder endpoints)
    {
        var reasons = endpoints.MapGroup("/api/reasons").WithTags("Reasons");
        reasons.MapGet("/", ListAsync).RequireAuthorization(p => p.RequireRole([.. CustomerScope.ReaderRoles, Roles.ProcessOwner]))
            .WithSummary("The reason taxonomy: dispute and late-payment reasons with their department").Produces<IEnumerable<ReasonView>>();
        reasons.MapPut("/{code}", PutAsync).RequireAuthorization(p => p.RequireRole(Roles.Quality, Roles.CreditManager))
            .WithSummary("Create or change a reason code").Produces<ReasonView>().Produces<ReasonView>(StatusCodes.Status201Created)
            .ProducesValidationProblem(StatusCodes.Status422UnprocessableEntity);
    }

    private static async Task<IResult> ListAsync(OrderToCashDbContext db, CancellationToken cancellationToken)
    {
        var codes = await db.Set<ReasonCode>().AsNoTracking().ToListAsync(cancellationToken).ConfigureAwait(false);
        return Results.Ok(codes.OrderBy(c => c.Kind).ThenBy(c => c.Code, StringComparer.Ordinal).Select(View));
    }

    private static async Task<IResult> PutAsync(string code, ReasonBody body, OrderToCashDbContext db, CancellationToken cancellationToken)
    {
        // The same checks as the file: one entry checked as a one-entry file, then against the others' e-invoicing codes.
        var entry = System.Text.Json.JsonSerializer.Serialize(new
        {
            reasons = new[] { new { code, kind = body.Kind, label = body.Label, department = body.Department, eInvoicingCodes = body.EInvoicingCodes ?? [] } },
        });
        var parsed = ReasonCodeFile.Parse(entry, "request");
        var problems = parsed.Problems.Select(p => p.Replace("request: reasons[0]", "reason", StringComparison.Ordinal)).ToList();
        var others = await db.Set<ReasonCode>().AsNoTracking().Where(r => r.Code != code).ToListAsync(cancellationToken).ConfigureAwait(false);
        foreach (var e in body.EInvoicingCodes ?? [])
        {
            if (others.Find(o => o.EInvoicingCodeList.Contains(e, StringComparer.Ordinal)) is { } owner)
            {
                problems.Add($"reason.eInvoicingCodes: '{e}' already maps to {owner.Code}; remove it there first.");
            }
        }

        if (problems.Count > 0)
        {
            return VisibleInvoices.Invalid("The reason was not saved", new Dictionary<string, string[]> { ["reason"] = [.. problems] });
        }

        var created = !await db.Set<ReasonCode>().AnyAsync(r => r.Code == code, cancellationToken).ConfigureAwait(false);
        await ReasonTaxonomy.UpsertAsync(db, parsed.Codes, overwrite: true, cancellationToken).ConfigureAwait(false);
        var saved = await db.Set<ReasonCode>().AsNoTracking().SingleAsync(r => r.Code == code, cancellationToken).ConfigureAwait(false);
        return created ? Results.Created($"/api/reasons/{code}", View(saved)) : Results.Ok(View(saved));
    }

    private static ReasonView View(ReasonCode r) => new(r.Code, r.Kind, r.Label, r.Department, [.. r.EInvoicingCodeList]);

    internal sealed record ReasonView(string Code, ReasonKind Kind, string Label, string Department, IReadOnlyList<string> EInvoicingCodes);

    internal sealed record ReasonBody(string? Kind, string? Label, string? Department, string[]? EInvoicingCodes);
}
