using System.Linq.Dynamic.Core.Exceptions;
using System.Linq.Expressions;
using RulesEngine.ExpressionBuilders;
using RulesEngine.Models;

namespace OrderToCash.Engine.Expressions;

/// <summary>
/// Parses expression text with RulesEngine's expression language (System.Linq.Dynamic.Core lambdas) and checks the
/// tree against the <see cref="ExpressionTypePolicy"/>. This runs at publish (validation) time; the compiled delegate
/// is cached in the execution plan, so nothing is parsed while instances run.
/// </summary>
public sealed class SandboxedExpressionParser
{
    private readonly RuleExpressionParser _parser;

    public SandboxedExpressionParser(ExpressionTypePolicy policy)
    {
        Policy = policy ?? throw new ArgumentNullException(nameof(policy));
        _parser = new RuleExpressionParser(new ReSettings { CustomTypes = [.. policy.ModelTypes] });
    }

    public ExpressionTypePolicy Policy { get; }

    /// <summary>
    /// Parses <paramref name="text"/> over <paramref name="parameters"/>. When <paramref name="resultType"/> is given the
    /// expression must yield it (numbers are widened as C# would); otherwise its natural type is kept.
    /// </summary>
    public ParsedExpression Parse(string text, IReadOnlyList<ExpressionParameter> parameters, Type? resultType = null)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        if (string.IsNullOrWhiteSpace(text))
        {
            return Refused(text ?? string.Empty, "the expression is empty");
        }

        if (ExpressionLimits.CheckText(text) is { } tooBig)
        {
            return Refused(text, tooBig);
        }

        // Variables of types outside the policy stay invisible: an expression that does not mention them is fine,
        // one that does is refused with the variable's type as the reason.
        var hidden = parameters.Where(p => !Policy.IsAllowed(p.Type)).ToList();
        var declared = parameters.Where(p => Policy.IsAllowed(p.Type)).Select(p => Expression.Parameter(p.Type, p.Name)).ToArray();
        Expression body;
        try
        {
            body = _parser.Parse(text, declared, resultType);
        }
        catch (ParseException ex)
        {
            var unusable = hidden.Find(h => ex.Message.Contains($"'{h.Name}'", StringComparison.OrdinalIgnoreCase));
            return unusable is not null
                ? Refused(text, $"the variable '{unusable.Name}' is a {TypeNames.Describe(unusable.Type)}, which is not an allowed type")
                : Refused(text, $"it does not compile: {ex.Message} (at character {ex.Position + 1})");
        }
#pragma warning disable CA1031 // Dynamic.Core reports some errors as framework exceptions (e.g. AmbiguousMatchException): any failure to parse is a refusal, never a crash of the validator.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            return Refused(text, $"it does not compile: {ex.Message}");
        }

        if (resultType is not null && body.Type != resultType)
        {
            if (!IsConvertible(body.Type, resultType))
            {
                return Refused(text, $"it yields a {TypeNames.Describe(body.Type)} where a {TypeNames.Describe(resultType)} is expected");
            }

            body = Expression.Convert(body, resultType);
        }

        var used = ParameterCollector.Collect(body, declared);
        var lambda = Expression.Lambda(body, used);
        var violations = ExpressionViolationFinder.Find(lambda, Policy);
        if (violations.Count > 0)
        {
            return new ParsedExpression(text, null, [], [.. violations.Select(v => v.Reason)]);
        }

        var usedParameters = used.Select(p => parameters.First(d => d.Name == p.Name && d.Type == p.Type)).ToArray();
        return new ParsedExpression(text, lambda, usedParameters, []);
    }

    private static bool IsConvertible(Type from, Type to) =>
        to.IsAssignableFrom(from) || (Nullable.GetUnderlyingType(to) ?? to).IsAssignableFrom(Nullable.GetUnderlyingType(from) ?? from);

    private static ParsedExpression Refused(string text, string reason) => new(text, null, [], [reason]);

    private sealed class ParameterCollector(IReadOnlyList<ParameterExpression> declared) : ExpressionVisitor
    {
        private readonly HashSet<ParameterExpression> _used = [];

        public static ParameterExpression[] Collect(Expression body, IReadOnlyList<ParameterExpression> declared)
        {
            var collector = new ParameterCollector(declared);
            collector.Visit(body);
            return [.. declared.Where(collector._used.Contains)];
        }

        protected override Expression VisitParameter(ParameterExpression node)
        {
            if (declared.Contains(node))
            {
                _used.Add(node);
            }

            return base.VisitParameter(node);
        }
    }
}
