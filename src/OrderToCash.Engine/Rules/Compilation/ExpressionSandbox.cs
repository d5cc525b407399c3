using System.Linq.Expressions;
using OrderToCash.Engine.Expressions;

namespace OrderToCash.Engine.Rules.Compilation;

/// <summary>
/// The bridge from rule compilation to the shared expression sandbox (<see cref="ExpressionViolationFinder"/>):
/// every parsed rule expression, global and local parameter goes through it before it is compiled. The allow-list
/// is the sandbox's base policy plus the rule set's input models and the model types they expose.
/// </summary>
internal static class ExpressionSandbox
{
    public static IReadOnlyList<string> FindViolations(LambdaExpression expression, ExpressionTypePolicy policy) =>
        ExpressionViolationFinder.Find(expression, policy).Select(v => v.Reason).ToList();

    /// <summary>
    /// The input types and, recursively, the types of their public properties that belong to the same assembly
    /// (a line item record inside an input, say): the model a rule author is meant to navigate.
    /// </summary>
    public static ExpressionTypePolicy PolicyFor(IEnumerable<Type> inputTypes, IEnumerable<Type> extraModelTypes)
    {
        var found = new HashSet<Type>();
        var pending = new Stack<Type>(inputTypes.SelectMany(Unwrap));
        while (pending.Count > 0)
        {
            var type = pending.Pop();
            if (!found.Add(type))
            {
                continue;
            }

            foreach (var property in type.GetProperties(System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.Instance))
            {
                foreach (var candidate in Unwrap(property.PropertyType))
                {
                    if (candidate.Assembly == type.Assembly && !found.Contains(candidate))
                    {
                        pending.Push(candidate);
                    }
                }
            }
        }

        return ExpressionTypePolicy.Default.WithModelTypes(found.Concat(extraModelTypes));
    }

    private static IEnumerable<Type> Unwrap(Type type)
    {
        if (type.IsArray)
        {
            return Unwrap(type.GetElementType()!);
        }

        return type.IsGenericType ? type.GetGenericArguments().SelectMany(Unwrap) : [type];
    }
}
