namespace OrderToCash.Engine.Runtime;

/// <summary>
/// Runs a rule set for a business-rule task (<c>o2c:ruleSet</c>) and returns its outputs, which become variables.
/// The seam the rules adapter (Microsoft RulesEngine) implements.
/// </summary>
public interface IRuleSetRunner
{
    ValueTask<IReadOnlyDictionary<string, object?>> RunAsync(string ruleSet, IReadOnlyDictionary<string, object?> inputs, RuleTaskContext context, CancellationToken cancellationToken);
}

/// <summary>Where a rule set runs: the instance and element, and the step's services (its database context) when durable.</summary>
public sealed record RuleTaskContext(string InstanceId, string ElementId, IServiceProvider? StepServices);
