using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using OrderToCash.Core.Infrastructure.Persistence;
using OrderToCash.Core.Infrastructure.Security;
using OrderToCash.Core.Reasons;
using OrderToCash.Host.Features.Customers;
using OrderToCash.Host.Features.Invoicing;

namespace OrderToCash.Host.Features.Reasons;

/// <summary>
/// The reason taxonomy and the department → role map: everyone who works on disputes reads them; Quality (and the credit
/// manager for reasons, the process owner for the map) changes them; each change is a version with author and date.
/// </summary>
internal static class ReasonEndpoints
{
    private const int VersionsListed = 100;

    public static void MapReasons(this IEndpointRouteBuilder endpoints)
    {
        var reasons = endpoints.MapGroup("/api/reasons").WithTags("Reasons");
        string[] readers = [.. CustomerScope.ReaderRoles, Roles.ProcessOwner];
        reasons.MapGet("/", ListAsync).RequireAuthorization(p => p.RequireRole(readers))
            .WithSummary("The reason taxonomy: dispute and late-payment reasons with their department").Produces<IEnumerable<ReasonView>>();
        reasons.MapPut("/{code}", PutAsync).RequireAuthorization(p => p.RequireRole(Roles.Quality, Roles.CreditManager))
            .WithSummary("Create or change a reason code, as a new version of the taxonomy").Produces<ReasonView>().Produces<ReasonView>(StatusCodes.Status201Created)
            .ProducesValidationProblem(StatusCodes.Status422UnprocessableEntity);
        reasons.MapGet("/departments", DepartmentsAsync).RequireAuthorization(p => p.RequireRole(readers))
            .WithSummary("The department to role map: which roles answer for each department's improvement tasks").Produces<IEnumerable<DepartmentView>>();
        reasons.MapPut("/departments/{department}", PutDepartmentAsync).RequireAuthorization(p => p.RequireRole(Roles.Quality, Roles.ProcessOwner))
            .WithSummary("Give a department the roles that answer for it, as a new version of the taxonomy").Produces<DepartmentView>()
            .ProducesValidationProblem(StatusCodes.Status422UnprocessableEntity);
        reasons.MapGet("/versions", VersionsAsync).RequireAuthorization(p => p.RequireRole(readers))
            .WithSummary("The versions of the taxonomy, newest first, with author, date, comment and changes").Produces<IEnumerable<TaxonomyVersionView>>();
    }

    private static async Task<IResult> ListAsync(OrderToCashDbContext db, CancellationToken cancellationToken)
    {
        var codes = await db.Set<ReasonCode>().AsNoTracking().ToListAsync(cancellationToken).ConfigureAwait(false);
        return Results.Ok(codes.OrderBy(c => c.Kind).ThenBy(c => c.Code, StringComparer.Ordinal).Select(View));
    }

    private static async Task<IResult> PutAsync(string code, ReasonBody body, ClaimsPrincipal user, ReasonTaxonomyEditing editing, OrderToCashDbContext db, CancellationToken cancellationToken)
    {
        var change = await editing.ChangeReasonAsync(code, body.Kind, body.Label, body.Department, body.EInvoicingCodes, user.Identity!.Name!, body.Comment, cancellationToken)
            .ConfigureAwait(false);
        if (change.Problems.Count > 0)
        {
            return VisibleInvoices.Invalid("The reason was not saved", new Dictionary<string, string[]> { ["reason"] = [.. change.Problems] });
        }

        var saved = await db.Set<ReasonCode>().AsNoTracking().SingleAsync(r => r.Code == code, cancellationToken).ConfigureAwait(false);
        return change.Created ? Results.Created($"/api/reasons/{code}", View(saved)) : Results.Ok(View(saved));
    }

    private static async Task<IResult> DepartmentsAsync(OrderToCashDbContext db, CancellationToken cancellationToken)
    {
        var map = await db.Set<DepartmentRole>().AsNoTracking().ToListAsync(cancellationToken).ConfigureAwait(false);
        var named = await db.Set<ReasonCode>().AsNoTracking().Select(r => r.Department).Distinct().ToListAsync(cancellationToken).ConfigureAwait(false);
        var departments = named.Concat(map.Select(d => d.Department)).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal);
        return Results.Ok(departments.Select(d => Department(d, map)));
    }

    private static async Task<IResult> PutDepartmentAsync(
        string department, DepartmentBody body, ClaimsPrincipal user, ReasonTaxonomyEditing editing, OrderToCashDbContext db, CancellationToken cancellationToken)
    {
        var change = await editing.ChangeDepartmentAsync(department, body.Roles ?? [], user.Identity!.Name!, body.Comment, cancellationToken).ConfigureAwait(false);
        if (change.Problems.Count > 0)
        {
            return VisibleInvoices.Invalid("The department map was not saved", new Dictionary<string, string[]> { ["department"] = [.. change.Problems] });
        }

        var map = await db.Set<DepartmentRole>().AsNoTracking().Where(d => d.Department == department).ToListAsync(cancellationToken).ConfigureAwait(false);
        return Results.Ok(Department(department, map));
    }

    private static async Task<IResult> VersionsAsync(OrderToCashDbContext db, CancellationToken cancellationToken)
    {
        // One more than listed, so the oldest listed version still shows what it changed.
        var versions = await db.Set<ReasonTaxonomyVersion>().AsNoTracking().OrderByDescending(v => v.Version).Take(VersionsListed + 1)
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        return Results.Ok(versions.Take(VersionsListed).Select((v, i) => new TaxonomyVersionView(
            v.Version, v.Author, v.ChangedAt, v.Comment, ReasonTaxonomyDiff.Between(i + 1 < versions.Count ? versions[i + 1].Content : null, v.Content))));
    }

    private static ReasonView View(ReasonCode r) => new(r.Code, r.Kind, r.Label, r.Department, [.. r.EInvoicingCodeList]);

    private static DepartmentView Department(string department, IEnumerable<DepartmentRole> map) =>
        new(department, [.. map.Where(d => d.Department == department).Select(d => d.Role).Order(StringComparer.Ordinal)]);

    internal sealed record ReasonView(string Code, ReasonKind Kind, string Label, string Department, IReadOnlyList<string> EInvoicingCodes);

    internal sealed record ReasonBody(string? Kind, string? Label, string? Department, string[]? EInvoicingCodes, string? Comment);

    internal sealed record DepartmentView(string Department, IReadOnlyList<string> Roles);

    internal sealed record DepartmentBody(string[]? Roles, string? Comment);

    internal sealed record TaxonomyVersionView(int Version, string Author, DateTimeOffset ChangedAt, string? Comment, IReadOnlyList<ReasonTaxonomyDifference> Changes);
}
