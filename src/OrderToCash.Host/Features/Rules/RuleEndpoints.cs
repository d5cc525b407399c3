using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using OrderToCash.Core.Infrastructure.Persistence;
using OrderToCash.Core.Infrastructure.Security;
using OrderToCash.Engine.Rules;
using OrderToCash.Engine.Rules.Decisions;
using OrderToCash.Engine.Rules.Definitions;
using OrderToCash.Engine.Rules.Store;

namespace OrderToCash.Host.Features.Rules;

/// <summary>
/// Rules through the API: publish rule files (checked, compiled, sandboxed and what-if tested first; all or nothing),
/// list the versions (the editor's endpoints: <see cref="RuleVersionEndpoints"/>, <see cref="RuleEditingEndpoints"/>), and explain the decisions taken about an order, an invoice or a dispute.
/// </summary>
internal static class RuleEndpoints
{
    public static void MapRules(this IEndpointRouteBuilder endpoints)
    {
        var rules = endpoints.MapGroup("/api/rules").WithTags("Rules");
        rules.MapPost("/publish", PublishAsync).RequireAuthorization(p => p.RequireRole(Roles.CreditManager, Roles.ProcessOwner, Roles.Quality))
            .WithSummary("Publish rule files; refused unless every stored and submitted what-if case passes")
            .Produces<PublishedRuleFiles>(StatusCodes.Status201Created).ProducesProblem(StatusCodes.Status422UnprocessableEntity);
        rules.MapGet("/", ListAsync).RequireAuthorization(p => p.RequireRole(Roles.CreditManager, Roles.ProcessOwner, Roles.Quality))
            .WithSummary("List every published version of every rule set").Produces<List<RuleSetVersionRow>>();
        // Each publication also checks the rule set's own publishers (RuleSetCases.Publishers): credit rules need a credit manager.
        string[] editors = [Roles.CreditManager, Roles.ProcessOwner, Roles.Quality];
        rules.MapRuleVersions(editors);
        rules.MapRuleEditing(editors);
        rules.MapRuleBackTest(editors);

        endpoints.MapGet("/api/decisions/{subjectType}/{subjectId}", async (string subjectType, string subjectId, DecisionLog log, CancellationToken ct) =>
                Results.Ok(await log.ExplainAsync(subjectType, subjectId, ct).ConfigureAwait(false)))
            .WithTags("Rules")
            .RequireAuthorization(p => p.RequireRole(Roles.CreditManager, Roles.Collector, Roles.SalesAdministration, Roles.Quality))
            .WithSummary("Explain the decisions taken about a subject (an order, an invoice): rule set version and each rule's result")
            .Produces<IReadOnlyList<DecisionExplanation>>();
    }

    private static async Task<IResult> PublishAsync(PublishBody body, ClaimsPrincipal user, RuleSetPublisher publisher, CancellationToken cancellationToken)
    {
        if (body.Files is not { Count: > 0 })
        {
            return Results.ValidationProblem(new Dictionary<string, string[]> { ["files"] = ["At least one rule file (name and content) is required."] });
        }

        if (DateBounds.Problem("effectiveFrom", body.EffectiveFrom) is { } outOfBounds)
        {
            return Results.ValidationProblem(new Dictionary<string, string[]> { ["effectiveFrom"] = [outOfBounds] });
        }

        var files = body.Files.Select(f => new RuleSource(f.Name ?? "rules.json", f.Content ?? string.Empty)).ToList();
        var forbidden = files.SelectMany(f => RuleFileReader.Read(f.Path, f.Content).RuleSets.Select(r => r.Name))
            .FirstOrDefault(name => !RuleSetCases.MayPublish(user, name));
        if (forbidden is not null)
        {
            return RuleSetCases.Forbidden(forbidden);
        }

        // The cases sent here only add to those stored with each version being replaced: they cannot replace or skip them.
        var request = new PublishRequest(
            files,
            [.. (body.WhatIf ?? []).Select(f => new RuleSource(f.Name ?? "tests.json", f.Content ?? string.Empty))],
            user.Identity!.Name!,
            body.Comment,
            body.EffectiveFrom);
        var result = await publisher.PublishAsync(request, cancellationToken).ConfigureAwait(false);
        if (!result.Published)
        {
            return Results.Problem(
                title: "The rules were not published; nothing was written.",
                statusCode: StatusCodes.Status422UnprocessableEntity,
                extensions: new Dictionary<string, object?>
                {
                    ["diagnostics"] = result.Diagnostics,
                    ["failedCases"] = result.Cases.Where(c => !c.Passed),
                });
        }

        return Results.Created("/api/rules", new PublishedRuleFiles(result.RuleSets, result.Cases.Count));
    }

    private static async Task<IResult> ListAsync(OrderToCashDbContext db, CancellationToken cancellationToken) =>
        Results.Ok(await db.RuleSetVersions.AsNoTracking()
            .OrderBy(v => v.Name).ThenByDescending(v => v.Version)
            .Select(v => new RuleSetVersionRow(v.Name, v.Version, v.ContentHash, v.EffectiveFrom, v.PublishedAt, v.Author, v.Comment))
            .ToListAsync(cancellationToken).ConfigureAwait(false));

    internal sealed record RuleFile(string? Name, string? Content);

    /// <summary>The rule sets a publish wrote (or found unchanged) and how many what-if cases gated it.</summary>
    internal sealed record PublishedRuleFiles(IReadOnlyList<PublishedRuleSet> RuleSets, int Cases);

    internal sealed record RuleSetVersionRow(string Name, int Version, string ContentHash, DateTimeOffset EffectiveFrom, DateTimeOffset PublishedAt, string Author, string? Comment);

    internal sealed record PublishBody(List<RuleFile>? Files, List<RuleFile>? WhatIf, string? Comment, DateTimeOffset? EffectiveFrom);
}
