using System.Security.Claims;
using System.Text.Json;
using OrderToCash.Engine.Durable;

namespace OrderToCash.Host.Features.Workflows;

/// <summary>The task inbox: every signed-in person sees the open tasks of their roles and the ones they claimed.</summary>
internal static class TaskEndpoints
{
    public static void MapTasks(this IEndpointRouteBuilder endpoints)
    {
        var tasks = endpoints.MapGroup("/api/tasks").WithTags("Tasks");
        tasks.MapGet("/", async (ClaimsPrincipal user, DurableWorkflowRuntime runtime, CancellationToken ct) =>
            Results.Ok(await runtime.InboxAsync(user.Identity!.Name!, RolesOf(user), ct).ConfigureAwait(false)));
        tasks.MapPost("/{id}/claim", async (string id, ClaimsPrincipal user, DurableWorkflowRuntime runtime, CancellationToken ct) =>
            Results.Ok(await runtime.ClaimAsync(id, user.Identity!.Name!, RolesOf(user), ct).ConfigureAwait(false)));
        tasks.MapPost("/{id}/complete", async (string id, CompleteRequest? body, ClaimsPrincipal user, DurableWorkflowRuntime runtime, CancellationToken ct) =>
            Results.Ok(await runtime.CompleteAsync(id, user.Identity!.Name!, RolesOf(user), Variables.From(body?.Outputs), ct).ConfigureAwait(false)));
    }

    private static string[] RolesOf(ClaimsPrincipal user) => [.. user.FindAll(ClaimTypes.Role).Select(c => c.Value)];

    internal sealed record CompleteRequest(Dictionary<string, JsonElement>? Outputs);
}
