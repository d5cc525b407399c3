using System.Security.Claims;
using OrderToCash.Core.Infrastructure.Security;
using OrderToCash.Engine.Durable;

namespace OrderToCash.Host.Features.Workflows;

/// <summary>Moving the waiting instances of one version of a process to another (instance migration, ADR 0150).</summary>
internal static class MigrationEndpoints
{
    /// <summary>A request naming more instances or mappings than this is refused before anything is read.</summary>
    private const int MaxListed = 1000;

    public static void MapMigrations(this IEndpointRouteBuilder endpoints) =>
        endpoints.MapPost("/api/definitions/{processId}/migrations", MigrateAsync)
            .WithTags("Workflows").RequireAuthorization(Roles.ProcessOwner)
            .WithSummary("Move the waiting instances of one version to another (preview with dryRun); 422 naming each instance and element that cannot move, and nothing moves")
            .Produces<MigrationResult>().ProducesValidationProblem().ProducesProblem(StatusCodes.Status422UnprocessableEntity);

    private static async Task<IResult> MigrateAsync(string processId, MigrationRequest body, ClaimsPrincipal user, DurableWorkflowRuntime runtime, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        if (body.SourceVersion is not > 0)
        {
            errors["sourceVersion"] = ["The version the instances run now is required (a version number from 1)."];
        }

        if (body.TargetVersion is not > 0)
        {
            errors["targetVersion"] = ["The version the instances will run is required (a version number from 1)."];
        }

        if (body.Mappings is { Count: > MaxListed } || body.InstanceIds is { Count: > MaxListed })
        {
            errors[body.Mappings is { Count: > MaxListed } ? "mappings" : "instanceIds"] = [$"At most {MaxListed} entries."];
        }

        var mappings = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (mapping, index) in (body.Mappings ?? []).Select((m, i) => (m, i)))
        {
            if (string.IsNullOrWhiteSpace(mapping.SourceElementId) || string.IsNullOrWhiteSpace(mapping.TargetElementId))
            {
                errors[$"mappings[{index}]"] = ["Both the source and the target element ids are required."];
            }
            else if (!mappings.TryAdd(mapping.SourceElementId, mapping.TargetElementId))
            {
                errors[$"mappings[{index}]"] = [$"'{mapping.SourceElementId}' is mapped twice."];
            }
        }

        if (body.InstanceIds is { } ids && ids.Any(string.IsNullOrWhiteSpace))
        {
            errors["instanceIds"] = ["An instance id is empty."];
        }

        if (errors.Count > 0)
        {
            return Results.ValidationProblem(errors);
        }

        var request = new InstanceMigration(processId, body.SourceVersion!.Value, body.TargetVersion!.Value, mappings, body.InstanceIds);
        var result = await runtime.MigrateAsync(request, user.Identity!.Name!, body.DryRun, cancellationToken).ConfigureAwait(false);
        if (result.Refusals.Count > 0 && !body.DryRun)
        {
            return Results.Problem(
                title: $"{Count(result.Refusals.Select(r => r.InstanceId).Distinct().Count())} cannot move to version {request.TargetVersion}; no instance was migrated.",
                detail: string.Join(" ", result.Refusals.Take(5).Select(r => r.Reason)),
                statusCode: StatusCodes.Status422UnprocessableEntity,
                extensions: new Dictionary<string, object?> { ["refusals"] = result.Refusals, ["elements"] = result.Elements });
        }

        return Results.Ok(result);
    }

    private static string Count(int instances) => instances == 1 ? "1 instance" : $"{instances} instances";

    /// <param name="SourceVersion">The version the instances run now.</param>
    /// <param name="TargetVersion">The version they will run.</param>
    /// <param name="Mappings">Elements renamed or replaced in the target; the others go to the element of the same id.</param>
    /// <param name="InstanceIds">Only these instances; all waiting instances of the source version when left out.</param>
    /// <param name="DryRun">Only say what would move and what would stop it; nothing is written.</param>
    internal sealed record MigrationRequest(int? SourceVersion, int? TargetVersion, List<ElementMapping>? Mappings, List<string>? InstanceIds, bool DryRun);

    internal sealed record ElementMapping(string? SourceElementId, string? TargetElementId);
}
