using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using OrderToCash.Core.Infrastructure.Persistence;
using OrderToCash.Core.Infrastructure.Security;
using OrderToCash.Core.Kpis;
using OrderToCash.Core.Reasons;
using OrderToCash.Core.RootCauses;

namespace OrderToCash.Host.Features.RootCauses;

/// <summary>
/// The root-cause loop over HTTP: run the analysis on demand, read and export the groups, and work the
/// process-improvement tasks of one's department (Quality and the process owner see and move every department's).
/// </summary>
internal static class RootCauseEndpoints
{
    private static readonly string[] Analysts = [Roles.Quality, Roles.ProcessOwner, Roles.Collector, Roles.CreditManager];

    public static void MapRootCauses(this IEndpointRouteBuilder endpoints)
    {
        var causes = endpoints.MapGroup("/api/root-causes").WithTags("Root causes");
        causes.MapPost("/analyze", AnalyzeAsync).RequireAuthorization(p => p.RequireRole(Analysts))
            .WithSummary("Run the root-cause loop now: group recurring causes, open improvement tasks, verify deployed fixes").Produces<AnalysisView>();
        causes.MapGet("/groups", GroupsAsync).RequireAuthorization(p => p.RequireRole(Analysts))
            .WithSummary("Disputes and late payments of a period, grouped by reason, department, segment and product family").Produces<GroupsView>();
        causes.MapGet("/groups.csv", GroupsCsvAsync).RequireAuthorization(p => p.RequireRole(Analysts))
            .WithSummary("The same groups as CSV").Produces<string>(StatusCodes.Status200OK, "text/csv");

        var tasks = endpoints.MapGroup("/api/improvement-tasks").WithTags("Root causes");
        tasks.MapGet("/", ListAsync).RequireAuthorization(p => p.RequireRole(DepartmentRoles.TaskReaders))
            .WithSummary("List the improvement tasks of the caller's departments").Produces<IEnumerable<TaskView>>();
        tasks.MapGet("/tasks.csv", ListCsvAsync).RequireAuthorization(p => p.RequireRole(DepartmentRoles.TaskReaders))
            .WithSummary("The improvement tasks as CSV").Produces<string>(StatusCodes.Status200OK, "text/csv");
        tasks.MapGet("/{number}", GetAsync).RequireAuthorization(p => p.RequireRole(DepartmentRoles.TaskReaders))
            .WithSummary("Read an improvement task with its evidence (the invoices and disputes behind it)").Produces<TaskView>().ProducesProblem(StatusCodes.Status404NotFound);
        tasks.MapPost("/{number}/acknowledge", (string number, ClaimsPrincipal user, OrderToCashDbContext db, TimeProvider clock, CancellationToken ct) =>
                MoveAsync(number, user, db, (t, by) => t.Acknowledge(by, clock.GetUtcNow()), ct)).RequireAuthorization(p => p.RequireRole(DepartmentRoles.TaskReaders))
            .WithSummary("The department acknowledges an improvement task").Produces<TaskView>().ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        tasks.MapPost("/{number}/start-fix", (string number, ClaimsPrincipal user, OrderToCashDbContext db, TimeProvider clock, CancellationToken ct) =>
                MoveAsync(number, user, db, (t, by) => t.StartFix(by, clock.GetUtcNow()), ct)).RequireAuthorization(p => p.RequireRole(DepartmentRoles.TaskReaders))
            .WithSummary("The department starts fixing the cause").Produces<TaskView>().ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        tasks.MapPost("/{number}/deploy-fix", DeployFixAsync).RequireAuthorization(p => p.RequireRole(DepartmentRoles.TaskReaders))
            .WithSummary("Record the fix as deployed; the loop then measures whether the cause's rate fell")
            .Produces<TaskView>().ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
    }

    private static async Task<IResult> AnalyzeAsync(RootCauseAnalyzer analyzer, CancellationToken cancellationToken)
    {
        var analysis = await analyzer.AnalyzeAsync(cancellationToken).ConfigureAwait(false);
        return Results.Ok(RootCauseViews.Analysis(analysis));
    }

    private static async Task<IResult> GroupsAsync(DateOnly? from, DateOnly? to, OrderToCashDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        if (DateBounds.Check(("from", from), ("to", to)) is { } outOfBounds)
        {
            return outOfBounds;
        }

        if (Period(from, to, clock) is not { } period)
        {
            return PeriodProblem(from, to);
        }

        var grouped = await RootCauseGrouping.GroupAsync(db, period.From, period.To, cancellationToken).ConfigureAwait(false);
        return Results.Ok(RootCauseViews.Groups(grouped));
    }

    private static async Task<IResult> GroupsCsvAsync(DateOnly? from, DateOnly? to, OrderToCashDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        if (DateBounds.Check(("from", from), ("to", to)) is { } outOfBounds)
        {
            return outOfBounds;
        }

        if (Period(from, to, clock) is not { } period)
        {
            return PeriodProblem(from, to);
        }

        var grouped = await RootCauseGrouping.GroupAsync(db, period.From, period.To, cancellationToken).ConfigureAwait(false);
        return await CsvAsync(w => CsvExport.WriteGroupsAsync(w, grouped.Groups), $"root-cause-groups-{period.From:yyyyMMdd}-{period.To:yyyyMMdd}.csv").ConfigureAwait(false);
    }

    private static async Task<IResult> ListAsync(string? department, ImprovementTaskStatus? status, ClaimsPrincipal user, OrderToCashDbContext db, CancellationToken cancellationToken)
    {
        var own = await DepartmentsOfAsync(user, db, cancellationToken).ConfigureAwait(false);
        var tasks = await Visible(db, own, department, status).ToListAsync(cancellationToken).ConfigureAwait(false);
        return Results.Ok(tasks.OrderByDescending(t => t.CreatedAt).Select(RootCauseViews.Task));
    }

    private static async Task<IResult> ListCsvAsync(string? department, ImprovementTaskStatus? status, ClaimsPrincipal user, OrderToCashDbContext db, CancellationToken cancellationToken)
    {
        var own = await DepartmentsOfAsync(user, db, cancellationToken).ConfigureAwait(false);
        var tasks = await Visible(db, own, department, status).ToListAsync(cancellationToken).ConfigureAwait(false);
        return await CsvAsync(w => CsvExport.WriteTasksAsync(w, tasks.OrderByDescending(t => t.CreatedAt)), "improvement-tasks.csv").ConfigureAwait(false);
    }

    private static async Task<IResult> GetAsync(string number, ClaimsPrincipal user, OrderToCashDbContext db, CancellationToken cancellationToken)
    {
        var own = await DepartmentsOfAsync(user, db, cancellationToken).ConfigureAwait(false);
        var task = await Visible(db, own, null, null).FirstOrDefaultAsync(t => t.Number == number, cancellationToken).ConfigureAwait(false)
            ?? throw new KeyNotFoundException($"Improvement task '{number}' was not found.");
        var evidence = await db.Set<ImprovementTaskEvidence>().AsNoTracking().Where(e => e.TaskId == task.Id)
            .OrderByDescending(e => e.OccurredOn).ToListAsync(cancellationToken).ConfigureAwait(false);
        return Results.Ok(RootCauseViews.Task(task) with { Evidence = evidence.Select(RootCauseViews.Evidence).ToList() });
    }

    private static Task<IResult> DeployFixAsync(string number, DeployFixRequest body, ClaimsPrincipal user, OrderToCashDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        var problems = new Dictionary<string, string[]>();
        if (body.DeployedOn is null)
        {
            problems["deployedOn"] = ["The date the fix went live is required (yyyy-MM-dd): the observation window starts on it."];
        }
        else if (DateBounds.Problem("deployedOn", body.DeployedOn) is { } outOfBounds)
        {
            problems["deployedOn"] = [outOfBounds];
        }

        if (string.IsNullOrWhiteSpace(body.Description) || body.Description.Length > 2000)
        {
            problems["description"] = ["Describe what changed, in 1 to 2,000 characters."];
        }

        return problems.Count > 0
            ? Task.FromResult(Results.ValidationProblem(problems))
            : MoveAsync(number, user, db, (t, by) => t.DeployFix(body.DeployedOn!.Value, body.Description!, by, clock.GetUtcNow()), cancellationToken);
    }

    private static async Task<IResult> MoveAsync(string number, ClaimsPrincipal user, OrderToCashDbContext db, Action<ImprovementTask, string> move, CancellationToken cancellationToken)
    {
        var departments = await DepartmentsOfAsync(user, db, cancellationToken).ConfigureAwait(false);
        var task = await db.Set<ImprovementTask>().FirstOrDefaultAsync(t => t.Number == number, cancellationToken).ConfigureAwait(false);
        if (task is null || (departments is not null && !departments.Contains(task.Department)))
        {
            throw new KeyNotFoundException($"Improvement task '{number}' was not found.");
        }

        move(task, user.Identity!.Name!);
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        return Results.Ok(RootCauseViews.Task(task));
    }

    /// <summary>The departments whose tasks the user answers for (the department → role map); null when every one.</summary>
    private static Task<IReadOnlySet<string>?> DepartmentsOfAsync(ClaimsPrincipal user, OrderToCashDbContext db, CancellationToken cancellationToken) =>
        DepartmentRoles.ForAsync(db, Roles.BuiltIn.Where(user.IsInRole), cancellationToken);

    private static IQueryable<ImprovementTask> Visible(OrderToCashDbContext db, IReadOnlySet<string>? own, string? department, ImprovementTaskStatus? status)
    {
        var query = db.Set<ImprovementTask>().AsNoTracking();
        if (own is not null)
        {
            var list = own.ToList();
            query = query.Where(t => list.Contains(t.Department));
        }

        if (department is not null)
        {
            query = query.Where(t => t.Department == department);
        }

        return status is { } wanted ? query.Where(t => t.Status == wanted) : query;
    }

    /// <summary>[from, to): the last 90 days when neither is given; at most two years.</summary>
    internal static (DateOnly From, DateOnly To)? Period(DateOnly? from, DateOnly? to, TimeProvider clock)
    {
        var end = to ?? DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var start = from ?? end.AddDays(-RootCauseOptions.PeriodDays);
        return start < end && end.DayNumber - start.DayNumber <= 731 ? (start, end) : null;
    }

    internal static IResult PeriodProblem(DateOnly? from, DateOnly? to) => Results.ValidationProblem(new Dictionary<string, string[]>
    {
        ["from"] = [$"The period from {from?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) ?? "(90 days before to)"} to {to?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) ?? "(today)"} must start before it ends and span at most 731 days."],
    });

    internal static Task<IResult> CsvAsync(Func<TextWriter, Task> write, string fileName) =>
        Task.FromResult<IResult>(
        new Csv.CsvFileResult(write, fileName));
}

internal sealed record DeployFixRequest(DateOnly? DeployedOn, string? Description);
