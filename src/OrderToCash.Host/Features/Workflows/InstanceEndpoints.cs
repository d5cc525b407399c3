using System.Security.Claims;
using System.Text.Json;
using OrderToCash.Core.Infrastructure.Security;
using OrderToCash.Engine.Durable;
using OrderToCash.Engine.Runtime.State;

namespace OrderToCash.Host.Features.Workflows;

/// <summary>Starting instances, reading them with their path, retrying incidents and cancelling.</summary>
internal static class InstanceEndpoints
{
    public static void MapInstances(this IEndpointRouteBuilder endpoints)
    {
        var operators = WorkflowRoles.Operators;
        var readers = WorkflowRoles.Viewers;
        var instances = endpoints.MapGroup("/api/instances").WithTags("Workflows");
        instances.MapPost("/", StartAsync).RequireAuthorization(p => p.RequireRole(operators))
            .WithSummary("Start an instance of the latest version of a process").Produces<InstanceSummary>(StatusCodes.Status201Created).ProducesProblem(StatusCodes.Status404NotFound);
        instances.MapGet("/", SearchAsync).RequireAuthorization(p => p.RequireRole(readers))
            .WithSummary("Find instances by business key (its beginning), process, status or the element they wait in now, a page at a time")
            .Produces<InstanceSearchPage>().ProducesValidationProblem(StatusCodes.Status400BadRequest);
        instances.MapGet("/{id}", GetAsync).RequireAuthorization(p => p.RequireRole(readers))
            .WithSummary("Read an instance: status, variables, where it waits and the path it took").Produces<InstanceView>().ProducesProblem(StatusCodes.Status404NotFound);
        instances.MapPost("/{id}/retry", async (string id, DurableWorkflowRuntime runtime, CancellationToken ct) =>
                Results.Ok(await runtime.RetryAsync(id, ct).ConfigureAwait(false))).RequireAuthorization(p => p.RequireRole(operators))
            .WithSummary("Retry the failed step of an instance in incident now").Produces<InstanceSummary>().ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        instances.MapPost("/{id}/cancel", async (string id, DurableWorkflowRuntime runtime, CancellationToken ct) =>
                Results.Ok(await runtime.CancelAsync(id, ct).ConfigureAwait(false))).RequireAuthorization(p => p.RequireRole(operators))
            .WithSummary("Cancel a running instance").Produces<InstanceSummary>().ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);

        endpoints.MapGet("/api/incidents", async (WorkflowReader reader, CancellationToken ct) =>
                Results.Ok((await reader.IncidentsAsync(ct).ConfigureAwait(false)).Select(i => new IncidentView(
                    i.Id, i.ProcessId, i.Version, i.BusinessKey, i.IncidentElementId, i.IncidentMessage, i.IncidentAttempts, i.NextRetryAt, i.UpdatedAt))))
            .WithTags("Workflows").RequireAuthorization(p => p.RequireRole(operators))
            .WithSummary("List the instances in incident, with the failing element and the next automatic retry").Produces<IEnumerable<IncidentView>>();
    }

    private static async Task<IResult> StartAsync(StartRequest body, DurableWorkflowRuntime runtime, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(body.ProcessId))
        {
            return Results.ValidationProblem(new Dictionary<string, string[]> { ["processId"] = ["The process to start is required."] });
        }

        if (body.BusinessKey is { Length: > Limits.KeyLength })
        {
            return Results.ValidationProblem(new Dictionary<string, string[]> { ["businessKey"] = [$"At most {Limits.KeyLength} characters ({body.BusinessKey.Length} given)."] });
        }

        var started = await runtime.StartAsync(body.ProcessId, Variables.From(body.Variables), body.BusinessKey, cancellationToken).ConfigureAwait(false);
        return Results.Created($"/api/instances/{started.Id}", started);
    }

    private static async Task<IResult> SearchAsync(
        string? businessKey, string? processId, string? elementId, string? status, string? page, string? pageSize, WorkflowReader reader, CancellationToken cancellationToken)
    {
        var (search, number, size, problems) = InstanceSearchParameters.Read(businessKey, processId, elementId, status, page, pageSize);
        if (search is null)
        {
            return Results.ValidationProblem(problems, title: "The instance search is invalid: " + string.Join(" ", problems.Values.SelectMany(m => m)));
        }

        var found = await reader.SearchAsync(search, cancellationToken).ConfigureAwait(false);
        return Results.Ok(new InstanceSearchPage(number, size, found.Total, [.. found.Instances.Select(i => new InstanceListItem(
            i.Id, i.ProcessId, i.Version, i.BusinessKey, i.Status, i.StartedAt, i.UpdatedAt, i.EndedAt, i.IncidentElementId, i.IncidentMessage))]));
    }

    private static async Task<IResult> GetAsync(string id, ClaimsPrincipal user, WorkflowReader reader, CancellationToken cancellationToken)
    {
        var details = await reader.GetAsync(id, cancellationToken).ConfigureAwait(false)
            ?? throw new KeyNotFoundException($"Instance '{id}' was not found.");
        var migrations = await reader.MigrationsOfAsync(id, cancellationToken).ConfigureAwait(false);
        return Results.Ok(new InstanceView(
            details.Record.Id,
            details.Record.ProcessId,
            details.Record.Version,
            details.Record.BusinessKey,
            details.State.Status,
            details.State.StartedAt,
            details.State.EndedAt,
            details.State.Variables,
            [.. details.State.Bookmarks.Select(b => new WaitView(b.Id, b.Kind, b.ElementId, b.MessageName, b.CorrelationKey, b.DueAt, b.CandidateRole))],
            details.State.Incident is { } incident ? new IncidentDetail(incident.ElementId, incident.Message, incident.Budget, incident.At,
                user.IsInRole(Roles.Administrator) ? incident.Detail : null) : null,
            [.. details.Path.Select(v => new PathStepView(v.ProcessId, v.ElementId, v.EnteredAt, v.LeftAt, v.Outcome))],
            migrations));
    }

    /// <summary>An instance as the API shows it; <c>Waiting</c> lists where it waits (task, message, timer); <c>Migrations</c> its moves to other versions.</summary>
    internal sealed record InstanceView(string Id, string ProcessId, int Version, string? BusinessKey, InstanceStatus Status, DateTimeOffset StartedAt,
        DateTimeOffset? EndedAt, Dictionary<string, object?> Variables, IReadOnlyList<WaitView> Waiting, IncidentDetail? Incident, IReadOnlyList<PathStepView> Path,
        IReadOnlyList<InstanceMigrationEntry> Migrations);

    internal sealed record WaitView(string Id, BookmarkKind Kind, string ElementId, string? MessageName, string? CorrelationKey, DateTimeOffset? DueAt, string? CandidateRole);

    /// <summary>Why the instance stopped; <c>Detail</c> (the failure's type, message and stack) for administrators only.</summary>
    internal sealed record IncidentDetail(string ElementId, string Message, string? Budget, DateTimeOffset At, string? Detail);

    /// <summary>A passage through an element; <c>ProcessId</c> is the element's process (a called one for its own elements).</summary>
    internal sealed record PathStepView(string ProcessId, string ElementId, DateTimeOffset EnteredAt, DateTimeOffset? LeftAt, string? Outcome);

    /// <summary>An instance in incident: the element that failed, why, how often, and when it is retried next.</summary>
    internal sealed record IncidentView(string InstanceId, string ProcessId, int Version, string? BusinessKey, string? ElementId, string? Message, int Attempts, DateTimeOffset? NextRetryAt, DateTimeOffset Since);

    /// <summary>A page of found instances; <c>Total</c> counts every match.</summary>
    internal sealed record InstanceSearchPage(int Page, int PageSize, int Total, IReadOnlyList<InstanceListItem> Instances);

    /// <summary>A found instance: where it stands, and why it stopped when in incident.</summary>
    internal sealed record InstanceListItem(string Id, string ProcessId, int Version, string? BusinessKey, string Status, DateTimeOffset StartedAt,
        DateTimeOffset UpdatedAt, DateTimeOffset? EndedAt, string? IncidentElementId, string? IncidentMessage);

    internal sealed record StartRequest(string? ProcessId, string? BusinessKey, Dictionary<string, JsonElement>? Variables);
}
