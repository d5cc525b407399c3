using System.Security.Claims;
using OrderToCash.Core.Infrastructure.Security;
using OrderToCash.Engine.Durable;

namespace OrderToCash.Host.Features.Workflows;

/// <summary>Publishing BPMN definitions (a new version each time the content changes) and reading them back.</summary>
internal static class DefinitionEndpoints
{
    /// <summary>BPMN files are small; anything bigger is refused before it is parsed.</summary>
    private const int MaxBpmnBytes = 4 * 1024 * 1024;

    public static void MapDefinitions(this IEndpointRouteBuilder endpoints)
    {
        // Process owners publish; the control tower's and operations' readers read the diagrams and their statistics.
        var definitions = endpoints.MapGroup("/api/definitions").WithTags("Workflows");
        var reads = definitions.MapGroup(string.Empty).RequireAuthorization(p => p.RequireRole(WorkflowRoles.Viewers));
        definitions.MapPost("/", PublishAsync).RequireAuthorization(Roles.ProcessOwner)
            .WithSummary("Publish a BPMN definition (a new version when its content changed)")
            .Produces<PublishedDefinitions>(StatusCodes.Status201Created).ProducesProblem(StatusCodes.Status422UnprocessableEntity);
        definitions.MapPost("/validate", ValidateAsync).RequireAuthorization(Roles.ProcessOwner)
            .WithSummary("Check a BPMN definition as publishing would, writing nothing")
            .Produces<DefinitionCheck>();
        reads.MapGet("/", async (DefinitionStore store, CancellationToken ct) =>
                Results.Ok(await VersionsAsync(store, processId: null, ct).ConfigureAwait(false)))
            .WithSummary("List the published versions of every process").Produces<List<DefinitionVersion>>();
        reads.MapGet("/{processId}/versions", async (string processId, DefinitionStore store, CancellationToken ct) =>
        {
            var versions = await VersionsAsync(store, processId, ct).ConfigureAwait(false);
            return versions.Count > 0 ? Results.Ok(versions) : throw new KeyNotFoundException($"Process '{processId}' is not published.");
        }).WithSummary("List the published versions of one process").Produces<List<DefinitionVersion>>().ProducesProblem(StatusCodes.Status404NotFound);
        reads.MapGet("/{processId}/elements", async (string processId, int? days, WorkflowReader reader, TimeProvider clock, CancellationToken ct) =>
            days is < 1 or > Limits.MaxStatisticsDays
                ? Results.ValidationProblem(new Dictionary<string, string[]> { ["days"] = [$"Between 1 and {Limits.MaxStatisticsDays} days ({days} given)."] })
                : Results.Ok(await reader.ElementStatisticsAsync(processId, clock.GetUtcNow().AddDays(-(days ?? 30)), ct).ConfigureAwait(false)))
            .WithSummary("Per element of a process: instances waiting there and time spent, over the last days").Produces<IReadOnlyList<ElementStatistics>>();
        reads.MapGet("/{processId}/{version:int}", async (string processId, int version, DefinitionStore store, CancellationToken ct) =>
        {
            var xml = await store.XmlAsync(processId, version, ct).ConfigureAwait(false)
                ?? throw new KeyNotFoundException($"Process '{processId}' version {version} is not published.");
            return Results.Text(xml, "application/xml");
        }).WithSummary("Read one published version's BPMN XML").Produces<string>(StatusCodes.Status200OK, "application/xml").ProducesProblem(StatusCodes.Status404NotFound);
    }

    /// <summary>Published versions, newest first per process, with the instances of each that have not ended.</summary>
    private static async Task<List<DefinitionVersion>> VersionsAsync(DefinitionStore store, string? processId, CancellationToken cancellationToken)
    {
        var open = (await store.OpenInstancesAsync(processId, cancellationToken).ConfigureAwait(false)).ToDictionary(v => (v.ProcessId, v.Version));
        return [.. (await store.ListAsync(cancellationToken).ConfigureAwait(false))
            .Where(d => processId is null || d.ProcessId == processId)
            .Select(d =>
            {
                var instances = open.GetValueOrDefault((d.ProcessId, d.Version));
                return new DefinitionVersion(d.ProcessId, d.Version, d.Name, d.SourceName, d.ContentHash, d.PublishedBy, d.PublishedAt, instances?.Running ?? 0, instances?.Incidents ?? 0);
            })];
    }

    /// <summary>The body is the BPMN XML itself; <c>?file=</c> names it in diagnostics.</summary>
    private static async Task<IResult> PublishAsync(HttpRequest request, string? file, ClaimsPrincipal user, DefinitionStore store, CancellationToken cancellationToken)
    {
        var (xml, refusal) = await ReadBpmnAsync(request, "publish", cancellationToken).ConfigureAwait(false);
        if (refusal is not null)
        {
            return refusal;
        }

        var result = await store.PublishAsync(xml, SourceName(file), user.Identity!.Name!, cancellationToken).ConfigureAwait(false);
        if (!result.Published)
        {
            return Results.Problem(
                title: "The definition is not valid; nothing was published.",
                statusCode: StatusCodes.Status422UnprocessableEntity,
                extensions: new Dictionary<string, object?> { ["diagnostics"] = result.Diagnostics });
        }

        return Results.Created("/api/definitions", new PublishedDefinitions(result.Versions, result.Diagnostics));
    }

    /// <summary>The designer's "check as you draw": the diagnostics publishing would give, with nothing written (always 200).</summary>
    private static async Task<IResult> ValidateAsync(HttpRequest request, string? file, DefinitionStore store, CancellationToken cancellationToken)
    {
        var (xml, refusal) = await ReadBpmnAsync(request, "check", cancellationToken).ConfigureAwait(false);
        if (refusal is not null)
        {
            return refusal;
        }

        var result = store.Validate(xml, SourceName(file));
        return Results.Ok(new DefinitionCheck(result.Valid, result.Diagnostics));
    }

    private static string SourceName(string? file) => string.IsNullOrWhiteSpace(file) ? "upload.bpmn" : Path.GetFileName(file);

    /// <summary>The body is the BPMN XML itself, sent as application/xml (or a +xml type), at most 4 MB.</summary>
    private static Task<(string Xml, IResult? Refusal)> ReadBpmnAsync(HttpRequest request, string purpose, CancellationToken cancellationToken) =>
        new XmlRequestBody($"the BPMN 2.0 XML to {purpose}", "The BPMN file", $"The request body must be the BPMN 2.0 XML to {purpose}.", MaxBpmnBytes, AcceptsPlusXml: true)
            .ReadAsync(request, cancellationToken);
}

/// <summary>One published version as the API lists it: <c>Running</c> and <c>Incidents</c> count its instances that have not ended.</summary>
internal sealed record DefinitionVersion(string ProcessId, int Version, string? Name, string SourceName, string ContentHash, string PublishedBy, DateTimeOffset PublishedAt, int Running, int Incidents);

/// <summary>The versions a publish created or found unchanged, with the validator's warnings.</summary>
internal sealed record PublishedDefinitions(IReadOnlyList<PublishedVersion> Versions, IReadOnlyList<OrderToCash.Engine.Diagnostics.Diagnostic> Diagnostics);

/// <summary>Whether publishing would succeed, and every diagnostic it would give.</summary>
internal sealed record DefinitionCheck(bool Valid, IReadOnlyList<OrderToCash.Engine.Diagnostics.Diagnostic> Diagnostics);
