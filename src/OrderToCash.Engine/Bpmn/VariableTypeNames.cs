namespace OrderToCash.Engine.Bpmn;

/// <summary>
/// The type names usable in <c>&lt;o2c:variable type="..."/&gt;</c>: string, bool, int, long, decimal, double, guid,
/// date (DateOnly), dateTime (DateTimeOffset), duration (TimeSpan), and <c>list&lt;T&gt;</c> / <c>T[]</c> of those.
/// </summary>
public static class VariableTypeNames
{
    private static readonly Dictionary<string, Type> Scalars = new(StringComparer.OrdinalIgnoreCase)
    {
        ["string"] = typeof(string),
        ["bool"] = typeof(bool),
        ["boolean"] = typeof(bool),
        ["int"] = typeof(int),
        ["long"] = typeof(long),
        ["decimal"] = typeof(decimal),
        ["double"] = typeof(double),
        ["guid"] = typeof(Guid),
        ["date"] = typeof(DateOnly),
        ["dateTime"] = typeof(DateTimeOffset),
        ["duration"] = typeof(TimeSpan),
    };

    public static IReadOnlyCollection<string> Names => Scalars.Keys;

    public static bool TryResolve(string name, out Type type)
    {
        ArgumentNullException.ThrowIfNull(name);
        name = name.Trim();
        if (name.EndsWith("[]", StringComparison.Ordinal))
        {
            return TryList(name[..^2], out type);
        }

        if (name.StartsWith("list<", StringComparison.OrdinalIgnoreCase) && name.EndsWith('>'))
        {
            return TryList(name[5..^1], out type);
        }

        if (name.EndsWith('?') && Scalars.TryGetValue(name[..^1], out var underlying) && underlying.IsValueType)
        {
            type = typeof(Nullable<>).MakeGenericType(underlying);
            return true;
        }

        return Scalars.TryGetValue(name, out type!);
    }

    private static bool TryList(string element, out Type type)
    {
        if (TryResolve(element, out var elementType))
        {
            type = typeof(List<>).MakeGenericType(elementType);
            return true;
        }

        type = null!;
        return false;
    }
}
