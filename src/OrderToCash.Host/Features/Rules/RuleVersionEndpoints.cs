using System.Security.Claims;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using OrderToCash.Core.Infrastructure.Persistence;
using OrderToCash.Engine.Rules;
using OrderToCash.Engine.Rules.Compilation;
using OrderToCash.Engine.Rules.Inputs;
using OrderToCash.Engine.Rules.Store;
using OrderToCash.Engine.Rules.WhatIf;

namespace OrderToCash.Host.Features.Rules;

/// <summary>
/// One rule set's versions for the rules editor: read a version (or the latest) with the what-if cases that gate it,
/// publish an edited rule set against those cases, compare two versions, and roll back by publishing an older
/// version's content again. Publishing always runs the server's cases: a page cannot leave one out.
/// </summary>
internal static class RuleVersionEndpoints
{
    public static void MapRuleVersions(this RouteGroupBuilder rules, string[] editors)
    {
        rules.MapGet("/{name}/latest", LatestAsync).RequireAuthorization(p => p.RequireRole(editors))
            .WithSummary("Read the latest version of a rule set, with its inputs and what-if cases").Produces<RuleSetVersionView>().ProducesProblem(StatusCodes.Status404NotFound);
        rules.MapGet("/{name}/versions/{version:int}", VersionAsync).RequireAuthorization(p => p.RequireRole(editors))
            .WithSummary("Read one version of a rule set, with its inputs and what-if cases").Produces<RuleSetVersionView>().ProducesProblem(StatusCodes.Status404NotFound);
        rules.MapGet("/{name}/diff", DiffAsync).RequireAuthorization(p => p.RequireRole(editors))
            .WithSummary("Compare two versions of a rule set, rule by rule").Produces<RuleSetDiffView>().ProducesProblem(StatusCodes.Status404NotFound);
        rules.MapPost("/{name}/versions", PublishEditAsync).RequireAuthorization(p => p.RequireRole(editors))
            .WithSummary("Publish an edited rule set with its cases; refused unless every case passes")
            .Produces<PublishedEdit>(StatusCodes.Status201Created).ProducesProblem(StatusCodes.Status422UnprocessableEntity);
        rules.MapPost("/{name}/versions/{version:int}/rollback", RollbackAsync).RequireAuthorization(p => p.RequireRole(editors))
            .WithSummary("Publish an older version's content again as a new version, gated by the cases")
            .Produces<PublishedEdit>(StatusCodes.Status201Created).ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status422UnprocessableEntity);
    }

    private static async Task<IResult> LatestAsync(string name, OrderToCashDbContext db, RuleSetCatalog catalog, CancellationToken ct)
    {
        var latest = await db.RuleSetVersions.AsNoTracking().Where(v => v.Name == name)
            .OrderByDescending(v => v.Version).FirstOrDefaultAsync(ct).ConfigureAwait(false);
        if (latest is null)
        {
            return NotFound(catalog.TryGetInputs(name, out _)
                ? $"Rule set '{name}' has never been published."
                : $"There is no rule set '{name}'; known rule sets: {string.Join(", ", catalog.Names)}.");
        }

        return Results.Ok(View(latest, catalog));
    }

    private static async Task<IResult> VersionAsync(string name, int version, OrderToCashDbContext db, RuleSetCatalog catalog, CancellationToken ct)
    {
        var found = await FindAsync(db, name, version, ct).ConfigureAwait(false);
        return found is null
            ? NotFound($"Rule set '{name}' has no version {version}.")
            : Results.Ok(View(found, catalog));
    }

    private static async Task<IResult> DiffAsync(string name, int? from, int? to, OrderToCashDbContext db, CancellationToken ct)
    {
        if (from is not { } fromVersion || to is not { } toVersion)
        {
            return Results.ValidationProblem(new Dictionary<string, string[]> { ["from"] = ["Both ?from= and ?to= (version numbers) are required, e.g. ?from=1&to=2."] });
        }

        var older = await FindAsync(db, name, fromVersion, ct).ConfigureAwait(false);
        var newer = await FindAsync(db, name, toVersion, ct).ConfigureAwait(false);
        if (older is null || newer is null)
        {
            return NotFound($"Rule set '{name}' has no version {(older is null ? fromVersion : toVersion)}.");
        }

        return Results.Ok(RuleSetDiff.Compare(name, fromVersion, older.Content, toVersion, newer.Content, older.Cases, newer.Cases));
    }

    private static async Task<IResult> PublishEditAsync(string name, EditBody body, ClaimsPrincipal user, RuleSetPublisher publisher, CancellationToken ct)
    {
        if (!RuleSetCases.MayPublish(user, name))
        {
            return RuleSetCases.Forbidden(name);
        }

        if (string.IsNullOrWhiteSpace(body.Content))
        {
            return Results.ValidationProblem(new Dictionary<string, string[]> { ["content"] = ["The rule set's JSON (a RulesEngine workflow) is required."] });
        }

        if (body.Comment is { Length: > 2000 })
        {
            return Results.ValidationProblem(new Dictionary<string, string[]> { ["comment"] = ["The comment is longer than 2,000 characters."] });
        }

        if (RootKind(body.Content) is { } kind && kind != JsonValueKind.Object)
        {
            return Results.ValidationProblem(new Dictionary<string, string[]> { ["content"] = [$"The JSON is a{(kind == JsonValueKind.Array ? "n array" : $" {kind.ToString().ToLowerInvariant()}")}; the editor publishes one rule set: a workflow object with WorkflowName and Rules."] });
        }

        if (WorkflowName(body.Content) is { } named && named != name)
        {
            return Results.ValidationProblem(new Dictionary<string, string[]> { ["content"] = [$"The JSON is rule set '{named}', but it is published as '{name}': WorkflowName must match the rule set in the address."] });
        }

        if (DateBounds.Problem("effectiveFrom", body.EffectiveFrom) is { } outOfBounds)
        {
            return Results.ValidationProblem(new Dictionary<string, string[]> { ["effectiveFrom"] = [outOfBounds] });
        }

        WhatIfSuite? cases = null;
        if (body.Cases is { } sent)
        {
            var (suite, problems) = StoredCases.Parse(name, sent);
            if (suite is null || problems.Count > 0)
            {
                return Results.ValidationProblem(new Dictionary<string, string[]> { ["cases"] = [.. problems.Select(p => $"{p.Element}: {p.Message}")] });
            }

            if (string.IsNullOrWhiteSpace(body.Comment))
            {
                return Results.ValidationProblem(new Dictionary<string, string[]> { ["comment"] = ["A comment is required when the what-if cases change: it says why the expected behaviour changed."] });
            }

            cases = suite with { Source = "submitted cases" };
        }

        return await PublishAsync(publisher, name, new RuleSource($"{name}.json", body.Content), user, body.Comment, body.EffectiveFrom, cases, ct).ConfigureAwait(false);
    }

    private static async Task<IResult> RollbackAsync(string name, int version, ClaimsPrincipal user, OrderToCashDbContext db, RuleSetPublisher publisher, CancellationToken ct)
    {
        if (!RuleSetCases.MayPublish(user, name))
        {
            return RuleSetCases.Forbidden(name);
        }

        var target = await FindAsync(db, name, version, ct).ConfigureAwait(false);
        if (target is null)
        {
            return NotFound($"Rule set '{name}' has no version {version} to roll back to.");
        }

        var latest = await db.RuleSetVersions.AsNoTracking().Where(v => v.Name == name).MaxAsync(v => v.Version, ct).ConfigureAwait(false);
        var latestHash = await db.RuleSetVersions.AsNoTracking().Where(v => v.Name == name && v.Version == latest).Select(v => v.ContentHash).SingleAsync(ct).ConfigureAwait(false);
        if (latestHash == target.ContentHash)
        {
            return Results.Problem(
                statusCode: StatusCodes.Status409Conflict,
                title: $"Version {version} of '{name}' has the same rules as the latest version {latest}: there is nothing to roll back.");
        }

        return await PublishAsync(publisher, name, new RuleSource($"{name} v{version}", target.Content), user, $"rollback to v{version}", null, null, ct).ConfigureAwait(false);
    }

    private static async Task<IResult> PublishAsync(RuleSetPublisher publisher, string name, RuleSource file, ClaimsPrincipal user, string? comment, DateTimeOffset? effectiveFrom, WhatIfSuite? cases, CancellationToken ct)
    {
        // Without new cases, the publisher runs the cases stored with the version being replaced.
        var replacement = cases is null ? null : new Dictionary<string, WhatIfSuite>(StringComparer.Ordinal) { [name] = cases };
        var result = await publisher.PublishAsync(new PublishRequest([file], [], user.Identity!.Name!, comment, effectiveFrom, replacement), ct).ConfigureAwait(false);
        if (!result.Published)
        {
            return Results.Problem(
                title: "The rule set was not published; nothing was written.",
                statusCode: StatusCodes.Status422UnprocessableEntity,
                extensions: new Dictionary<string, object?>
                {
                    ["diagnostics"] = result.Diagnostics,
                    ["failedCases"] = result.Cases.Where(c => !c.Passed),
                    ["cases"] = result.Cases.Count,
                });
        }

        var published = result.RuleSets.Single();
        return Results.Created($"/api/rules/{Uri.EscapeDataString(name)}/versions/{published.Version}",
            new PublishedEdit(published.Name, published.Version, published.Unchanged, result.Cases.Count));
    }

    private static Task<RuleSetVersion?> FindAsync(OrderToCashDbContext db, string name, int version, CancellationToken ct) =>
        db.RuleSetVersions.AsNoTracking().SingleOrDefaultAsync(v => v.Name == name && v.Version == version, ct);

    private static RuleSetVersionView View(RuleSetVersion version, RuleSetCatalog catalog)
    {
        using var content = JsonDocument.Parse(version.Content);
        return new RuleSetVersionView(
            version.Name,
            version.Version,
            version.Author,
            version.Comment,
            version.PublishedAt,
            version.EffectiveFrom,
            version.ContentHash,
            version.Source,
            catalog.TryGetInputs(version.Name, out var inputs) ? [.. inputs.Select(i => i.Name)]
                : content.RootElement.TryGetProperty("Inputs", out var declared) && declared.ValueKind == JsonValueKind.Object ? [.. declared.EnumerateObject().Select(p => p.Name)] : [],
            content.RootElement.Clone(),
            $"version {version.Version}",
            [.. StoredCases.Read(version.Name, version.Version, version.Cases).Cases
                .Select(c => new WhatIfCaseView($"version {version.Version}", c.Name, c.Inputs, c.Expect, c.Outcome))],
            DeclaredInputs(content.RootElement, catalog.TryGetInputs(version.Name, out var model) ? model : null));
    }

    /// <summary>The file's Inputs; for a built-in rule set stored before it declared them, its input records described the same way.</summary>
    private static JsonElement? DeclaredInputs(JsonElement content, IReadOnlyList<RuleInputBinding>? model)
    {
        if (content.TryGetProperty("Inputs", out var declared) && declared.ValueKind == JsonValueKind.Object)
        {
            return declared.Clone();
        }

        return model is not null && InputModelCheck.Describe(model) is { } described
            ? JsonSerializer.SerializeToElement(InputDeclarationWriter.ToJson(described))
            : null;
    }

    private static JsonValueKind? RootKind(string json)
    {
        try
        {
            using var document = JsonDocument.Parse(json);
            return document.RootElement.ValueKind;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static string? WorkflowName(string json)
    {
        try
        {
            using var document = JsonDocument.Parse(json);
            return document.RootElement.ValueKind == JsonValueKind.Object && document.RootElement.TryGetProperty("WorkflowName", out var n) && n.ValueKind == JsonValueKind.String
                ? n.GetString()
                : null;
        }
        catch (JsonException)
        {
            // Not JSON: publishing reports it with line and column.
            return null;
        }
    }

    private static IResult NotFound(string message) => Results.Problem(statusCode: StatusCodes.Status404NotFound, title: message);

    /// <param name="Content">The rule set's JSON.</param>
    /// <param name="Comment">Why; required when the cases change.</param>
    /// <param name="EffectiveFrom">From when it applies (now when absent).</param>
    /// <param name="Cases">When sent, the what-if cases that replace the stored ones (and gate this version); else they carry over.</param>
    internal sealed record EditBody(string? Content, string? Comment, DateTimeOffset? EffectiveFrom, JsonElement? Cases);
}

/// <summary>
/// One version of a rule set as the editor reads it: its content, the inputs its rules see, the cases that gate it and
/// the declared inputs (parameter → field → type, as in a rule file's <c>Inputs</c>) its case form is made from.
/// </summary>
internal sealed record RuleSetVersionView(string Name, int Version, string Author, string? Comment, DateTimeOffset PublishedAt, DateTimeOffset EffectiveFrom,
    string ContentHash, string? Source, IReadOnlyList<string> Inputs, JsonElement Content, string CasesFolder, IReadOnlyList<WhatIfCaseView> Cases,
    JsonElement? DeclaredInputs);

/// <summary>The version a publish created (or the latest one, <c>Unchanged</c>, when the content was the same) and how many cases gated it.</summary>
internal sealed record PublishedEdit(string Name, int Version, bool Unchanged, int Cases);
