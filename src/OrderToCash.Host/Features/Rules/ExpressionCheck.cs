using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using OrderToCash.Engine.Diagnostics;
using OrderToCash.Engine.Rules;
using OrderToCash.Engine.Rules.Compilation;
using OrderToCash.Engine.Rules.Definitions;
using OrderToCash.Engine.Rules.Inputs;

namespace OrderToCash.Host.Features.Rules;

/// <summary>
/// Compiles one expression as the rule <c>ruleName</c> of a rule set would see it: the rule set's inputs, its global
/// parameters and that rule's local parameters in scope, screened by the sandbox. The context is the rule set being
/// edited (sent by the editor) or, when absent or unreadable, the latest published version. Only that one rule is
/// compiled, so problems elsewhere in the rule set do not drown its message.
/// </summary>
internal static partial class ExpressionCheck
{
    private const string ProbeRuleName = "ExpressionBeingChecked";

    /// <returns>The answer, and when the expression compiles, a rule set holding only that rule (to evaluate it on sample inputs).</returns>
    public static (ExpressionCheckResult Result, CompiledRuleSet? Probe) Check(RuleSetCompiler compiler, RuleSetCatalog catalog, string ruleSet, string? ruleName, string expression, string? context)
    {
        var workflow = Workflow(ruleSet, context);
        var rules = (workflow["Rules"] as JsonArray)?.OfType<JsonObject>().ToList() ?? [];
        var rule = rules.Find(r => ruleName is not null && (string?)r["RuleName"] == ruleName && r["Rules"] is null);
        var name = rule is null ? ProbeRuleName : ruleName!;
        var probe = new JsonObject { ["RuleName"] = name, ["Expression"] = expression };
        if (rule?["LocalParams"] is JsonArray locals)
        {
            probe["LocalParams"] = locals.DeepClone();
        }

        workflow["Rules"] = new JsonArray(probe);
        var read = RuleFileReader.Read("expression", workflow.ToJsonString());
        if (read.RuleSets.Count != 1)
        {
            return (Failed(read.Diagnostics.Count > 0 ? read.Diagnostics[0].Message : "The expression could not be placed in a rule.", read.Diagnostics.Count > 0 ? read.Diagnostics[0].Code : null, null, [], []), null);
        }

        // The code's input records, or else the inputs the rule set declares (a rule set the code does not know).
        IReadOnlyList<RuleInputBinding> bindings = catalog.TryGetInputs(ruleSet, out var known) ? known
            : read.RuleSets[0].Inputs is { } declared ? DeclaredInputTypes.Bindings(declared) : [];
        var inputs = bindings.Select(b => b.Name).ToList();
        var scope = inputs
            .Concat(Names(workflow["GlobalParams"]))
            .Concat(Names(probe["LocalParams"]))
            .ToList();
        var compilation = compiler.Compile(read.RuleSets[0]);
        if (compilation.Succeeded)
        {
            return (new ExpressionCheckResult(true, "The expression compiles and uses only allowed types.", null, null, inputs, scope), compilation.RuleSet);
        }

        var element = $"{ruleSet}/{name}";
        var problem = compilation.Diagnostics.FirstOrDefault(d => d.Element == element && d.Severity == DiagnosticSeverity.Error)
            ?? compilation.Diagnostics.First(d => d.Severity == DiagnosticSeverity.Error);
        var message = problem.Element == element
            ? problem.Message
            : $"The rule set's parameters do not compile, so no expression can be checked: {problem.Message}";
        var position = PositionPattern().Match(problem.Message) is { Success: true } m ? int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture) : (int?)null;
        if (problem.Element == element && problem.Code is RuleDiagnosticCodes.ExpressionError or RuleDiagnosticCodes.UndeclaredInput
            && ExpressionHints.Explain(expression, bindings, scope) is { } hint)
        {
            var said = problem.Code == RuleDiagnosticCodes.UndeclaredInput ? problem.Message : $"The parser said: {problem.Message}";
            return (Failed($"{hint.Message} ({said})", problem.Code, hint.Position, inputs, scope), null);
        }

        return (Failed(message, problem.Code, position, inputs, scope), null);
    }

    private static ExpressionCheckResult Failed(string message, string? code, int? position, IReadOnlyList<string> inputs, IReadOnlyList<string> scope) =>
        new(false, message, code, position, inputs, scope);

    /// <summary>The editor's rule set when it is a JSON object of this rule set; otherwise an empty one (the caller supplies the latest version instead).</summary>
    private static JsonObject Workflow(string ruleSet, string? context)
    {
        JsonObject? workflow = null;
        if (context is not null)
        {
            try
            {
                workflow = JsonNode.Parse(context) as JsonObject;
            }
            catch (System.Text.Json.JsonException)
            {
                workflow = null;
            }
        }

        if (workflow is null || (workflow["WorkflowName"] as JsonValue)?.ToString() != ruleSet)
        {
            workflow = new JsonObject { ["WorkflowName"] = ruleSet };
        }

        return workflow;
    }

    private static IEnumerable<string> Names(JsonNode? parameters) =>
        (parameters as JsonArray)?.OfType<JsonObject>().Select(p => (p["Name"] as JsonValue)?.ToString()).OfType<string>() ?? [];

    [GeneratedRegex(@"at character (\d+) of")]
    private static partial Regex PositionPattern();
}

/// <param name="Ok">The expression compiles in the rule's scope and the sandbox allows it.</param>
/// <param name="Message">Plain words: that it is fine, or what is wrong and where.</param>
/// <param name="Code">RULE005 (does not compile) or RULE006 (sandbox), when not ok.</param>
/// <param name="Position">1-based character of the expression where the parser stopped, when it says.</param>
/// <param name="Inputs">The rule set's inputs (e.g. <c>check</c>).</param>
/// <param name="Scope">Every name the expression may use: inputs, global and local parameters.</param>
/// <param name="Value">What the expression gives for the sample inputs, when some were sent and it compiles.</param>
internal sealed record ExpressionCheckResult(bool Ok, string Message, string? Code, int? Position, IReadOnlyList<string> Inputs, IReadOnlyList<string> Scope, bool? Value = null);
