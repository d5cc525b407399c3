using System.CommandLine;
using OrderToCash.Core.Infrastructure.Persistence;
using OrderToCash.Engine.Rules.Decisions;

namespace OrderToCash.Cli.Commands.Rules;

/// <summary>
/// <c>o2c rules explain &lt;subject-type&gt; &lt;subject-id&gt; [--format json]</c>: every recorded decision about e.g. an order,
/// with the rule set version that made it and each rule's result and text at that version. Exit 1 when there is none.
/// </summary>
internal static class RulesExplainCommand
{
    public static Command Create()
    {
        var subjectType = new Argument<string>("subject-type") { Description = "What the decision is about: order, invoice, dispute..." };
        var subjectId = new Argument<string>("subject-id") { Description = "Its id, e.g. SO-2026-0042." };
        var format = CliOptions.Format();
        var command = new Command("explain", "Explain the rule decisions recorded for an order, invoice or dispute.");
        command.Arguments.Add(subjectType);
        command.Arguments.Add(subjectId);
        command.Options.Add(format);
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            var options = PersistenceServiceCollectionExtensions.ReadOptions(CliOptions.Configuration(parseResult));
            var log = new DecisionLog(() => DatabaseConfigurator.CreateContext(options.Provider, options.ResolveConnectionString()));
            var type = parseResult.GetValue(subjectType)!;
            var id = parseResult.GetValue(subjectId)!;
            IReadOnlyList<DecisionExplanation> explanations;
            try
            {
                explanations = await log.ExplainAsync(type, id, cancellationToken).ConfigureAwait(false);
            }
            catch (System.Data.Common.DbException ex)
            {
                throw new InvalidOperationException($"The decision log could not be read ({ex.Message}); run 'o2c migrate' with the same settings first.", ex);
            }

            var output = parseResult.InvocationConfiguration.Output;
            if (parseResult.GetValue(format) == OutputFormat.Json)
            {
                await output.WriteLineAsync(CliJson.Serialize(explanations.Select(e => new
                {
                    decisionId = e.Decision.Id,
                    evaluatedAt = e.Decision.EvaluatedAt,
                    ruleSet = e.Version.Name,
                    version = e.Version.Version,
                    contentHash = e.Version.ContentHash,
                    publishedBy = e.Version.Author,
                    comment = e.Version.Comment,
                    inputs = System.Text.Json.JsonDocument.Parse(e.Decision.InputsJson).RootElement,
                    rules = e.Rules,
                }))).ConfigureAwait(false);
            }
            else
            {
                foreach (var explanation in explanations)
                {
                    await WriteAsync(output, explanation).ConfigureAwait(false);
                }

                if (explanations.Count == 0)
                {
                    await output.WriteLineAsync($"No decision recorded for {type} {id}.").ConfigureAwait(false);
                }
            }

            return explanations.Count == 0 ? CliApp.Problems : CliApp.Ok;
        });
        return command;
    }

    private static async Task WriteAsync(TextWriter output, DecisionExplanation explanation)
    {
        var version = explanation.Version;
        await output.WriteLineAsync($"Decision {explanation.Decision.Id} at {explanation.Decision.EvaluatedAt:O}: {version.Name} version {version.Version} (sha256 {version.ContentHash[..12]}), published by {version.Author} on {version.PublishedAt:yyyy-MM-dd}{(version.Comment is null ? string.Empty : $": {version.Comment}")}").ConfigureAwait(false);
        await output.WriteLineAsync($"  inputs: {explanation.Decision.InputsJson}").ConfigureAwait(false);
        foreach (var rule in explanation.Rules)
        {
            await WriteRuleAsync(output, rule, "  ").ConfigureAwait(false);
        }
    }

    private static async Task WriteRuleAsync(TextWriter output, RuleExplanation rule, string indent)
    {
        var result = rule.IsSuccess ? $"yes{(rule.SuccessEvent is null ? string.Empty : $" -> {rule.SuccessEvent}")}" : $"no: {rule.ExceptionMessage ?? rule.ErrorMessage}";
        await output.WriteLineAsync($"{indent}{rule.RuleName}: {result}").ConfigureAwait(false);
        if (rule.Expression is not null)
        {
            await output.WriteLineAsync($"{indent}    rule: {rule.Expression}").ConfigureAwait(false);
        }

        if (rule.Parameters.Count > 0)
        {
            await output.WriteLineAsync($"{indent}    with: {string.Join(", ", rule.Parameters.Select(p => $"{p.Key} = {p.Value}"))}").ConfigureAwait(false);
        }

        foreach (var child in rule.Children)
        {
            await WriteRuleAsync(output, child, indent + "  ").ConfigureAwait(false);
        }
    }
}
