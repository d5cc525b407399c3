using System.Collections.Concurrent;
using System.Linq.Dynamic.Core;
using OrderToCash.Engine.Rules.Compilation;

namespace OrderToCash.Engine.Rules.Inputs;

/// <summary>
/// Turns a declaration into real .NET types, so that a rule set the code does not know is compiled and evaluated as
/// typed as a built-in one (<c>order.Amount &gt; 1000</c> compares decimals): each object becomes a data class made by
/// System.Linq.Dynamic.Core's <see cref="DynamicClassFactory"/> (the expression parser's own classes), each scalar its
/// .NET type, each list an array. The same declaration always yields the same types in a process, so values recorded
/// under one version read back under another with the same inputs.
/// </summary>
public static class DeclaredInputTypes
{
    private static readonly ConcurrentDictionary<string, Type> Objects = new(StringComparer.Ordinal);

    public static IReadOnlyList<RuleInputBinding> Bindings(InputDeclaration declaration)
    {
        ArgumentNullException.ThrowIfNull(declaration);
        return declaration.Parameters.Select(p => new RuleInputBinding(p.Name, ClrType(p.Type))).ToList();
    }

    public static Type ClrType(InputType type)
    {
        ArgumentNullException.ThrowIfNull(type);
        return type.Kind switch
        {
            InputKind.String => typeof(string),
            InputKind.Decimal => Maybe(typeof(decimal), type.Nullable),
            InputKind.Int => Maybe(typeof(int), type.Nullable),
            InputKind.Double => Maybe(typeof(double), type.Nullable),
            InputKind.Bool => Maybe(typeof(bool), type.Nullable),
            InputKind.Date => Maybe(typeof(DateOnly), type.Nullable),
            InputKind.DateTime => Maybe(typeof(DateTime), type.Nullable),
            InputKind.Array => ClrType(type.Element!).MakeArrayType(),
            InputKind.Object => Objects.GetOrAdd(type.Text, _ => DynamicClassFactory.CreateType(
                type.Fields!.Select(f => new DynamicProperty(f.Name, ClrType(f.Type))).ToList(), createParameterCtor: false)),
            _ => throw new ArgumentOutOfRangeException(nameof(type), type.Kind, "Unknown input kind."),
        };
    }

    /// <summary>True for the data classes this factory makes (their indexer must never be reached from an expression).</summary>
    public static bool IsDeclared(Type type) => typeof(DynamicClass).IsAssignableFrom(type);

    private static Type Maybe(Type type, bool nullable) => nullable ? typeof(Nullable<>).MakeGenericType(type) : type;
}
