using System.Collections;
using System.Linq.Expressions;
using System.Reflection;

namespace OrderToCash.Engine.Expressions;

/// <summary>
/// Puts the budgets into a checked expression tree just before it is compiled (after the sandbox, which sees what
/// the author wrote): the members that can build far more than they are given go through
/// <see cref="BoundedOperations"/>; every lambda call and every item of a computed sequence ticks the time budget;
/// an expression that loops gets <see cref="ExpressionBudget.Enter"/> / <see cref="ExpressionBudget.Exit"/> around it.
/// Nothing changes in an expression without strings built, lambdas or sequences: the hot path keeps its speed.
/// </summary>
public sealed class BudgetRewriter : ExpressionVisitor
{
    private static readonly MethodInfo TickMethod = typeof(ExpressionBudget).GetMethod(nameof(ExpressionBudget.Tick))!;
    private static readonly MethodInfo EnterMethod = typeof(ExpressionBudget).GetMethod(nameof(ExpressionBudget.Enter))!;
    private static readonly MethodInfo ExitMethod = typeof(ExpressionBudget).GetMethod(nameof(ExpressionBudget.Exit))!;
    private static readonly MethodInfo TextMethod = typeof(BoundedOperations).GetMethod(nameof(BoundedOperations.Text))!;
    private static readonly MethodInfo FormatMethod = typeof(BoundedOperations).GetMethod(nameof(BoundedOperations.Format))!;
    private static readonly MethodInfo ItemsMethod = typeof(BoundedOperations).GetMethod(nameof(BoundedOperations.Items))!;
    private static readonly MethodInfo JoinMethod = typeof(BoundedOperations).GetMethod(nameof(BoundedOperations.Join), [typeof(string), typeof(IEnumerable)])!;

    private bool _loops;

    private BudgetRewriter()
    {
    }

    /// <summary>The lambda with its budgets; the same lambda when it needs none.</summary>
    public static TLambda Apply<TLambda>(TLambda lambda)
        where TLambda : LambdaExpression
    {
        ArgumentNullException.ThrowIfNull(lambda);
        var rewriter = new BudgetRewriter();
        var body = rewriter.Visit(lambda.Body)!;
        var result = body is UnaryExpression { NodeType: ExpressionType.Convert } convert ? convert.Operand : body;
        if (IsComputedSequence(result) && SequenceElement(result.Type) is { } element
            && body.Type.IsAssignableFrom(typeof(IEnumerable<>).MakeGenericType(element)))
        {
            // A sequence handed to the caller (a multi-instance collection) stays counted when it is enumerated.
            Expression counted = Expression.Call(ItemsMethod.MakeGenericMethod(element), result);
            body = counted.Type == body.Type ? counted : Expression.Convert(counted, body.Type);
        }

        if (rewriter._loops)
        {
            body = Expression.Block(body.Type, Expression.Call(EnterMethod), Expression.TryFinally(body, Expression.Call(ExitMethod)));
        }

        return body == lambda.Body ? lambda : (TLambda)Expression.Lambda(lambda.Type, body, lambda.Name, lambda.TailCall, lambda.Parameters);
    }

    protected override Expression VisitLambda<T>(Expression<T> node)
    {
        // A nested lambda (a LINQ callback): each call is a tick.
        _loops = true;
        var body = Visit(node.Body)!;
        return Expression.Lambda<T>(Expression.Block(body.Type, Expression.Call(TickMethod), body), node.Name, node.TailCall, node.Parameters);
    }

    protected override Expression VisitMethodCall(MethodCallExpression node)
    {
        var target = Visit(node.Object);
        var parameters = node.Method.GetParameters();
        var arguments = node.Arguments.Select((a, i) => Counted(Visit(a)!, parameters[i].ParameterType)).ToArray();
        var method = node.Method;
        if (method.DeclaringType == typeof(string))
        {
            if (Bounded(method, target, arguments) is { } bounded)
            {
                return bounded;
            }

            if (method.Name is nameof(string.Concat) or nameof(string.Insert) or nameof(string.Format) && method.ReturnType == typeof(string))
            {
                if (method.Name == nameof(string.Format))
                {
                    arguments[0] = arguments[0].Type == typeof(string) ? Expression.Call(FormatMethod, arguments[0]) : arguments[0];
                }

                return Expression.Call(TextMethod, node.Update(target, arguments));
            }
        }

        if (method.Name == nameof(ToString) && method.ReturnType == typeof(string))
        {
            for (var i = 0; i < parameters.Length; i++)
            {
                if (parameters[i].ParameterType == typeof(string) && parameters[i].Name == "format")
                {
                    arguments[i] = Expression.Call(FormatMethod, arguments[i]);
                }
            }
        }

        return node.Update(target, arguments);
    }

    protected override Expression VisitBinary(BinaryExpression node)
    {
        var visited = base.VisitBinary(node);
        return visited is BinaryExpression { NodeType: ExpressionType.Add, Method.DeclaringType: var declaring } && declaring == typeof(string)
            ? Expression.Call(TextMethod, visited)
            : visited;
    }

    protected override Expression VisitNew(NewExpression node)
    {
        if (node.Constructor is null)
        {
            return base.VisitNew(node);
        }

        var parameters = node.Constructor.GetParameters();
        return node.Update(node.Arguments.Select((a, i) => Counted(Visit(a)!, parameters[i].ParameterType)));
    }

    /// <summary>The string members whose result can dwarf their inputs, replaced by their bounded versions.</summary>
    private MethodCallExpression? Bounded(MethodInfo method, Expression? target, Expression[] arguments)
    {
        var types = method.GetParameters().Select(p => p.ParameterType).ToArray();
        switch (method.Name)
        {
            case nameof(string.PadLeft) or nameof(string.PadRight) when target is not null:
            case nameof(string.Replace) when target is not null && types.Length >= 2 && types[0] == typeof(string) && (types.Length == 2 || types[2] == typeof(StringComparison)):
                var bounded = typeof(BoundedOperations).GetMethod(method.Name, [typeof(string), .. types])!;
                return Expression.Call(bounded, [target, .. arguments]);
            case nameof(string.Join) or nameof(string.Concat) when target is null && arguments.Length == (method.Name == nameof(string.Join) ? 2 : 1)
                && types[^1] != typeof(string) && typeof(IEnumerable).IsAssignableFrom(types[^1]):
                _loops = true;
                var separator = method.Name == nameof(string.Join)
                    ? arguments[0].Type == typeof(char) ? Expression.Call(arguments[0], typeof(char).GetMethod(nameof(ToString), Type.EmptyTypes)!) : arguments[0]
                    : Expression.Constant(string.Empty);
                return Expression.Call(JoinMethod, separator, Expression.Convert(arguments[^1], typeof(IEnumerable)));
            default:
                return null;
        }
    }

    /// <summary>A computed sequence passed on (to Count, ToList, string.Join...) is counted item by item.</summary>
    private Expression Counted(Expression argument, Type parameterType)
    {
        if (!IsComputedSequence(argument) || SequenceElement(parameterType) is not { } element || !parameterType.IsGenericType
            || parameterType.GetGenericTypeDefinition() != typeof(IEnumerable<>))
        {
            return argument;
        }

        _loops = true;
        var source = argument is UnaryExpression { NodeType: ExpressionType.Convert } convert ? convert.Operand : argument;
        return Expression.Call(ItemsMethod.MakeGenericMethod(element), source.Type == parameterType ? source : Expression.Convert(source, parameterType));
    }

    /// <summary>A method's result typed as an interface sequence (a LINQ operator's lazy result), not a data collection.</summary>
    private static bool IsComputedSequence(Expression expression)
    {
        var inner = expression is UnaryExpression { NodeType: ExpressionType.Convert } convert ? convert.Operand : expression;
        return inner is MethodCallExpression call && call.Type.IsInterface && call.Type != typeof(string) && SequenceElement(call.Type) is not null;
    }

    private static Type? SequenceElement(Type type)
    {
        if (type.IsGenericType && type.GetGenericTypeDefinition() == typeof(IEnumerable<>))
        {
            return type.GetGenericArguments()[0];
        }

        return type.GetInterfaces().FirstOrDefault(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IEnumerable<>))?.GetGenericArguments()[0];
    }
}
