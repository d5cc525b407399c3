using System.Collections.Frozen;
using System.Reflection;

namespace OrderToCash.Engine.Expressions;

/// <summary>
/// The allow-list of types an expression may touch: primitives, decimal, string, the date and time types, Guid,
/// Math, Enumerable over allowed elements, lists, dictionaries, arrays and Nullable of allowed types, plus the
/// caller's own input model types. Everything else (reflection, IO, processes, delegates...) is refused.
/// </summary>
public sealed class ExpressionTypePolicy
{
    private static readonly FrozenSet<Type> BaseTypes = new[]
    {
        typeof(bool), typeof(byte), typeof(sbyte), typeof(short), typeof(ushort), typeof(int), typeof(uint),
        typeof(long), typeof(ulong), typeof(float), typeof(double), typeof(decimal), typeof(char), typeof(string),
        typeof(DateTime), typeof(DateTimeOffset), typeof(TimeSpan), typeof(DateOnly), typeof(TimeOnly), typeof(Guid),
        typeof(Math), typeof(Enumerable), typeof(StringComparison), typeof(DayOfWeek), typeof(MidpointRounding),
        typeof(object),
    }.ToFrozenSet();

    // Generic shapes whose safety depends only on their type arguments.
    private static readonly FrozenSet<Type> GenericShapes = new[]
    {
        typeof(Nullable<>), typeof(List<>), typeof(IList<>), typeof(IReadOnlyList<>), typeof(ICollection<>),
        typeof(IReadOnlyCollection<>), typeof(IEnumerable<>), typeof(IOrderedEnumerable<>), typeof(IGrouping<,>),
        typeof(Dictionary<,>), typeof(IDictionary<,>), typeof(IReadOnlyDictionary<,>), typeof(KeyValuePair<,>),
        typeof(HashSet<>), typeof(ISet<>), typeof(IReadOnlySet<>),
    }.ToFrozenSet();

    // Members of allowed types that still break the sandbox: the ambient clock (decisions must be replayable),
    // object.GetType (the door to reflection), sequence generators (unbounded work) and random identifiers.
    private static readonly FrozenDictionary<Type, FrozenSet<string>> ForbiddenMembers = new Dictionary<Type, FrozenSet<string>>
    {
        [typeof(DateTime)] = new[] { "Now", "UtcNow", "Today", "get_Now", "get_UtcNow", "get_Today" }.ToFrozenSet(),
        [typeof(DateTimeOffset)] = new[] { "Now", "UtcNow", "get_Now", "get_UtcNow" }.ToFrozenSet(),
        [typeof(object)] = new[] { "GetType", "MemberwiseClone", "Finalize", "ReferenceEquals" }.ToFrozenSet(),
        [typeof(Enumerable)] = new[] { "Range", "Repeat" }.ToFrozenSet(),
        [typeof(Guid)] = new[] { "NewGuid", "CreateVersion7" }.ToFrozenSet(),
    }.ToFrozenDictionary();

    // Expressions must not change the variables they read (a gateway condition that empties a list would make the
    // path depend on evaluation order), so the mutators of the allowed collections are refused.
    private static readonly FrozenSet<string> CollectionMutators = new[]
    {
        "Add", "AddRange", "Clear", "Remove", "RemoveAt", "RemoveAll", "RemoveRange", "RemoveWhere", "Insert", "InsertRange",
        "Reverse", "Sort", "TryAdd", "set_Item", "EnsureCapacity", "TrimExcess", "ForEach", "CopyTo", "UnionWith",
        "IntersectWith", "ExceptWith", "SymmetricExceptWith", "set_Capacity",
    }.ToFrozenSet();

    private readonly FrozenSet<Type> _modelTypes;

    private ExpressionTypePolicy(FrozenSet<Type> modelTypes) => _modelTypes = modelTypes;

    /// <summary>The base allow-list, without any caller model type.</summary>
    public static ExpressionTypePolicy Default { get; } = new(FrozenSet<Type>.Empty);

    /// <summary>The caller's input model types (and their public members) that expressions may use.</summary>
    public IReadOnlyCollection<Type> ModelTypes => _modelTypes;

    /// <summary>A policy that also allows the given input model types.</summary>
    public ExpressionTypePolicy WithModelTypes(IEnumerable<Type> modelTypes)
    {
        ArgumentNullException.ThrowIfNull(modelTypes);
        return new ExpressionTypePolicy(_modelTypes.Concat(modelTypes).ToFrozenSet());
    }

    /// <summary>True when values of <paramref name="type"/> may appear in an expression.</summary>
    public bool IsAllowed(Type type)
    {
        ArgumentNullException.ThrowIfNull(type);
        if (type.IsByRef || type.IsPointer || type.IsGenericParameter)
        {
            return false;
        }

        if (type.IsArray)
        {
            return type.GetArrayRank() == 1 && IsAllowed(type.GetElementType()!);
        }

        if (BaseTypes.Contains(type) || _modelTypes.Contains(type))
        {
            return true;
        }

        if (type.IsGenericType && !type.IsGenericTypeDefinition && GenericShapes.Contains(type.GetGenericTypeDefinition()))
        {
            return type.GetGenericArguments().All(IsAllowed);
        }

        return false;
    }

    /// <summary>True when <paramref name="member"/> is one of the members refused even on an allowed type.</summary>
    public static bool IsForbiddenMember(MemberInfo member)
    {
        ArgumentNullException.ThrowIfNull(member);
        if (member.DeclaringType is not { } declaring)
        {
            return false;
        }

        if (ForbiddenMembers.TryGetValue(declaring, out var names) && names.Contains(member.Name))
        {
            return true;
        }

        // Reading an indexer (get_Item) stays allowed; writing one (set_Item) is a mutation.
        var isCollection = declaring.IsGenericType && GenericShapes.Contains(declaring.GetGenericTypeDefinition());
        return isCollection && CollectionMutators.Contains(member.Name);
    }
}
