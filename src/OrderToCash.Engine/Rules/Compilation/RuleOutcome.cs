namespace OrderToCash.Engine.Rules.Compilation;

/// <summary>The result of one rule: success and its event, or failure with the rule's message (and the exception, if one was thrown).</summary>
public sealed record RuleOutcome(
    string RuleName,
    bool IsSuccess,
    string? SuccessEvent,
    string? ErrorMessage,
    string? ExceptionMessage,
    IReadOnlyList<RuleOutcome> Children);

/// <summary>The results of every enabled top-level rule of a rule set, in file order.</summary>
public sealed class RuleSetOutcome(string ruleSetName, string contentHash, IReadOnlyList<RuleOutcome> rules)
{
    public string RuleSetName { get; } = ruleSetName;

    public string ContentHash { get; } = contentHash;

    public IReadOnlyList<RuleOutcome> Rules { get; } = rules;

    /// <summary>The outcome of a rule by name, searching nested rules too.</summary>
    public RuleOutcome? Find(string ruleName) => Find(Rules, ruleName);

    public bool IsSuccess(string ruleName) =>
        Find(ruleName)?.IsSuccess ?? throw new KeyNotFoundException($"Rule set '{RuleSetName}' has no enabled rule '{ruleName}'.");

    /// <summary>The rules that succeeded, in order: the usual way a rule set "picks" something (a level, a department).</summary>
    public IEnumerable<RuleOutcome> Succeeded => Rules.Where(r => r.IsSuccess);

    private static RuleOutcome? Find(IReadOnlyList<RuleOutcome> outcomes, string name)
    {
        foreach (var outcome in outcomes)
        {
            if (outcome.RuleName == name)
            {
                return outcome;
            }

            if (Find(outcome.Children, name) is { } child)
            {
                return child;
            }
        }

        return null;
    }
}
