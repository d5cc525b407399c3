using System.Text.Json;
using OrderToCash.Engine.Expressions;
using OrderToCash.Engine.Rules;
using OrderToCash.Engine.Rules.Compilation;
using OrderToCash.Engine.Rules.Decisions;
using OrderToCash.Engine.Runtime;

namespace OrderToCash.Core.Infrastructure.Rules;

/// <summary>
/// Runs a rule set for a business-rule task (<c>o2c:ruleSet</c>): a built-in one or one published with declared
/// <c>Inputs</c>. Each input of the rule set (e.g. <c>dispute</c>, <c>order</c>) is the task input of that name, or else
/// is built from the task's inputs (its <c>o2c:input</c> mappings) by field name (<c>reasonCode</c>,
/// <c>disputedAmount</c>...), typed as the rule set declares. The outputs become variables: <c>passed</c> (every rule succeeded), <c>event</c> (the first
/// success event, e.g. the department a dispute goes to), <c>events</c>, <c>failedRules</c>, <c>ruleSetVersion</c> and
/// <c>decisionId</c>. In a durable step the decision is recorded in the step's own transaction (against the order,
/// dispute or invoice of the business key for a built-in rule set, else against the instance), so it is explained
/// like any other decision and a replayed step does not record it twice.
/// </summary>
internal sealed class BusinessRuleTaskRunner(RuleEvaluator evaluator, TimeProvider clock) : IRuleSetRunner
{
    public const string SubjectType = "instance";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public async ValueTask<IReadOnlyDictionary<string, object?>> RunAsync(string ruleSet, IReadOnlyDictionary<string, object?> inputs, RuleTaskContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        ArgumentNullException.ThrowIfNull(context);
        var at = clock.GetUtcNow();
        var decision = await evaluator.EvaluateAsync(ruleSet, bindings => bindings.Select(binding => Bind(ruleSet, binding, inputs)).ToList(), at, cancellationToken).ConfigureAwait(false);
        long decisionId = 0;
        if (context.StepServices?.GetService(typeof(Microsoft.EntityFrameworkCore.DbContext)) is Microsoft.EntityFrameworkCore.DbContext step)
        {
            // Written in the step's transaction (it commits or rolls back with the instance's new state), now, so that
            // the next step can name it (an order keeps the decision that blocked it).
            var record = decision.RecordFor(Subject(ruleSet, inputs, context));
            step.Add(record);
            await step.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
            decisionId = record.Id;
        }

        var succeeded = decision.Outcome.Rules.Where(r => r.IsSuccess).ToList();
        var events = succeeded.Select(r => r.SuccessEvent).OfType<string>().ToList();
        return new Dictionary<string, object?>(StringComparer.Ordinal)
        {
            [RuleTaskOutputs.Passed] = decision.Outcome.Rules.All(r => r.IsSuccess),
            [RuleTaskOutputs.Event] = events.Count > 0 ? events[0] : null,
            [RuleTaskOutputs.Events] = events,
            [RuleTaskOutputs.FailedRules] = decision.Outcome.Rules.Where(r => !r.IsSuccess).Select(r => r.RuleName).ToList(),
            [RuleTaskOutputs.RuleSetVersion] = decision.Version.Version,
            [RuleTaskOutputs.DecisionId] = decisionId,
        };
    }

    /// <summary>
    /// A built-in rule set decides about the document its feature names (the credit check about an order, the reminder
    /// step about an invoice): the document whose number the task maps as its subject's input (<c>invoiceNumber</c>),
    /// else the instance's business key, so "why was this order blocked" finds it; any other decision is recorded
    /// against the instance.
    /// </summary>
    private static DecisionSubject Subject(string ruleSet, IReadOnlyDictionary<string, object?> inputs, RuleTaskContext context)
    {
        if (!OrderToCashRuleSets.DecisionSubjects.TryGetValue(ruleSet, out var subject))
        {
            return new DecisionSubject(SubjectType, context.InstanceId);
        }

        var number = subject.NumberInput is { } name && inputs.TryGetValue(name, out var value) && value?.ToString() is { Length: > 0 } mapped
            ? mapped
            : context.BusinessKey;
        return number is null ? new DecisionSubject(SubjectType, context.InstanceId) : new DecisionSubject(subject.Type, number);
    }

    private static object? Bind(string ruleSet, RuleInputBinding binding, IReadOnlyDictionary<string, object?> inputs)
    {
        if (inputs.TryGetValue(binding.Name, out var value))
        {
            return VariableValues.ConvertTo(value, binding.Type, binding.Name);
        }

        try
        {
            // The model's properties from the task's inputs of the same names (any JSON-compatible values).
            return JsonSerializer.Deserialize(JsonSerializer.Serialize(inputs, Json), binding.Type, Json)
                ?? throw new InvalidOperationException($"The rule set '{ruleSet}' got no '{binding.Name}'.");
        }
        catch (JsonException ex)
        {
            throw new InvalidOperationException(
                $"The inputs of the rule set '{ruleSet}' do not make a '{binding.Name}' ({binding.Type.Name}): {ex.Message} Map its properties with o2c:input.", ex);
        }
    }
}
