using OrderToCash.Engine.Bpmn.Model;
using OrderToCash.Engine.Diagnostics;
using OrderToCash.Engine.Expressions;

namespace OrderToCash.Engine.Bpmn.Validation;

/// <summary>Validates one process: variables, then each scope (the process, then each embedded sub-process).</summary>
internal sealed partial class ProcessValidation(
    string file,
    ProcessModel process,
    WorkflowCatalog catalog,
    SandboxedExpressionParser parser,
    IReadOnlySet<string> processIdsInFile,
    List<Diagnostic> diagnostics,
    Dictionary<ExpressionKey, ParsedExpression> expressions)
{
    private static readonly Type[] TimerResultTypes = [typeof(TimeSpan), typeof(DateTimeOffset), typeof(DateTime), typeof(string)];

    public IReadOnlyList<ExpressionParameter> ValidateExecutable()
    {
        var variables = DeclaredVariables();
        AddProducedVariables(process.Content, variables);
        IReadOnlyList<ExpressionParameter> parameters = [.. variables.Values];
        ValidateScope(process.Content, owner: null, parameters);
        return parameters;
    }

    /// <summary>Non-executable process: list what could not run, as warnings.</summary>
    public void ListUnsupported(FlowScope scope)
    {
        foreach (var node in scope.Nodes)
        {
            foreach (var reason in UnsupportedReasons(node))
            {
                Report(node.Id, node.Location, reason.Code, reason.Message, DiagnosticSeverity.Warning);
            }

            if (node.Content is not null)
            {
                ListUnsupported(node.Content);
            }
        }
    }

    private Dictionary<string, ExpressionParameter> DeclaredVariables()
    {
        var variables = new Dictionary<string, ExpressionParameter>(StringComparer.Ordinal);
        foreach (var declaration in process.Variables)
        {
            if (!IsIdentifier(declaration.Name))
            {
                Report(process.Id, declaration.Location, BpmnCodes.InvalidVariable, $"The variable name '{declaration.Name}' is not an identifier (letters, digits and '_', not starting with a digit).");
            }
            else if (!VariableTypeNames.TryResolve(declaration.TypeName, out var type))
            {
                Report(process.Id, declaration.Location, BpmnCodes.InvalidVariable,
                    $"The variable '{declaration.Name}' has the unknown type '{declaration.TypeName}'; use one of {string.Join(", ", VariableTypeNames.Names)}, or list<T> / T[] of those.");
            }
            else if (!variables.TryAdd(declaration.Name, new ExpressionParameter(declaration.Name, type)))
            {
                Report(process.Id, declaration.Location, BpmnCodes.InvalidVariable, $"The variable '{declaration.Name}' is declared twice.");
            }
            else if (declaration.Values is { } values && ValuesProblem(declaration, type, values) is { } problem)
            {
                Report(process.Id, declaration.Location, BpmnCodes.InvalidVariable, problem);
            }
        }

        return variables;
    }

    /// <summary>Why a variable's <c>values</c> list cannot be its choices: only text takes them, each once and not blank.</summary>
    private static string? ValuesProblem(VariableDeclaration declaration, Type type, IReadOnlyList<string> values)
    {
        var name = declaration.Name;
        if (type != typeof(string))
        {
            return $"The variable '{name}' lists values, but only a string variable can: its type is '{declaration.TypeName}'.";
        }

        if (values.Any(string.IsNullOrEmpty))
        {
            return $"The values of the variable '{name}' must be separated by single commas, none of them empty.";
        }

        return values.GroupBy(v => v, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1) is { } twice
            ? $"The values of the variable '{name}' list '{twice.Key}' twice."
            : null;
    }

    /// <summary>
    /// Handler outputs become variables: by name when the task has no output mapping, else under the mapped names with
    /// the mapping's type; a multi-instance output collection becomes a list of its output element's type. Declared
    /// variables win, so a declaration can widen or fix a type.
    /// </summary>
    private void AddProducedVariables(FlowScope scope, Dictionary<string, ExpressionParameter> variables)
    {
        var declared = variables.Values.ToList();
        foreach (var node in scope.Nodes)
        {
            if (TaskOutputs(node) is { } taskOutputs)
            {
                if (node.Outputs.Count == 0)
                {
                    foreach (var output in taskOutputs)
                    {
                        variables.TryAdd(output.Name, output);
                    }
                }
                else
                {
                    var outputParameters = OutputParameters(node, declared);
                    foreach (var mapping in node.Outputs.Where(m => IsIdentifier(m.Name) && !variables.ContainsKey(m.Name)))
                    {
                        if (parser.Parse(mapping.Expression, outputParameters).ResultType is { } type)
                        {
                            variables[mapping.Name] = new ExpressionParameter(mapping.Name, type);
                        }
                    }
                }
            }

            if (node.MultiInstance is { OutputCollection: { } collection, OutputElement: { } element } loop && IsIdentifier(collection) && !variables.ContainsKey(collection)
                && loop.Collection is not null && loop.ElementVariable is not null
                && parser.Parse(loop.Collection, declared).ResultType is { } collectionType && ElementTypeOf(collectionType) is { } itemType
                && parser.Parse(element, OutputParameters(node, BodyParameters(loop.ElementVariable, itemType, declared))).ResultType is { } resultType)
            {
                variables[collection] = new ExpressionParameter(collection, typeof(List<>).MakeGenericType(resultType));
            }

            if (node.Content is not null)
            {
                AddProducedVariables(node.Content, variables);
            }
        }
    }

    /// <summary>What a task returns: its handler's outputs, or a business-rule task's (<see cref="Runtime.RuleTaskOutputs"/>).</summary>
    private IReadOnlyList<ExpressionParameter>? TaskOutputs(FlowNode node) => node.Kind switch
    {
        FlowNodeKind.ServiceTask when node.Handler is { } name && catalog.FindHandler(name) is { } handler =>
            [.. handler.Outputs.Select(o => new ExpressionParameter(o.Name, o.Type))],
        FlowNodeKind.BusinessRuleTask => Runtime.RuleTaskOutputs.All,
        _ => null,
    };

    private IReadOnlyList<ExpressionParameter> OutputParameters(FlowNode node, IReadOnlyList<ExpressionParameter> variables)
    {
        if (TaskOutputs(node) is not { } outputs)
        {
            return variables;
        }

        return [.. outputs, .. variables.Where(v => outputs.All(o => !string.Equals(o.Name, v.Name, StringComparison.OrdinalIgnoreCase)))];
    }

    private ParsedExpression? Check(string elementId, SourceLocation where, ExpressionKey key, string text, IReadOnlyList<ExpressionParameter> parameters, Type? resultType, string what)
    {
        var parsed = parser.Parse(text, parameters, resultType);
        if (!parsed.Succeeded)
        {
            Report(elementId, where, BpmnCodes.InvalidExpression, $"The {what} '{text}' is refused: {string.Join("; ", parsed.Errors)}.");
            return null;
        }

        expressions[key] = parsed;
        return parsed;
    }

    private void CheckTimerText(FlowNode node, ExpressionKey key, string text, TimerKind kind, IReadOnlyList<ExpressionParameter> parameters, string what)
    {
        var literal = kind switch
        {
            TimerKind.Date => Timers.TimerSchedule.TryParseDate(text, out _),
            TimerKind.Duration => Timers.TimerSchedule.TryParseDuration(text, out _),
            _ => Timers.TimerSchedule.TryParseCycle(text, out _),
        };
        if (literal)
        {
            return;
        }

        var parsed = parser.Parse(text, parameters);
        if (!parsed.Succeeded)
        {
            var form = kind switch { TimerKind.Date => "an ISO 8601 date", TimerKind.Duration => "an ISO 8601 duration such as PT15M or P3D", _ => "an ISO 8601 cycle such as R3/PT1H" };
            Report(node.Id, node.Location, BpmnCodes.InvalidTimer, $"The {what} '{text}' is neither {form} nor a valid expression: {string.Join("; ", parsed.Errors)}.");
        }
        else if (!TimerResultTypes.Contains(parsed.ResultType!) || (kind == TimerKind.Cycle && parsed.ResultType != typeof(string)))
        {
            Report(node.Id, node.Location, BpmnCodes.InvalidTimer, $"The {what} expression '{text}' yields a {parsed.ResultType!.Name}; it must yield a TimeSpan, a DateTimeOffset, a DateTime or ISO 8601 text (a cycle: text).");
        }
        else
        {
            expressions[key] = parsed;
        }
    }

    private static bool IsIdentifier(string name) =>
        name.Length > 0 && (char.IsLetter(name[0]) || name[0] == '_') && name.All(c => char.IsLetterOrDigit(c) || c == '_');

    private void Report(string? element, SourceLocation where, string code, string message, DiagnosticSeverity severity = DiagnosticSeverity.Error) =>
        diagnostics.Add(new Diagnostic(file, element, where.IsKnown ? where.Line : null, where.IsKnown ? where.Column : null, code, message, severity));
}
