using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using OrderToCash.Engine.Rules.Compilation;
using OrderToCash.Engine.Rules.Definitions;
using OrderToCash.Engine.Rules.Store;
using RulesEngine.Models;

namespace OrderToCash.Engine.Rules.Decisions;

/// <summary>
/// Records decisions and explains them later, with the rules of the version that made them (not the current ones).
/// </summary>
public sealed class DecisionLog(Func<DbContext> createContext)
{
    internal static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter() },
    };

    /// <summary>The record of one decision, for the caller to save with its own changes (one transaction per step).</summary>
    public static DecisionRecord CreateRecord(DecisionSubject subject, RuleSetVersionHeader version, DateTimeOffset evaluatedAt, CompiledRuleSet ruleSet, IReadOnlyList<object?> inputs, RuleSetOutcome outcome)
    {
        ArgumentNullException.ThrowIfNull(subject);
        ArgumentNullException.ThrowIfNull(version);
        ArgumentNullException.ThrowIfNull(ruleSet);
        ArgumentNullException.ThrowIfNull(inputs);
        ArgumentNullException.ThrowIfNull(outcome);
        var inputJson = new Dictionary<string, object?>(StringComparer.Ordinal);
        for (var i = 0; i < ruleSet.Inputs.Count; i++)
        {
            inputJson[ruleSet.Inputs[i].Name] = inputs[i];
        }

        var parameters = new Dictionary<string, IReadOnlyDictionary<string, object?>>(StringComparer.Ordinal);
        foreach (var rule in Flatten(ruleSet.Rules))
        {
            var values = rule.ParameterValues(inputs as object?[] ?? [.. inputs]);
            if (values.Count > 0)
            {
                parameters[rule.Name] = values;
            }
        }

        var succeeded = string.Join(",", outcome.Succeeded.Select(r => r.RuleName));
        return new DecisionRecord
        {
            SubjectType = subject.Type,
            SubjectId = subject.Id,
            RuleSetName = version.Name,
            RuleSetVersion = version.Version,
            ContentHash = version.ContentHash,
            EvaluatedAt = evaluatedAt,
            InputsJson = JsonSerializer.Serialize(inputJson, Json),
            ResultsJson = JsonSerializer.Serialize(outcome.Rules, Json),
            ParametersJson = parameters.Count == 0 ? null : JsonSerializer.Serialize(parameters, Json),
            Succeeded = succeeded.Length > 4000 ? succeeded[..4000] : succeeded,
        };
    }

    /// <summary>Every decision about a subject, oldest first, each explained with the rules of its own version.</summary>
    public async Task<IReadOnlyList<DecisionExplanation>> ExplainAsync(string subjectType, string subjectId, CancellationToken cancellationToken)
    {
        await using var db = createContext();
        var records = await db.Set<DecisionRecord>().AsNoTracking()
            .Where(d => d.SubjectType == subjectType && d.SubjectId == subjectId)
            .OrderBy(d => d.Id)
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        var versions = new Dictionary<(string, int), RuleSetVersion>();
        foreach (var (name, number) in records.Select(r => (r.RuleSetName, r.RuleSetVersion)).Distinct())
        {
            versions[(name, number)] = await db.Set<RuleSetVersion>().AsNoTracking()
                .SingleAsync(v => v.Name == name && v.Version == number, cancellationToken).ConfigureAwait(false);
        }

        return records.Select(r => Explain(r, versions[(r.RuleSetName, r.RuleSetVersion)])).ToList();
    }

    private static DecisionExplanation Explain(DecisionRecord record, RuleSetVersion version)
    {
        var definition = RuleFileReader.FromCanonical($"{version.Name} v{version.Version}", version.Content);
        var outcomes = JsonSerializer.Deserialize<List<RuleOutcome>>(record.ResultsJson, Json) ?? [];
        var rules = Flatten(definition.Workflow.Rules).ToDictionary(r => r.RuleName, StringComparer.Ordinal);
        var parameters = record.ParametersJson is null
            ? []
            : JsonSerializer.Deserialize<Dictionary<string, Dictionary<string, JsonElement>>>(record.ParametersJson, Json) ?? [];
        return new DecisionExplanation(
            record,
            new RuleSetVersionHeader(version.Id, version.Name, version.Version, version.ContentHash, version.EffectiveFrom, version.PublishedAt, version.Author, version.Comment),
            outcomes.Select(o => ExplainRule(o, rules, parameters)).ToList());
    }

    private static RuleExplanation ExplainRule(RuleOutcome outcome, Dictionary<string, Rule> rules, Dictionary<string, Dictionary<string, JsonElement>> parameters)
    {
        rules.TryGetValue(outcome.RuleName, out var rule);
        var description = rule?.Properties?.TryGetValue("description", out var d) == true ? d?.ToString() : null;
        return new RuleExplanation(outcome.RuleName, outcome.IsSuccess, rule?.Expression, description, outcome.SuccessEvent,
            outcome.ErrorMessage, outcome.ExceptionMessage, outcome.Children.Select(c => ExplainRule(c, rules, parameters)).ToList(),
            parameters.TryGetValue(outcome.RuleName, out var values) ? values : new Dictionary<string, JsonElement>());
    }

    private static IEnumerable<CompiledRule> Flatten(IEnumerable<CompiledRule> rules) =>
        rules.SelectMany(r => new[] { r }.Concat(Flatten(r.Children)));

    private static IEnumerable<Rule> Flatten(IEnumerable<Rule>? rules) =>
        (rules ?? []).SelectMany(r => new[] { r }.Concat(Flatten(r.Rules)));
}

/// <summary>What a decision is about: a type of business document and its id.</summary>
public sealed record DecisionSubject(string Type, string Id);

/// <summary>A recorded decision, the version that made it, and each rule's result with the rule's text at that version and the values of its parameters.</summary>
public sealed record DecisionExplanation(DecisionRecord Decision, RuleSetVersionHeader Version, IReadOnlyList<RuleExplanation> Rules);

public sealed record RuleExplanation(
    string RuleName,
    bool IsSuccess,
    string? Expression,
    string? Description,
    string? SuccessEvent,
    string? ErrorMessage,
    string? ExceptionMessage,
    IReadOnlyList<RuleExplanation> Children,
    IReadOnlyDictionary<string, JsonElement> Parameters);
