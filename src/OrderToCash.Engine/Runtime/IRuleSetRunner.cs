namespace OrderToCash.Engine.Runtime;

/// <summary>
/// Runs a rule set for a business-rule task (<c>o2c:ruleSet</c>) and returns its outputs, which become variables.
/// The seam the rules adapter (Microsoft RulesEngine) implements.
/// </summary>
public interface IRuleSetRunner
{
    ValueTask<IReadOnlyDictionary<string, object?>> RunAsync(string ruleSet, IReadOnlyDictionary<string, object?> inputs, RuleTaskContext context, CancellationToken cancellationToken);
}

/// <summary>
/// What every business-rule task returns, so that output mappings (<c>&lt;o2c:output name="route" expression="event"/&gt;</c>)
/// and gateway conditions are type-checked when a definition is published: <c>passed</c> (every rule succeeded),
/// <c>event</c> (the first success event), <c>events</c>, <c>failedRules</c>, <c>ruleSetVersion</c> and <c>decisionId</c>
/// (the decision log record written in the step's transaction; 0 when the task runs outside a durable step).
/// </summary>
public static class RuleTaskOutputs
{
    public const string Passed = "passed";
    public const string Event = "event";
    public const string Events = "events";
    public const string FailedRules = "failedRules";
    public const string RuleSetVersion = "ruleSetVersion";
    public const string DecisionId = "decisionId";

    public static IReadOnlyList<Expressions.ExpressionParameter> All { get; } =
    [
        new(Passed, typeof(bool)),
        new(Event, typeof(string)),
        new(Events, typeof(List<string>)),
        new(FailedRules, typeof(List<string>)),
        new(RuleSetVersion, typeof(int)),
        new(DecisionId, typeof(long)),
    ];
}

/// <summary>
/// Where a rule set runs: the instance and element, the step's services (its database context) when durable, and the
/// instance's business key (the order or dispute the decision is about) when it was started with one.
/// </summary>
public sealed record RuleTaskContext(string InstanceId, string ElementId, IServiceProvider? StepServices, string? BusinessKey = null);
