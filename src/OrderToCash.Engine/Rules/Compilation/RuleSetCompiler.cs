using System.Linq.Dynamic.Core.Exceptions;
using System.Linq.Expressions;
using System.Text.Json;
using OrderToCash.Engine.Diagnostics;
using OrderToCash.Engine.Expressions;
using OrderToCash.Engine.Rules.Definitions;
using OrderToCash.Engine.Rules.Inputs;
using RulesEngine.ExpressionBuilders;
using RulesEngine.Models;

namespace OrderToCash.Engine.Rules.Compilation;

/// <summary>
/// Compiles every expression of a rule set eagerly, with RulesEngine's own parser and settings, against the typed
/// inputs the catalog declares. RulesEngine would only report a bad expression when the rule first runs, as a failed
/// result indistinguishable from a "no"; here it is a publish-time error naming the rule. Each parsed expression is
/// screened by the sandbox before being compiled.
/// </summary>
public sealed class RuleSetCompiler(RuleSetCatalog catalog, ReSettings? settings = null)
{
    private readonly ReSettings _settings = settings ?? RuleEngineSettings.Create();

    public RuleSetCompilation Compile(RuleSetDefinition definition)
    {
        ArgumentNullException.ThrowIfNull(definition);
        var diagnostics = new List<Diagnostic>();
        // A rule set the code does not know is compiled against the inputs it declares, as typed classes; without a
        // declaration, against no input: a file from elsewhere whose expressions use no input (`1 + 2 == 3`) is valid,
        // one that names an input is refused, saying why. A built-in rule set's declaration must be its input records.
        var known = catalog.TryGetInputs(definition.Name, out var inputs);
        var declared = definition.Inputs;
        if (known && declared is not null)
        {
            var mismatches = InputModelCheck.Compare(definition.Name, inputs, declared);
            if (mismatches.Count > 0)
            {
                diagnostics.AddRange(mismatches.Select(m => new Diagnostic(definition.Source, definition.Name, null, null, RuleDiagnosticCodes.InputModelMismatch, m)));
                return new RuleSetCompilation(null, diagnostics);
            }
        }
        else if (!known)
        {
            inputs = declared is null ? [] : DeclaredInputTypes.Bindings(declared);
        }

        var declaration = declared ?? (known ? InputModelCheck.Describe(inputs) : null);
        var needsDeclaration = !known && declared is null;
        var policy = ExpressionSandbox.PolicyFor(inputs.Select(i => i.Type), catalog.ExtraModelTypes);
        // As RulesEngine's AutoRegisterInputType does at execution, the model types are registered with the parser so
        // that expressions may call their methods; the sandbox policy is what limits that to the model.
        var parser = new RuleExpressionParser(new ReSettings
        {
            CustomTypes = [.. (_settings.CustomTypes ?? []).Concat(policy.ModelTypes).Distinct()],
            IsExpressionCaseSensitive = _settings.IsExpressionCaseSensitive,
        });
        var context = new Context(definition, inputs, diagnostics, policy, parser) { Declaration = declared };
        var before = diagnostics.Count;
        var globals = CompileParams(context, definition.Workflow.GlobalParams, [], definition.Name, "GlobalParams");
        if (diagnostics.Count > before)
        {
            // Every rule may use the global parameters: their own errors would only echo this one.
            if (needsDeclaration)
            {
                diagnostics.Add(NoInputs(definition, catalog));
            }

            return new RuleSetCompilation(null, diagnostics);
        }

        var rules = new List<CompiledRule>();
        foreach (var rule in definition.Workflow.Rules.Where(r => r.Enabled))
        {
            if (CompileRule(context, rule, globals, $"{definition.Name}/{rule.RuleName}") is { } compiled)
            {
                rules.Add(compiled);
            }
        }

        if (diagnostics.Count > 0 && needsDeclaration)
        {
            diagnostics.Add(NoInputs(definition, catalog));
        }

        return diagnostics.Count > 0
            ? new RuleSetCompilation(null, diagnostics)
            : new RuleSetCompilation(new CompiledRuleSet(definition, inputs, rules, declaration), diagnostics);
    }

    private static Diagnostic NoInputs(RuleSetDefinition definition, RuleSetCatalog catalog) =>
        new(definition.Source, definition.Name, null, null, RuleDiagnosticCodes.UnknownRuleSet,
            $"No input model is registered for rule set '{definition.Name}' and its file declares no Inputs, so its expressions may use no input: declare what it reads, e.g. \"Inputs\": {{ \"order\": {{ \"Amount\": \"decimal\" }} }}; rule sets the code fills: {string.Join(", ", catalog.Names)}.");

    private static CompiledRule? CompileRule(Context context, Rule rule, IReadOnlyList<ScopedVariable> globals, string element)
    {
        var properties = (rule.Properties ?? []).ToDictionary(
            p => p.Key,
            p => p.Value is JsonElement json ? json.Clone() : JsonSerializer.SerializeToElement(p.Value),
            StringComparer.Ordinal);
        if (rule.Rules?.Any() == true)
        {
            var children = rule.Rules.Where(r => r.Enabled)
                .Select(child => CompileRule(context, child, globals, $"{element}/{child.RuleName}"))
                .ToList();
            return children.Contains(null)
                ? null
                : new CompiledRule(rule.RuleName, null, rule.SuccessEvent, rule.ErrorMessage, rule.Operator, properties, null, children!);
        }

        var before = context.ProblemCount;
        var locals = CompileParams(context, rule.LocalParams, globals, element, "LocalParams");
        if (context.ProblemCount > before)
        {
            return null;
        }

        var scope = context.InputParameters.Concat(globals.Select(g => g.Parameter)).Concat(locals.Select(l => l.Parameter)).ToArray();
        var body = Parse(context, rule.Expression, scope, typeof(bool), element, "Expression");
        if (body is null)
        {
            return null;
        }

        var scoped = globals.Concat(locals).ToList();
        var predicate = BuildDelegate(context, scoped, body);
        var inputs = context.InputParameters;
        // Compiled on first use: only recorded decisions need parameter values, and publishing stays one compile per rule.
        var parameters = scoped.Count == 0 ? null : new RuleParameters(
            scoped.Select(s => s.Parameter.Name!).ToList(),
            new Lazy<Func<object?[], object?[]>>(() => BuildParameterDelegate(inputs, scoped)));
        var message = MessageTemplate.TryCompile(rule.ErrorMessage, context.Parser, context.Policy, inputs, scoped.Select(s => (s.Parameter, s.Value)).ToList());
        return new CompiledRule(rule.RuleName, rule.Expression, rule.SuccessEvent, rule.ErrorMessage, rule.Operator, properties, predicate, [], parameters, message);
    }

    private static List<ScopedVariable> CompileParams(Context context, IEnumerable<ScopedParam>? scopedParams, IReadOnlyList<ScopedVariable> outer, string element, string field)
    {
        var variables = new List<ScopedVariable>();
        foreach (var param in scopedParams ?? [])
        {
            var taken = context.InputParameters.Select(p => p.Name).Concat(outer.Select(o => o.Parameter.Name)).Concat(variables.Select(v => v.Parameter.Name));
            if (taken.Contains(param.Name, StringComparer.Ordinal))
            {
                context.Report(element, RuleDiagnosticCodes.DuplicateName, $"{field} '{param.Name}' has the name of an input or of another parameter in scope.");
                continue;
            }

            var scope = context.InputParameters.Concat(outer.Select(o => o.Parameter)).Concat(variables.Select(v => v.Parameter)).ToArray();
            if (Parse(context, param.Expression, scope, null, element, $"{field} '{param.Name}'") is not { } body)
            {
                // Later parameters may use this one: their errors would only echo this one.
                break;
            }

            variables.Add(new ScopedVariable(Expression.Variable(body.Type, param.Name), body));
        }

        return variables;
    }

    private static Expression? Parse(Context context, string? text, ParameterExpression[] scope, Type? returnType, string element, string what)
    {
        if (ExpressionLimits.CheckText(text) is { } tooBig)
        {
            context.Report(element, RuleDiagnosticCodes.ExpressionError, $"{what} is refused before parsing: {tooBig}.");
            return null;
        }

        if (context.Declaration is { } declaration)
        {
            var shadowing = scope.Skip(context.InputParameters.Length).Select(p => p.Name!).ToList();
            if (DeclaredFieldCheck.FindInText(text, declaration, shadowing) is { } undeclared)
            {
                context.Report(element, RuleDiagnosticCodes.UndeclaredInput, $"{Who(element, what)}: {undeclared}.");
                return null;
            }
        }

        Expression body;
        try
        {
            body = context.Parser.Parse(text, scope, returnType);
        }
        catch (ParseException ex)
        {
            context.Report(element, RuleDiagnosticCodes.ExpressionError, $"{what} does not compile: {ex.Message} (at character {ex.Position + 1} of `{text}`).");
            return null;
        }
#pragma warning disable CA1031 // Dynamic.Core reports some errors as framework exceptions (e.g. AmbiguousMatchException): a rule that does not parse is refused, it never crashes publishing.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            context.Report(element, RuleDiagnosticCodes.ExpressionError, $"{what} does not compile: {ex.Message} (in `{text}`).");
            return null;
        }

        if (DeclaredFieldCheck.FindInTree(body) is { } unknownMember)
        {
            context.Report(element, RuleDiagnosticCodes.UndeclaredInput, $"{Who(element, what)}: {unknownMember}.");
            return null;
        }

        var violations = ExpressionSandbox.FindViolations(Expression.Lambda(body, scope), context.Policy);
        foreach (var violation in violations)
        {
            context.Report(element, RuleDiagnosticCodes.SandboxViolation, $"{what} is refused by the sandbox: {violation} (in `{text}`).");
        }

        return violations.Count == 0 ? body : null;
    }

    /// <summary>"Rule 'BigOrder'", "Rule 'BigOrder' (LocalParams 'excess')" or "GlobalParams 'limit'": where a problem is, in words.</summary>
    private static string Who(string element, string what)
    {
        var slash = element.LastIndexOf('/');
        if (slash < 0)
        {
            return what;
        }

        var rule = $"Rule '{element[(slash + 1)..]}'";
        return what == "Expression" ? rule : $"{rule} ({what})";
    }

    /// <summary>(object[] inputs) => { var input = (T)inputs[0]; ...; var global = ...; var local = ...; return expression; }</summary>
    private static Func<object?[], bool> BuildDelegate(Context context, List<ScopedVariable> scoped, Expression body)
    {
        var args = Expression.Parameter(typeof(object[]), "inputs");
        var steps = new List<Expression>();
        for (var i = 0; i < context.InputParameters.Length; i++)
        {
            var input = context.InputParameters[i];
            steps.Add(Expression.Assign(input, Expression.Convert(Expression.ArrayIndex(args, Expression.Constant(i)), input.Type)));
        }

        steps.AddRange(scoped.Select(s => Expression.Assign(s.Parameter, s.Value)));
        steps.Add(body);
        var block = Expression.Block(typeof(bool), context.InputParameters.Concat(scoped.Select(s => s.Parameter)), steps);
        return BudgetRewriter.Apply(Expression.Lambda<Func<object?[], bool>>(block, args)).Compile();
    }

    /// <summary>(object[] inputs) => new object[] { global1, ..., local1, ... }: the values an explanation shows.</summary>
    private static Func<object?[], object?[]> BuildParameterDelegate(ParameterExpression[] inputs, List<ScopedVariable> scoped)
    {
        var args = Expression.Parameter(typeof(object[]), "inputs");
        var steps = new List<Expression>();
        for (var i = 0; i < inputs.Length; i++)
        {
            var input = inputs[i];
            steps.Add(Expression.Assign(input, Expression.Convert(Expression.ArrayIndex(args, Expression.Constant(i)), input.Type)));
        }

        steps.AddRange(scoped.Select(s => Expression.Assign(s.Parameter, s.Value)));
        steps.Add(Expression.NewArrayInit(typeof(object), scoped.Select(s => Expression.Convert(s.Parameter, typeof(object)))));
        var block = Expression.Block(typeof(object[]), inputs.Concat(scoped.Select(s => s.Parameter)), steps);
        return BudgetRewriter.Apply(Expression.Lambda<Func<object?[], object?[]>>(block, args)).Compile();
    }

    private sealed record ScopedVariable(ParameterExpression Parameter, Expression Value);

    private sealed class Context(RuleSetDefinition definition, IReadOnlyList<RuleInputBinding> inputs, List<Diagnostic> diagnostics, ExpressionTypePolicy policy, RuleExpressionParser parser)
    {
        public RuleExpressionParser Parser { get; } = parser;

        public ExpressionTypePolicy Policy { get; } = policy;

        public ParameterExpression[] InputParameters { get; } = inputs.Select(i => Expression.Parameter(i.Type, i.Name)).ToArray();

        public int ProblemCount => diagnostics.Count;

        /// <summary>The inputs the file declares, the only fields expressions may read; null when it declares none.</summary>
        public InputDeclaration? Declaration { get; init; }

        public void Report(string element, string code, string message) =>
            diagnostics.Add(new Diagnostic(definition.Source, element, null, null, code, message));
    }
}

/// <summary>The compiled rule set, or the problems that prevent it (each naming the rule set and rule).</summary>
public sealed record RuleSetCompilation(CompiledRuleSet? RuleSet, IReadOnlyList<Diagnostic> Diagnostics)
{
    public bool Succeeded => RuleSet is not null;
}
