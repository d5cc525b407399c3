namespace OrderToCash.Engine.Expressions;

/// <summary>Readable C#-like type names for messages a process owner reads (List&lt;System.String&gt;, not List`1[...]).</summary>
internal static class TypeNames
{
    public static string Describe(Type type)
    {
        if (Nullable.GetUnderlyingType(type) is { } underlying)
        {
            return Describe(underlying) + "?";
        }

        if (type.IsArray)
        {
            return Describe(type.GetElementType()!) + "[]";
        }

        var name = type.FullName ?? type.Name;
        if (!type.IsGenericType)
        {
            return name.Replace('+', '.');
        }

        var definition = type.GetGenericTypeDefinition();
        var baseName = (definition.FullName ?? definition.Name).Replace('+', '.');
        var tick = baseName.IndexOf('`', StringComparison.Ordinal);
        if (tick >= 0)
        {
            baseName = baseName[..tick];
        }

        return $"{baseName}<{string.Join(", ", type.GetGenericArguments().Select(Describe))}>";
    }
}
