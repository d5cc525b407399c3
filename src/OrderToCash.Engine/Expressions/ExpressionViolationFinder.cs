using System.Linq.Expressions;
using System.Reflection;

namespace OrderToCash.Engine.Expressions;

/// <summary>
/// Walks an expression tree (typically the <see cref="LambdaExpression"/> produced by RulesEngine's expression parser)
/// and reports every node that reaches outside the <see cref="ExpressionTypePolicy"/>: members, methods, constructors,
/// conversions, constants of unsafe types (Type, MemberInfo, delegates), delegate invocations and statement nodes.
/// It is the sandbox's single gate: the workflow validator and the rules validator both call it on parsed trees.
/// </summary>
public static class ExpressionViolationFinder
{
    /// <summary>All violations in <paramref name="expression"/>, in tree order, without duplicates; empty when it is safe.</summary>
    public static IReadOnlyList<ExpressionViolation> Find(Expression expression, ExpressionTypePolicy policy)
    {
        ArgumentNullException.ThrowIfNull(expression);
        ArgumentNullException.ThrowIfNull(policy);
        var walker = new Walker(policy);
        walker.Visit(expression);
        return walker.Violations;
    }

    private sealed class Walker(ExpressionTypePolicy policy) : ExpressionVisitor
    {
        private readonly List<ExpressionViolation> _violations = [];
        private readonly HashSet<string> _seen = new(StringComparer.Ordinal);

        public IReadOnlyList<ExpressionViolation> Violations => _violations;

        public override Expression? Visit(Expression? node)
        {
            if (node is null)
            {
                return null;
            }

            switch (node.NodeType)
            {
                case ExpressionType.Assign or ExpressionType.AddAssign or ExpressionType.SubtractAssign
                    or ExpressionType.MultiplyAssign or ExpressionType.DivideAssign or ExpressionType.ModuloAssign
                    or ExpressionType.PreIncrementAssign or ExpressionType.PostIncrementAssign
                    or ExpressionType.PreDecrementAssign or ExpressionType.PostDecrementAssign
                    or ExpressionType.AndAssign or ExpressionType.OrAssign or ExpressionType.ExclusiveOrAssign
                    or ExpressionType.PowerAssign or ExpressionType.LeftShiftAssign or ExpressionType.RightShiftAssign
                    or ExpressionType.AddAssignChecked or ExpressionType.SubtractAssignChecked or ExpressionType.MultiplyAssignChecked
                    or ExpressionType.Block or ExpressionType.Loop or ExpressionType.Goto or ExpressionType.Label
                    or ExpressionType.Try or ExpressionType.Throw or ExpressionType.Switch or ExpressionType.Dynamic
                    or ExpressionType.Extension or ExpressionType.RuntimeVariables or ExpressionType.DebugInfo
                    or ExpressionType.Quote:
                    Report($"uses a {node.NodeType} expression, which is not allowed: expressions compute values, they do not run statements");
                    return node;
                default:
                    return base.Visit(node);
            }
        }

        protected override Expression VisitMember(MemberExpression node)
        {
            CheckMember(node.Member, "reads");
            CheckResultType(node.Type, $"reads {MemberName(node.Member)}");
            return base.VisitMember(node);
        }

        protected override Expression VisitMethodCall(MethodCallExpression node)
        {
            CheckMethod(node.Method);
            return base.VisitMethodCall(node);
        }

        protected override Expression VisitNew(NewExpression node)
        {
            var type = node.Constructor?.DeclaringType ?? node.Type;
            if (!policy.IsAllowed(type))
            {
                Report($"creates a {TypeNames.Describe(type)}, which is not an allowed type");
            }

            return base.VisitNew(node);
        }

        protected override Expression VisitNewArray(NewArrayExpression node)
        {
            CheckType(node.Type, "creates an array of");
            return base.VisitNewArray(node);
        }

        protected override Expression VisitConstant(ConstantExpression node)
        {
            switch (node.Value)
            {
                case Type type:
                    Report($"holds the type {TypeNames.Describe(type)} as a value, which is not allowed: types are reflection");
                    break;
                case MemberInfo or Assembly or Module or Delegate:
                    Report($"holds a {TypeNames.Describe(node.Value.GetType())} as a value, which is not an allowed type");
                    break;
                case null:
                    break;
                default:
                    CheckType(node.Value.GetType(), "holds a constant of");
                    break;
            }

            return base.VisitConstant(node);
        }

        protected override Expression VisitUnary(UnaryExpression node)
        {
            if (node.NodeType is ExpressionType.Convert or ExpressionType.ConvertChecked or ExpressionType.TypeAs or ExpressionType.Unbox)
            {
                CheckType(node.Type, "converts to");
            }

            if (node.Method is not null)
            {
                CheckMethod(node.Method);
            }

            return base.VisitUnary(node);
        }

        protected override Expression VisitBinary(BinaryExpression node)
        {
            if (node.Method is not null)
            {
                CheckMethod(node.Method);
            }

            return base.VisitBinary(node);
        }

        protected override Expression VisitTypeBinary(TypeBinaryExpression node)
        {
            CheckType(node.TypeOperand, "tests for");
            return base.VisitTypeBinary(node);
        }

        protected override Expression VisitInvocation(InvocationExpression node)
        {
            // Invoking an inline lambda is harmless; invoking a delegate value runs code we cannot see.
            if (node.Expression is not LambdaExpression)
            {
                Report($"invokes a delegate of type {TypeNames.Describe(node.Expression.Type)}, which is not allowed");
            }

            return base.VisitInvocation(node);
        }

        protected override Expression VisitParameter(ParameterExpression node)
        {
            CheckType(node.Type, $"uses the parameter '{node.Name}' of");
            return base.VisitParameter(node);
        }

        protected override Expression VisitIndex(IndexExpression node)
        {
            if (node.Indexer is not null)
            {
                CheckMember(node.Indexer, "indexes");
            }

            return base.VisitIndex(node);
        }

        protected override MemberBinding VisitMemberBinding(MemberBinding node)
        {
            CheckMember(node.Member, "sets");
            return base.VisitMemberBinding(node);
        }

        protected override ElementInit VisitElementInit(ElementInit node)
        {
            CheckMethod(node.AddMethod);
            return base.VisitElementInit(node);
        }

        private void CheckMethod(MethodInfo method)
        {
            CheckMember(method, "calls");
            if (method.IsGenericMethod)
            {
                foreach (var argument in method.GetGenericArguments())
                {
                    CheckType(argument, $"calls {MemberName(method)} with");
                }
            }

            if (method.ReturnType != typeof(void))
            {
                CheckResultType(method.ReturnType, $"calls {MemberName(method)}");
            }
        }

        private void CheckMember(MemberInfo member, string verb)
        {
            var declaring = member.DeclaringType;
            if (declaring is null || !policy.IsAllowed(declaring))
            {
                Report($"{verb} {MemberName(member)}, which is not an allowed type");
            }
            else if (ExpressionTypePolicy.IsForbiddenMember(member))
            {
                Report($"{verb} {MemberName(member)}, which is not allowed{ForbiddenReason(member)}");
            }
        }

        private void CheckResultType(Type type, string what)
        {
            if (type != typeof(void) && !policy.IsAllowed(type))
            {
                Report($"{what}, which yields a {TypeNames.Describe(type)}, which is not an allowed type");
            }
        }

        private void CheckType(Type type, string what)
        {
            if (!policy.IsAllowed(type))
            {
                Report($"{what} {TypeNames.Describe(type)}, which is not an allowed type");
            }
        }

        private static string ForbiddenReason(MemberInfo member) => member.DeclaringType == typeof(DateTime) || member.DeclaringType == typeof(DateTimeOffset)
            ? ": the clock must come from the workflow's variables so that decisions can be replayed"
            : member.Name == nameof(GetType) ? ": it opens reflection" : string.Empty;

        private static string MemberName(MemberInfo member)
        {
            var name = member.Name;
            if (member is MethodInfo { IsSpecialName: true } && (name.StartsWith("get_", StringComparison.Ordinal) || name.StartsWith("set_", StringComparison.Ordinal)))
            {
                name = name[4..];
            }

            return member.DeclaringType is null ? name : $"{TypeNames.Describe(member.DeclaringType)}.{name}";
        }

        private void Report(string reason)
        {
            if (_seen.Add(reason))
            {
                _violations.Add(new ExpressionViolation(reason));
            }
        }
    }
}
