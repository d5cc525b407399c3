using System.Linq.Expressions;
using System.Reflection;
using OrderToCash.Engine.Expressions;

namespace OrderToCash.Engine.Handlers;

/// <summary>
/// Binds a handler's typed input and output records to variable dictionaries with delegates compiled once per type:
/// no reflection or JSON on the hot path. Inputs are read from the constructor's parameters (records) or, failing
/// that, from settable properties.
/// </summary>
internal sealed class HandlerBinder<TInput, TOutput>
    where TInput : class
    where TOutput : class
{
    private static readonly MethodInfo ConvertMethod = typeof(HandlerBinder<TInput, TOutput>).GetMethod(nameof(ReadValue), BindingFlags.NonPublic | BindingFlags.Static)!;

    private readonly HandlerParameter[] _inputs;
    private readonly HandlerParameter[] _outputs;
    private readonly Func<IReadOnlyDictionary<string, object?>, TInput> _read;
    private readonly (string Name, Func<TOutput, object?> Get)[] _write;

    public HandlerBinder()
    {
        var constructor = typeof(TInput).GetConstructors().OrderByDescending(c => c.GetParameters().Length).First();
        var variables = Expression.Parameter(typeof(IReadOnlyDictionary<string, object?>), "inputs");
        var parameters = constructor.GetParameters();
        _inputs = [.. parameters.Select(p => new HandlerParameter(VariableName(p.Name!), p.ParameterType, IsRequired(p)) { Check = p.GetCustomAttribute<LiteralCheckAttribute>()?.Create() })];
        Expression create = Expression.New(constructor, parameters.Select(p => Read(variables, p.Name!, p.ParameterType, IsRequired(p))));
        if (parameters.Length == 0)
        {
            var settable = typeof(TInput).GetProperties().Where(p => p.CanWrite).ToArray();
            _inputs = [.. settable.Select(p => new HandlerParameter(VariableName(p.Name), p.PropertyType, false))];
            create = Expression.MemberInit((NewExpression)create, settable.Select(p => Expression.Bind(p, Read(variables, p.Name, p.PropertyType, false))));
        }

        _read = Expression.Lambda<Func<IReadOnlyDictionary<string, object?>, TInput>>(create, variables).Compile();
        var properties = typeof(TOutput).GetProperties().Where(p => p.CanRead && p.GetIndexParameters().Length == 0).ToArray();
        _outputs = [.. properties.Select(p => new HandlerParameter(VariableName(p.Name), p.PropertyType, true))];
        _write = [.. properties.Select(p =>
        {
            var output = Expression.Parameter(typeof(TOutput), "output");
            var getter = Expression.Lambda<Func<TOutput, object?>>(Expression.Convert(Expression.Property(output, p), typeof(object)), output).Compile();
            return (VariableName(p.Name), getter);
        })];
    }

    public HandlerDescriptor Describe(Type handlerType)
    {
        var attribute = handlerType.GetCustomAttribute<WorkflowHandlerAttribute>()
            ?? throw new InvalidOperationException($"The handler {handlerType.FullName} has no [WorkflowHandler(name, description)] attribute.");
        return new HandlerDescriptor(attribute.Name, attribute.Description, _inputs, _outputs);
    }

    public TInput ReadInput(IReadOnlyDictionary<string, object?> inputs) => _read(inputs);

    public Dictionary<string, object?> WriteOutput(TOutput output)
    {
        ArgumentNullException.ThrowIfNull(output);
        var values = new Dictionary<string, object?>(_write.Length, StringComparer.Ordinal);
        foreach (var (name, get) in _write)
        {
            values[name] = get(output);
        }

        return values;
    }

    /// <summary>Workflow variables are camelCase (<c>amount</c>) while C# properties are PascalCase (<c>Amount</c>).</summary>
    private static string VariableName(string memberName) => System.Text.Json.JsonNamingPolicy.CamelCase.ConvertName(memberName);

    private static bool IsRequired(ParameterInfo parameter) =>
        !parameter.HasDefaultValue && (parameter.ParameterType.IsValueType ? Nullable.GetUnderlyingType(parameter.ParameterType) is null
            : new NullabilityInfoContext().Create(parameter).WriteState != NullabilityState.Nullable);

    private static MethodCallExpression Read(ParameterExpression variables, string name, Type type, bool required) =>
        Expression.Call(ConvertMethod.MakeGenericMethod(type), variables, Expression.Constant(name), Expression.Constant(required));

    private static T? ReadValue<T>(IReadOnlyDictionary<string, object?> inputs, string name, bool required)
    {
        // Inputs are matched case-insensitively so a BPMN variable "amount" binds a record parameter "Amount".
        if (inputs.TryGetValue(name, out var value) || TryFindIgnoringCase(inputs, name, out value))
        {
            return VariableValues.ConvertTo<T>(value, name);
        }

        return required ? throw new ExpressionEvaluationException($"The handler input '{name}' is not set.") : default;
    }

    private static bool TryFindIgnoringCase(IReadOnlyDictionary<string, object?> inputs, string name, out object? value)
    {
        foreach (var (key, candidate) in inputs)
        {
            if (string.Equals(key, name, StringComparison.OrdinalIgnoreCase))
            {
                value = candidate;
                return true;
            }
        }

        value = null;
        return false;
    }
}
