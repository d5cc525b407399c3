using System.Security.Claims;
using System.Text.Json;
using OrderToCash.Core.Infrastructure.Persistence;
using OrderToCash.Core.Processes;
using OrderToCash.Engine.Durable;

namespace OrderToCash.Host.Features.Workflows;

/// <summary>The task inbox: every signed-in person sees the open tasks of their roles and the ones they claimed.</summary>
internal static class TaskEndpoints
{
    public static void MapTasks(this IEndpointRouteBuilder endpoints)
    {
        var tasks = endpoints.MapGroup("/api/tasks").WithTags("Tasks");
        tasks.MapGet("/", async (ClaimsPrincipal user, WorkflowReader reader, OrderToCashDbContext db, CancellationToken ct) =>
                Results.Ok(await InboxAsync(user, reader, db, ct).ConfigureAwait(false)))
            .WithSummary("The caller's inbox: open tasks of their roles and the tasks they claimed").Produces<IReadOnlyList<UserTask>>();
        tasks.MapGet("/{id}/form", FormAsync)
            .WithSummary("The form of a task: the fields it asks for and the variables it is about").Produces<TaskForm>().ProducesProblem(StatusCodes.Status404NotFound);
        tasks.MapPost("/{id}/claim", async (string id, ClaimsPrincipal user, DurableWorkflowRuntime runtime, WorkflowReader reader, OrderToCashDbContext db, CancellationToken ct) =>
        {
            var roles = await RolesOfAsync(user, db, ct).ConfigureAwait(false);
            await VisibleTaskAsync(id, user, roles, reader, db, ct).ConfigureAwait(false);
            return Results.Ok(await runtime.ClaimAsync(id, user.Identity!.Name!, roles, ct).ConfigureAwait(false));
        }).WithSummary("Claim a task of one's roles").Produces<UserTask>().ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        tasks.MapPost("/{id}/complete", async (string id, CompleteRequest? body, ClaimsPrincipal user, DurableWorkflowRuntime runtime, WorkflowReader reader, OrderToCashDbContext db, IEnumerable<ITaskCompletionCheck> checks, CancellationToken ct) =>
        {
            var roles = await RolesOfAsync(user, db, ct).ConfigureAwait(false);
            var task = await VisibleTaskAsync(id, user, roles, reader, db, ct).ConfigureAwait(false);
            if (await CheckOutputsAsync(task, body?.Outputs, checks, ct).ConfigureAwait(false) is { } problem)
            {
                return Results.Problem(title: problem, statusCode: StatusCodes.Status422UnprocessableEntity);
            }

            return Results.Ok(await runtime.CompleteAsync(id, user.Identity!.Name!, roles, Variables.From(body?.Outputs), ct).ConfigureAwait(false));
        }).WithSummary("Complete a task with its outputs; the instance moves on").Produces<InstanceSummary>().ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict).ProducesProblem(StatusCodes.Status422UnprocessableEntity);
    }

    /// <summary>The features' checks of the outputs (e.g. a dispute's corrected amount): the first problem, or null.</summary>
    private static async Task<string?> CheckOutputsAsync(
        UserTask? task, Dictionary<string, JsonElement>? outputs, IEnumerable<ITaskCompletionCheck> checks, CancellationToken ct)
    {
        if (task is null)
        {
            return null; // the runtime answers 404 (not in the inbox) or 409 (claimed by someone else)
        }

        var completion = new TaskCompletion(task.ProcessId, task.ElementId, task.InstanceId, outputs ?? []);
        foreach (var check in checks)
        {
            if (await check.ProblemAsync(completion, ct).ConfigureAwait(false) is { } problem)
            {
                return problem;
            }
        }

        return null;
    }

    /// <summary>The tasks of the user's roles, less those about another salesperson's customers (see <see cref="TaskScope"/>).</summary>
    private static async Task<IReadOnlyList<UserTask>> InboxAsync(ClaimsPrincipal user, WorkflowReader reader, OrderToCashDbContext db, CancellationToken ct) =>
        await TaskScope.VisibleAsync(await reader.InboxAsync(user.Identity!.Name!, await RolesOfAsync(user, db, ct).ConfigureAwait(false), ct).ConfigureAwait(false), user, db, ct).ConfigureAwait(false);

    /// <summary>
    /// The task in the user's inbox (one read of it), or null when it is not among the tasks of their roles (the runtime
    /// then answers 404 or 409). A task of the user's roles that the scope hides is answered as unknown, like a task of
    /// another role.
    /// </summary>
    private static async Task<UserTask?> VisibleTaskAsync(string id, ClaimsPrincipal user, IReadOnlyList<string> roles, WorkflowReader reader, OrderToCashDbContext db, CancellationToken ct)
    {
        var inRoles = await reader.InboxAsync(user.Identity!.Name!, roles, ct).ConfigureAwait(false);
        var task = inRoles.FirstOrDefault(t => t.Id == id);
        if (task is not null && (await TaskScope.VisibleAsync([task], user, db, ct).ConfigureAwait(false)).Count == 0)
        {
            throw new KeyNotFoundException($"No task '{id}' is in your inbox.");
        }

        return task;
    }

    /// <summary>
    /// What the task asks for and what it is about: one field per output of the user task (typed from its process's
    /// declared variables when the output reads one, with the values its variable lists as choices), and the variables the task sees, declared by its process, as
    /// context. A task of a called process (credit-release, dunning) is read in that process's version, with the
    /// called process's variables.
    /// </summary>
    private static async Task<IResult> FormAsync(string id, ClaimsPrincipal user, WorkflowReader reader, DefinitionStore definitions, OrderToCashDbContext db, CancellationToken ct)
    {
        var task = await VisibleTaskAsync(id, user, await RolesOfAsync(user, db, ct).ConfigureAwait(false), reader, db, ct).ConfigureAwait(false);
        var instance = task is null ? null : await reader.GetAsync(task.InstanceId, ct).ConfigureAwait(false);
        // Tasks stored before they carried their version (0) belong to the instance's own version.
        var plan = instance is null ? null : definitions.Find(task!.ProcessId, task.Version == 0 ? instance.Record.Version : task.Version);
        if (task is null || instance is null || plan is null || !plan.Nodes.ContainsKey(task.ElementId))
        {
            return Results.Problem(title: $"No task '{id}' is in your inbox.", statusCode: StatusCodes.Status404NotFound);
        }

        var declared = plan.Variables.ToDictionary(v => v.Name, v => v.Type, StringComparer.Ordinal);
        var fields = plan.Node(task.ElementId).Model.Outputs
            .Select(o => new TaskField(o.Name, declared.TryGetValue(o.Expression.Trim(), out var type) ? FieldType(type) : "string", plan.Choices.GetValueOrDefault(o.Name)))
            .ToList();
        var bookmark = instance.State.Bookmarks.Find(b => b.Id == task.BookmarkId);
        var token = bookmark is null ? null : instance.State.Tokens.Find(t => t.Id == bookmark.TokenId);
        var visible = token is null ? instance.State.Variables : instance.State.VariablesVisibleFrom(token.ScopeId);
        var context = visible
            .Where(v => declared.ContainsKey(v.Key) && fields.All(f => f.Name != v.Key))
            .ToDictionary(v => v.Key, v => v.Value, StringComparer.Ordinal);
        return Results.Ok(new TaskForm(task, fields, context));
    }

    private static string FieldType(Type type) =>
        (Nullable.GetUnderlyingType(type) ?? type) switch
        {
            var t when t == typeof(bool) => "bool",
            var t when t == typeof(decimal) || t == typeof(int) || t == typeof(long) || t == typeof(double) => "number",
            var t when t == typeof(DateTime) || t == typeof(DateTimeOffset) || t == typeof(DateOnly) => "date",
            _ => "string",
        };

    /// <summary>One answer field: its type, and the only values it takes when its variable lists them (a choice).</summary>
    internal sealed record TaskField(string Name, string Type, IReadOnlyList<string>? Choices);

    internal sealed record TaskForm(UserTask Task, IReadOnlyList<TaskField> Fields, IReadOnlyDictionary<string, object?> Context);

    /// <summary>
    /// The roles a task is checked against: the user's configured roles and the business roles given to them, read now
    /// (a role given or taken back counts at the next call, on every host; ADR 0132).
    /// </summary>
    private static async Task<IReadOnlyList<string>> RolesOfAsync(ClaimsPrincipal user, OrderToCashDbContext db, CancellationToken ct) =>
        await Core.Infrastructure.Security.RoleDirectory.RolesOfAsync(db, user.Identity!.Name!, Auth.AuthEndpoints.RolesOf(user), ct).ConfigureAwait(false);

    internal sealed record CompleteRequest(Dictionary<string, JsonElement>? Outputs);
}
