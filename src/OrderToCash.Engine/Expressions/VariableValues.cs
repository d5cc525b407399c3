using System.Globalization;
using System.Text.Json;

namespace OrderToCash.Engine.Expressions;

/// <summary>
/// Reads a variable as the type an expression was compiled for. Values come either live (already typed) or from a
/// state snapshot deserialized by System.Text.Json (a <see cref="JsonElement"/>), so both shapes are accepted.
/// </summary>
public static class VariableValues
{
    /// <summary>The variable <paramref name="name"/> as a <typeparamref name="T"/>; throws when it is missing or cannot be read as one.</summary>
    public static T Get<T>(IReadOnlyDictionary<string, object?> variables, string name)
    {
        ArgumentNullException.ThrowIfNull(variables);
        return variables.TryGetValue(name, out var value)
            ? ConvertTo<T>(value, name)
            : throw new ExpressionEvaluationException($"The variable '{name}' is not set.");
    }

    /// <summary>Converts a stored value to <typeparamref name="T"/>.</summary>
    public static T ConvertTo<T>(object? value, string name) => (T)ConvertTo(value, typeof(T), name)!;

    /// <summary>Converts a stored value to <paramref name="type"/>.</summary>
    public static object? ConvertTo(object? value, Type type, string name)
    {
        ArgumentNullException.ThrowIfNull(type);
        switch (value)
        {
            case null when !type.IsValueType || Nullable.GetUnderlyingType(type) is not null:
                return null;
            case null:
                throw new ExpressionEvaluationException($"The variable '{name}' is null but a {TypeNames.Describe(type)} is expected.");
            case JsonElement element:
                try
                {
                    return element.Deserialize(type);
                }
                catch (JsonException ex)
                {
                    throw new ExpressionEvaluationException($"The variable '{name}' cannot be read as a {TypeNames.Describe(type)}: {ex.Message}", ex);
                }

            default:
                if (type.IsInstanceOfType(value))
                {
                    return value;
                }

                if (value is System.Collections.IEnumerable items and not string && ListElementType(type) is { } elementType)
                {
                    // A list of another element type (e.g. results collected as objects, or a handler's array).
                    var list = (System.Collections.IList)Activator.CreateInstance(typeof(List<>).MakeGenericType(elementType))!;
                    foreach (var item in items)
                    {
                        list.Add(ConvertTo(item, elementType, name));
                    }

                    return list;
                }

                var target = Nullable.GetUnderlyingType(type) ?? type;
                if (value is IConvertible && typeof(IConvertible).IsAssignableFrom(target) && !target.IsEnum)
                {
                    try
                    {
                        return Convert.ChangeType(value, target, CultureInfo.InvariantCulture);
                    }
                    catch (Exception ex) when (ex is InvalidCastException or FormatException or OverflowException)
                    {
                        throw new ExpressionEvaluationException($"The variable '{name}' ({value}) cannot be read as a {TypeNames.Describe(type)}: {ex.Message}", ex);
                    }
                }

                throw new ExpressionEvaluationException($"The variable '{name}' is a {TypeNames.Describe(value.GetType())} but a {TypeNames.Describe(type)} is expected.");
        }
    }

    /// <summary>T when a List&lt;T&gt; can stand for <paramref name="type"/> (List, IList, IReadOnlyList, IEnumerable... of T).</summary>
    private static Type? ListElementType(Type type)
    {
        if (!type.IsGenericType || type.GetGenericArguments().Length != 1)
        {
            return null;
        }

        var element = type.GetGenericArguments()[0];
        return type.IsAssignableFrom(typeof(List<>).MakeGenericType(element)) ? element : null;
    }
}
