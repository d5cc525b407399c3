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
        var operators = new[] { Roles.ProcessOwner, Roles.Administrator };
        var readers = new[] { Roles.ProcessOwner, Roles.Administrator, Roles.CreditManager, Roles.Collector, Roles.SalesAdministration };
        var instances = endpoints.MapGroup("/api/instances").WithTags("Workflows");
        instances.MapPost("/", StartAsync).RequireAuthorization(p => p.RequireRole(operators))
            .WithSummary("Start an instance of the latest version of a process").Produces<InstanceSummary>(StatusCodes.Status201Created).ProducesProblem(StatusCodes.Status404NotFound);
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

    private static async Task<IResult> GetAsync(string id, WorkflowReader reader, CancellationToken cancellationToken)
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
            details.State.Incident,
            [.. details.Path.Select(v => new PathStepView(v.ElementId, v.EnteredAt, v.LeftAt, v.Outcome))],
            migrations));
    }

    /// <summary>An instance as the API shows it; <c>Waiting</c> lists where it waits (task, message, timer); <c>Migrations</c> its moves to other versions.</summary>
    internal sealed record InstanceView(string Id, string ProcessId, int Version, string? BusinessKey, InstanceStatus Status, DateTimeOffset StartedAt,
        DateTimeOffset? EndedAt, Dictionary<string, object?> Variables, IReadOnlyList<WaitView> Waiting, Incident? Incident, IReadOnlyList<PathStepView> Path,
        IReadOnlyList<InstanceMigrationEntry> Migrations);

    internal sealed record WaitView(string Id, BookmarkKind Kind, string ElementId, string? MessageName, string? CorrelationKey, DateTimeOffset? DueAt, string? CandidateRole);

    internal sealed record PathStepView(string ElementId, DateTimeOffset EnteredAt, DateTimeOffset? LeftAt, string? Outcome);

    /// <summary>An instance in incident: the element that failed, why, how often, and when it is retried next.</summary>
    internal sealed record IncidentView(string InstanceId, string ProcessId, int Version, string? BusinessKey, string? ElementId, string? Message, int Attempts, DateTimeOffset? NextRetryAt, DateTimeOffset Since);

    internal sealed record StartRequest(string? ProcessId, string? BusinessKey, Dictionary<string, JsonElement>? Variables);
}
