using OrderToCash.Core.Credit;
using OrderToCash.Engine.Expressions;
using OrderToCash.Engine.Rules;
using OrderToCash.Engine.Rules.BackTest;
using OrderToCash.Engine.Rules.Definitions;

namespace OrderToCash.Host.Features.Rules;

/// <summary>
/// Before publishing, the editor replays the decisions of a period through the edited version and lists those whose
/// outcome would change, with the amounts released or held (<see cref="RuleSetBackTest"/>). Nothing is written.
/// </summary>
internal static class RuleBackTestEndpoints
{
    /// <summary>The longest period one back-test replays.</summary>
    public const int MaxDays = 366;

    public static void MapRuleBackTest(this RouteGroupBuilder rules, string[] editors) =>
        rules.MapPost("/{name}/backtest", BackTestAsync).RequireAuthorization(p => p.RequireRole(editors))
            .WithSummary("Replay the decisions of a period (default the last 90 days) through an edited, unpublished rule set; writes nothing")
            .Produces<BackTestReport>().ProducesValidationProblem();

    private static async Task<IResult> BackTestAsync(string name, BackTestBody body, RuleSetValidator validator, RuleSetBackTest backTest, TimeProvider clock, CancellationToken ct)
    {
        if (DateBounds.Check(("from", body.From), ("to", body.To)) is { } outOfBounds)
        {
            return outOfBounds;
        }

        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var to = body.To ?? today;
        var from = body.From ?? to.AddDays(-89);
        var problems = new Dictionary<string, string[]>();
        if (from > to || to.DayNumber - from.DayNumber >= MaxDays)
        {
            problems["from"] = [$"The period runs from {from:yyyy-MM-dd} to {to:yyyy-MM-dd}: give a start on or before the end, at most {MaxDays} days apart."];
        }

        if (string.IsNullOrWhiteSpace(body.Content))
        {
            problems["content"] = ["The edited rule set's JSON (a RulesEngine workflow) is required."];
        }

        if (problems.Count > 0)
        {
            return Results.ValidationProblem(problems);
        }

        using var cancelling = ExpressionBudget.Cancelling(ct);
        var validation = validator.Validate([new RuleSource($"{name}.json", body.Content!)], []);
        var errors = validation.Diagnostics.Where(d => d.Severity == Engine.Diagnostics.DiagnosticSeverity.Error).ToList();
        if (errors.Count > 0 || validation.RuleSets.Count != 1 || validation.RuleSets[0].Name != name)
        {
            return Results.ValidationProblem(new Dictionary<string, string[]>
            {
                ["content"] = errors.Count > 0
                    ? [.. errors.Select(d => $"{d.Element}: {d.Message}")]
                    : [$"The content must hold exactly one rule set, named '{name}' ({string.Join(", ", validation.RuleSets.Select(r => r.Name))} given)."],
            });
        }

        var report = await backTest.RunAsync(validation.RuleSets[0], Start(from), Start(to.AddDays(1)), CreditCheck.BlockingFlag, ct).ConfigureAwait(false);
        return Results.Ok(report);
    }

    private static DateTimeOffset Start(DateOnly day) => new(day.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);

    /// <param name="Content">The edited rule set (not published).</param>
    /// <param name="From">First day of the period (UTC); 90 days before <paramref name="To"/> when absent.</param>
    /// <param name="To">Last day of the period, included; today when absent.</param>
    internal sealed record BackTestBody(string? Content, DateOnly? From, DateOnly? To);
}
