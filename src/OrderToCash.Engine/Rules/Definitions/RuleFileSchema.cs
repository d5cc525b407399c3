using System.Text.Json;
using OrderToCash.Engine.Diagnostics;
using OrderToCash.Engine.Rules.Inputs;

namespace OrderToCash.Engine.Rules.Definitions;

/// <summary>
/// The JSON schema of RulesEngine 6 workflows, as code: known fields (case-insensitive, as RulesEngine reads them),
/// their JSON types, required fields, and the features our evaluator does not run (workflow injection, actions),
/// which are refused rather than ignored. Each problem names the rule set and the rule.
/// </summary>
internal sealed class RuleFileSchema(string source, List<Diagnostic> diagnostics)
{
    private static readonly HashSet<string> WorkflowFields = new(StringComparer.OrdinalIgnoreCase)
    {
        "WorkflowName", "WorkflowsToInject", "WorkflowRulesToInject", "RuleExpressionType", "GlobalParams", "Rules",
        // Ours, ignored by RulesEngine: what the rule set reads (Inputs) and the JSON Schema an editor checks the file with.
        "Inputs", "$schema",
    };

    // ErrorType is a RulesEngine 3.x field that later versions ignore; many published samples still carry it.
    private static readonly HashSet<string> RuleFields = new(StringComparer.OrdinalIgnoreCase)
    {
        "RuleName", "Properties", "Operator", "ErrorMessage", "ErrorType", "Enabled", "RuleExpressionType",
        "WorkflowsToInject", "Rules", "LocalParams", "Expression", "Actions", "SuccessEvent",
    };

    private static readonly HashSet<string> ParamFields = new(StringComparer.OrdinalIgnoreCase) { "Name", "Expression" };

    private static readonly HashSet<string> Operators = new(StringComparer.Ordinal) { "And", "AndAlso", "Or", "OrElse" };

    /// <summary>The declared inputs of the workflow last checked, when it declares them correctly.</summary>
    public InputDeclaration? Inputs { get; private set; }

    /// <summary>Checks one workflow; returns its name when it has a usable one.</summary>
    public string? CheckWorkflow(JsonElement workflow)
    {
        if (workflow.ValueKind != JsonValueKind.Object)
        {
            Report(null, RuleDiagnosticCodes.InvalidField, "A workflow must be a JSON object with WorkflowName and Rules.");
            return null;
        }

        var name = Get(workflow, "WorkflowName") is { ValueKind: JsonValueKind.String } n ? n.GetString() : null;
        var element = string.IsNullOrWhiteSpace(name) ? null : name;
        if (element is null)
        {
            Report(null, RuleDiagnosticCodes.InvalidField, "WorkflowName is required and must be a non-empty string.");
        }

        CheckFields(workflow, WorkflowFields, element, "workflow");
        CheckNoInjection(workflow, element);
        CheckExpressionType(workflow, element);
        CheckParams(workflow, "GlobalParams", element);
        Inputs = Get(workflow, "Inputs") is { ValueKind: not JsonValueKind.Null } inputs
            ? InputDeclarationReader.Read(inputs, message => Report(element, RuleDiagnosticCodes.InvalidField, message))
            : null;
        if (Get(workflow, "$schema") is { } schema && schema.ValueKind != JsonValueKind.String)
        {
            Report(element, RuleDiagnosticCodes.InvalidField, "$schema must be a string (the address of rule-file.schema.json).");
        }

        var rules = Get(workflow, "Rules");
        if (rules is not { ValueKind: JsonValueKind.Array } || rules.Value.GetArrayLength() == 0)
        {
            Report(element, RuleDiagnosticCodes.InvalidField, "Rules is required and must be a non-empty array of rules.");
            return element;
        }

        var ruleNames = new HashSet<string>(StringComparer.Ordinal);
        foreach (var rule in rules.Value.EnumerateArray())
        {
            CheckRule(rule, element ?? "?", ruleNames);
        }

        return element;
    }

    private void CheckRule(JsonElement rule, string path, HashSet<string> ruleNames)
    {
        if (rule.ValueKind != JsonValueKind.Object)
        {
            Report(path, RuleDiagnosticCodes.InvalidField, "Each rule must be a JSON object.");
            return;
        }

        var name = Get(rule, "RuleName") is { ValueKind: JsonValueKind.String } n ? n.GetString() : null;
        var element = $"{path}/{(string.IsNullOrWhiteSpace(name) ? "?" : name)}";
        if (string.IsNullOrWhiteSpace(name))
        {
            Report(element, RuleDiagnosticCodes.InvalidField, "RuleName is required and must be a non-empty string.");
        }
        else if (!ruleNames.Add(name))
        {
            Report(element, RuleDiagnosticCodes.DuplicateName, $"The rule name '{name}' is used twice in this rule set; results are looked up by name.");
        }

        CheckFields(rule, RuleFields, element, "rule");
        CheckNoInjection(rule, element);
        CheckExpressionType(rule, element);
        foreach (var field in new[] { "ErrorMessage", "SuccessEvent", "Operator", "Expression" })
        {
            if (Get(rule, field) is { } value && value.ValueKind is not (JsonValueKind.String or JsonValueKind.Null))
            {
                Report(element, RuleDiagnosticCodes.InvalidField, $"{field} must be a string.");
            }
        }

        if (Get(rule, "Enabled") is { } enabled && enabled.ValueKind is not (JsonValueKind.True or JsonValueKind.False))
        {
            Report(element, RuleDiagnosticCodes.InvalidField, "Enabled must be true or false.");
        }

        if (Get(rule, "Properties") is { } properties && properties.ValueKind is not (JsonValueKind.Object or JsonValueKind.Null))
        {
            Report(element, RuleDiagnosticCodes.InvalidField, "Properties must be a JSON object (use it for a description and other data).");
        }

        if (Get(rule, "Actions") is { ValueKind: not JsonValueKind.Null })
        {
            Report(element, RuleDiagnosticCodes.Unsupported, "Actions are not run by this engine: express outcomes with SuccessEvent and Properties.");
        }

        CheckParams(rule, "LocalParams", element);
        var expression = Get(rule, "Expression") is { ValueKind: JsonValueKind.String } e ? e.GetString() : null;
        var children = Get(rule, "Rules") is { ValueKind: JsonValueKind.Array } c && c.GetArrayLength() > 0 ? c : (JsonElement?)null;
        var op = Get(rule, "Operator") is { ValueKind: JsonValueKind.String } o ? o.GetString() : null;
        if (children is null)
        {
            if (string.IsNullOrWhiteSpace(expression))
            {
                Report(element, RuleDiagnosticCodes.InvalidField, "A rule needs an Expression, or an Operator with nested Rules.");
            }

            return;
        }

        if (!string.IsNullOrWhiteSpace(expression))
        {
            Report(element, RuleDiagnosticCodes.InvalidField, "A rule has either an Expression or nested Rules, not both.");
        }

        if (op is null || !Operators.Contains(op))
        {
            Report(element, RuleDiagnosticCodes.InvalidField, $"A rule with nested Rules needs an Operator among {string.Join(", ", Operators)}, got '{op}'.");
        }

        foreach (var child in children.Value.EnumerateArray())
        {
            CheckRule(child, element, ruleNames);
        }
    }

    private void CheckParams(JsonElement owner, string field, string? element)
    {
        if (Get(owner, field) is not { } list || list.ValueKind == JsonValueKind.Null)
        {
            return;
        }

        if (list.ValueKind != JsonValueKind.Array)
        {
            Report(element, RuleDiagnosticCodes.InvalidField, $"{field} must be an array of {{ Name, Expression }}.");
            return;
        }

        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var param in list.EnumerateArray())
        {
            if (param.ValueKind != JsonValueKind.Object)
            {
                Report(element, RuleDiagnosticCodes.InvalidField, $"Each entry of {field} must be an object {{ Name, Expression }}.");
                continue;
            }

            CheckFields(param, ParamFields, element, $"{field} entry");
            var name = Get(param, "Name") is { ValueKind: JsonValueKind.String } n ? n.GetString() : null;
            if (string.IsNullOrWhiteSpace(name) || Get(param, "Expression") is not { ValueKind: JsonValueKind.String })
            {
                Report(element, RuleDiagnosticCodes.InvalidField, $"Each entry of {field} needs a Name and an Expression, both strings.");
            }
            else if (!names.Add(name))
            {
                Report(element, RuleDiagnosticCodes.DuplicateName, $"The parameter '{name}' is defined twice in {field}.");
            }
        }
    }

    private void CheckFields(JsonElement obj, HashSet<string> known, string? element, string what)
    {
        foreach (var property in obj.EnumerateObject())
        {
            if (!known.Contains(property.Name))
            {
                Report(element, RuleDiagnosticCodes.UnknownField, $"Unknown {what} field '{property.Name}'; the known fields are {string.Join(", ", known)}.");
            }
        }
    }

    private void CheckNoInjection(JsonElement obj, string? element)
    {
        foreach (var field in new[] { "WorkflowsToInject", "WorkflowRulesToInject" })
        {
            if (Get(obj, field) is { ValueKind: JsonValueKind.Array } list && list.GetArrayLength() > 0)
            {
                Report(element, RuleDiagnosticCodes.Unsupported, $"{field} is not supported: a rule set must be self-contained so that its hash identifies everything it decides with.");
            }
        }
    }

    private void CheckExpressionType(JsonElement obj, string? element)
    {
        if (Get(obj, "RuleExpressionType") is { } type
            && !(type.ValueKind == JsonValueKind.Null
                 || (type.ValueKind == JsonValueKind.Number && type.TryGetInt32(out var n) && n == 0)
                 || (type.ValueKind == JsonValueKind.String && type.GetString() == "LambdaExpression")))
        {
            Report(element, RuleDiagnosticCodes.InvalidField, "RuleExpressionType must be \"LambdaExpression\" (the only type RulesEngine 6 has).");
        }
    }

    private static JsonElement? Get(JsonElement obj, string name)
    {
        foreach (var property in obj.EnumerateObject())
        {
            if (string.Equals(property.Name, name, StringComparison.OrdinalIgnoreCase))
            {
                return property.Value;
            }
        }

        return null;
    }

    private void Report(string? element, string code, string message) =>
        diagnostics.Add(new Diagnostic(source, element, null, null, code, message));
}
