using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using OrderToCash.Core.Infrastructure.Persistence;
using OrderToCash.Engine.Expressions;
using OrderToCash.Engine.Rules;
using OrderToCash.Engine.Rules.Compilation;
using OrderToCash.Engine.Rules.Definitions;

namespace OrderToCash.Host.Features.Rules;

/// <summary>
/// The editor's checks, which write nothing: compile one expression as you type, and run a candidate rule set against
/// the server's what-if cases and an ad-hoc case before publishing.
/// </summary>
internal static class RuleEditingEndpoints
{
    public static void MapRuleEditing(this RouteGroupBuilder rules, string[] editors)
    {
        rules.MapPost("/check-expression", CheckExpressionAsync).RequireAuthorization(p => p.RequireRole(editors))
            .WithSummary("Check one expression as the editor types it (optionally evaluated on sample inputs); writes nothing").Produces<ExpressionCheckResult>();
        rules.MapPost("/what-if", WhatIfAsync).RequireAuthorization(p => p.RequireRole(editors))
            .WithSummary("Run a candidate rule set against its what-if cases and an ad-hoc case; writes nothing").Produces<WhatIfReport>();
    }

    private static async Task<IResult> CheckExpressionAsync(CheckBody body, RuleSetCompiler compiler, RuleSetCatalog catalog, OrderToCashDbContext db, CancellationToken ct)
    {
        var problems = new Dictionary<string, string[]>();
        if (string.IsNullOrWhiteSpace(body.RuleSet))
        {
            problems["ruleSet"] = ["The rule set name is required (e.g. credit-limit)."];
        }
        else if (!catalog.TryGetInputs(body.RuleSet, out _) && body.Content is null
                 && !await db.RuleSetVersions.AsNoTracking().AnyAsync(v => v.Name == body.RuleSet, ct).ConfigureAwait(false))
        {
            // A rule set the code does not know is checked in the editor's text (its declared inputs) or its published version.
            problems["ruleSet"] = [$"There is no rule set '{body.RuleSet}'; known rule sets: {string.Join(", ", catalog.Names)}."];
        }

        if (string.IsNullOrWhiteSpace(body.Expression))
        {
            problems["expression"] = ["The expression is empty: a rule needs a condition that is true or false."];
        }
        else if (ExpressionLimits.CheckText(body.Expression) is { } tooBig)
        {
            // Refused before anything parses it: 1,995 nested parentheses overflowed the parser's stack (ADR 0090).
            problems["expression"] = [$"{char.ToUpperInvariant(tooBig[0])}{tooBig[1..]}."];
        }

        if (body.Inputs is { } sample && sample.ValueKind != JsonValueKind.Object)
        {
            problems["inputs"] = ["The sample inputs are an object with one entry per input of the rule set, e.g. { \"check\": { \"orderAmount\": 25000 } }."];
        }

        if (problems.Count > 0)
        {
            return Results.ValidationProblem(problems);
        }

        // Without the editor's text, the rule's scope (parameters) is the latest published version's.
        var context = body.Content ?? await db.RuleSetVersions.AsNoTracking()
            .Where(v => v.Name == body.RuleSet).OrderByDescending(v => v.Version).Select(v => v.Content)
            .FirstOrDefaultAsync(ct).ConfigureAwait(false);
        // The client may leave while a long evaluation runs: the evaluation stops with the request.
        using var cancelling = ExpressionBudget.Cancelling(ct);
        var (result, probe) = ExpressionCheck.Check(compiler, catalog, body.RuleSet!, body.RuleName, body.Expression!, context);
        if (probe is null || body.Inputs is not { } inputs)
        {
            return Results.Ok(result);
        }

        var (evaluated, inputProblems) = AdHocCase.Run(probe, inputs);
        if (inputProblems.Count > 0)
        {
            return Results.ValidationProblem(new Dictionary<string, string[]> { ["inputs"] = [.. inputProblems] });
        }

        var rule = evaluated!.Rules[0];
        return Results.Ok(result with
        {
            Value = rule.Success,
            Message = rule.Success || rule.Message is null
                ? $"{result.Message} With these inputs it is {(rule.Success ? "true" : "false")}."
                : $"{result.Message} With these inputs it fails: {rule.Message}",
        });
    }

    private static async Task<IResult> WhatIfAsync(WhatIfBody body, RuleSetValidator validator, OrderToCashDbContext db, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(body.Content))
        {
            return Results.ValidationProblem(new Dictionary<string, string[]> { ["content"] = ["The candidate rule set's JSON (a RulesEngine workflow) is required."] });
        }

        if (body.AdHoc is { } adHoc && adHoc.ValueKind != JsonValueKind.Object)
        {
            return Results.ValidationProblem(new Dictionary<string, string[]> { ["adHoc"] = ["The ad-hoc case is an object with one entry per input, e.g. { \"check\": { \"orderAmount\": 25000, ... } }."] });
        }

        var read = RuleFileReader.Read("candidate", body.Content);
        if (read.RuleSets.Count > 1)
        {
            return Results.ValidationProblem(new Dictionary<string, string[]> { ["content"] = [$"The JSON holds {read.RuleSets.Count} rule sets; try one at a time."] });
        }

        var name = read.RuleSets.Count == 1 ? read.RuleSets[0].Name : null;
        Engine.Rules.WhatIf.WhatIfSuite? suite = null;
        if (name is not null && body.Cases is { } sent)
        {
            var (parsed, problems) = Engine.Rules.WhatIf.StoredCases.Parse(name, sent);
            if (parsed is null || problems.Count > 0)
            {
                return Results.ValidationProblem(new Dictionary<string, string[]> { ["cases"] = [.. problems.Select(p => $"{p.Element}: {p.Message}")] });
            }

            suite = parsed with { Source = "edited cases" };
        }

        // The edited cases when the page sends them, else those stored with the latest version: the ones publishing runs.
        suite ??= name is null ? null : await RuleSetCases.LatestAsync(db, name, ct).ConfigureAwait(false);
        using var cancelling = ExpressionBudget.Cancelling(ct);
        var validation = validator.Validate([new RuleSource(name is null ? "candidate" : $"{name}.json", body.Content)], []);
        var diagnostics = validation.Diagnostics.ToList();
        var caseResults = new List<Engine.Rules.WhatIf.WhatIfCaseResult>();
        if (suite is not null && validation.RuleSets.Count == 1)
        {
            foreach (var result in Engine.Rules.WhatIf.WhatIfRunner.Run(validation.RuleSets[0], suite))
            {
                caseResults.Add(result);
                if (!result.Passed)
                {
                    diagnostics.Add(new Engine.Diagnostics.Diagnostic(suite.Source, $"{result.RuleSetName}/{result.CaseName}", null, null, RuleDiagnosticCodes.WhatIfFailed,
                        $"What-if case '{result.CaseName}' fails: {string.Join("; ", result.Failures)}."));
                }
            }
        }

        var report = new RuleValidationReport(validation.RuleSets, diagnostics, caseResults);
        AdHocResult? adHocResult = null;
        if (body.AdHoc is { } inputs && report.RuleSets.Count == 1)
        {
            var (result, adHocProblems) = AdHocCase.Run(report.RuleSets[0], inputs);
            if (adHocProblems.Count > 0)
            {
                return Results.ValidationProblem(new Dictionary<string, string[]> { ["adHoc"] = [.. adHocProblems] });
            }

            adHocResult = result;
        }

        return Results.Ok(new WhatIfReport(
            name,
            report.IsValid,
            report.Diagnostics,
            [.. report.Cases.Select(c => new WhatIfCaseOutcome(c.Source, c.CaseName, c.Passed, c.Expected, c.Actual, c.Failures))],
            report.Cases.Count(c => c.Passed),
            report.Cases.Count(c => !c.Passed),
            adHocResult));
    }

    /// <summary>A candidate rule set's check: its diagnostics and each case's outcome (expected vs actual rule results).</summary>
    internal sealed record WhatIfReport(string? RuleSet, bool Valid, IReadOnlyList<OrderToCash.Engine.Diagnostics.Diagnostic> Diagnostics, IReadOnlyList<WhatIfCaseOutcome> Cases,
        int Passed, int Failed, AdHocResult? AdHoc);

    internal sealed record WhatIfCaseOutcome(string Source, string Name, bool Passed, IReadOnlyDictionary<string, bool> Expected, IReadOnlyDictionary<string, bool> Actual, IReadOnlyList<string> Failures);

    /// <param name="RuleSet">The rule set the expression belongs to (its inputs).</param>
    /// <param name="RuleName">The rule whose local parameters are in scope; none when absent.</param>
    /// <param name="Expression">The expression to check.</param>
    /// <param name="Content">The rule set being edited (its parameters are the expression's scope); the latest version when absent.</param>
    /// <param name="Inputs">Optional sample inputs to evaluate the expression with.</param>
    internal sealed record CheckBody(string? RuleSet, string? RuleName, string? Expression, string? Content, JsonElement? Inputs);

    /// <param name="Content">The candidate rule set.</param>
    /// <param name="AdHoc">Optional inputs to evaluate without expectation.</param>
    /// <param name="Cases">Optional edited cases to run instead of the stored ones.</param>
    internal sealed record WhatIfBody(string? Content, JsonElement? AdHoc, JsonElement? Cases);
}
