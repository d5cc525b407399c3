using System.Text.Json;
using OrderToCash.Core.Infrastructure.Security;
using OrderToCash.Engine.Durable;

namespace OrderToCash.Host.Features.Workflows;

/// <summary>Starting instances, reading them with their path, retrying incidents and cancelling.</summary>
internal static class InstanceEndpoints
{
    public static void MapInstances(this IEndpointRouteBuilder endpoints)
    {
        var operators = new[] { Roles.ProcessOwner, Roles.Administrator };
        var readers = new[] { Roles.ProcessOwner, Roles.Administrator, Roles.CreditManager, Roles.Collector, Roles.SalesAdministration };
        var instances = endpoints.MapGroup("/api/instances").WithTags("Workflows");
        instances.MapPost("/", StartAsync).RequireAuthorization(p => p.RequireRole(operators));
        instances.MapGet("/{id}", GetAsync).RequireAuthorization(p => p.RequireRole(readers));
        instances.MapPost("/{id}/retry", async (string id, DurableWorkflowRuntime runtime, CancellationToken ct) =>
            Results.Ok(await runtime.RetryAsync(id, ct).ConfigureAwait(false))).RequireAuthorization(p => p.RequireRole(operators));
        instances.MapPost("/{id}/cancel", async (string id, DurableWorkflowRuntime runtime, CancellationToken ct) =>
            Results.Ok(await runtime.CancelAsync(id, ct).ConfigureAwait(false))).RequireAuthorization(p => p.RequireRole(operators));

        endpoints.MapGet("/api/incidents", async (DurableWorkflowRuntime runtime, CancellationToken ct) =>
                Results.Ok((await runtime.IncidentsAsync(ct).ConfigureAwait(false)).Select(i => new
                {
                    instanceId = i.Id,
                    i.ProcessId,
                    i.Version,
                    i.BusinessKey,
                    elementId = i.IncidentElementId,
                    message = i.IncidentMessage,
                    attempts = i.IncidentAttempts,
                    i.NextRetryAt,
                    since = i.UpdatedAt,
                })))
            .WithTags("Workflows").RequireAuthorization(p => p.RequireRole(operators));
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

    private static async Task<IResult> GetAsync(string id, DurableWorkflowRuntime runtime, CancellationToken cancellationToken)
    {
        var details = await runtime.GetAsync(id, cancellationToken).ConfigureAwait(false)
            ?? throw new KeyNotFoundException($"Instance '{id}' was not found.");
        return Results.Ok(new
        {
            details.Record.Id,
            details.Record.ProcessId,
            details.Record.Version,
            details.Record.BusinessKey,
            Status = details.State.Status,
            details.State.StartedAt,
            details.State.EndedAt,
            details.State.Variables,
            Waiting = details.State.Bookmarks.Select(b => new { b.Id, b.Kind, b.ElementId, b.MessageName, b.CorrelationKey, b.DueAt, b.CandidateRole }),
            details.State.Incident,
            Path = details.Path.Select(v => new { v.ElementId, v.EnteredAt, v.LeftAt, v.Outcome }),
        });
    }

    internal sealed record StartRequest(string? ProcessId, string? BusinessKey, Dictionary<string, JsonElement>? Variables);
}
