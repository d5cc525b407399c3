using System.Text.Json;

namespace OrderToCash.Engine.Rules.Compilation;

/// <summary>
/// One rule ready to run: a delegate over the rule set's inputs (its global and local parameters inlined), or an
/// operator over nested rules. Evaluation follows RulesEngine's semantics: a rule that throws fails with the
/// exception message; nested rules are all evaluated and combined with And/AndAlso (all) or Or/OrElse (any).
/// </summary>
public sealed class CompiledRule
{
    internal CompiledRule(string name, string? expression, string? successEvent, string? errorMessage, string? op,
        IReadOnlyDictionary<string, JsonElement> properties, Func<object?[], bool>? predicate, IReadOnlyList<CompiledRule> children,
        RuleParameters? parameters = null, Func<object?[], string>? formatMessage = null)
    {
        _parameters = parameters;
        _formatMessage = formatMessage;
        Name = name;
        Expression = expression;
        SuccessEvent = successEvent;
        ErrorMessage = errorMessage;
        Operator = op;
        Properties = properties;
        _predicate = predicate;
        Children = children;
        _all = op is "And" or "AndAlso";
    }

    private readonly Func<object?[], bool>? _predicate;
    private readonly RuleParameters? _parameters;
    private readonly Func<object?[], string>? _formatMessage;
    private readonly bool _all;

    public string Name { get; }

    public string? Expression { get; }

    public string? SuccessEvent { get; }

    public string? ErrorMessage { get; }

    public string? Operator { get; }

    public IReadOnlyDictionary<string, JsonElement> Properties { get; }

    public IReadOnlyList<CompiledRule> Children { get; }

    /// <summary>The rule's "description" property, the sentence a business user reads in an explanation.</summary>
    public string? Description => Properties.TryGetValue("description", out var d) && d.ValueKind == JsonValueKind.String ? d.GetString() : null;

    [System.Diagnostics.CodeAnalysis.SuppressMessage("Design", "CA1031:Do not catch general exception types",
        Justification = "As in RulesEngine, a rule whose expression throws (null input, division by zero) fails with the reason instead of failing the whole decision.")]
    public RuleOutcome Evaluate(object?[] inputs)
    {
        if (_predicate is not null)
        {
            try
            {
                return _predicate(inputs) ? Success([]) : new RuleOutcome(Name, false, null, _formatMessage?.Invoke(inputs) ?? ErrorMessage, null, []);
            }
            catch (OperationCanceledException)
            {
                // The caller gave up (ExpressionBudget.Cancelling): no decision, not a "no".
                throw;
            }
            catch (Exception ex)
            {
                return Failure([], ex.InnerException?.Message ?? ex.Message);
            }
        }

        var outcomes = new RuleOutcome[Children.Count];
        var success = _all;
        for (var i = 0; i < outcomes.Length; i++)
        {
            outcomes[i] = Children[i].Evaluate(inputs);
            success = _all ? success && outcomes[i].IsSuccess : success || outcomes[i].IsSuccess;
        }

        return success ? Success(outcomes) : Failure(outcomes, null);
    }

    /// <summary>
    /// The values of the global and local parameters this rule sees, for the decision log: "limit = 70000" explains a
    /// refusal better than the expression alone. Not on the decision path; a parameter that throws yields its message.
    /// </summary>
    [System.Diagnostics.CodeAnalysis.SuppressMessage("Design", "CA1031:Do not catch general exception types",
        Justification = "An explanation must not fail the decision it explains; the reason is recorded instead.")]
    public IReadOnlyDictionary<string, object?> ParameterValues(object?[] inputs)
    {
        if (_parameters is null)
        {
            return new Dictionary<string, object?>();
        }

        try
        {
            var values = _parameters.Evaluate.Value(inputs);
            return _parameters.Names.Select((name, i) => (name, values[i])).ToDictionary(p => p.name, p => p.Item2, StringComparer.Ordinal);
        }
        catch (Exception ex)
        {
            return new Dictionary<string, object?> { ["$error"] = ex.Message };
        }
    }

    private RuleOutcome Success(RuleOutcome[] children) => new(Name, true, SuccessEvent, null, null, children);

    private RuleOutcome Failure(RuleOutcome[] children, string? exception) => new(Name, false, null, ErrorMessage, exception, children);
}

/// <summary>The names of a rule's scoped parameters and a delegate computing their values from the inputs.</summary>
internal sealed record RuleParameters(IReadOnlyList<string> Names, Lazy<Func<object?[], object?[]>> Evaluate);
