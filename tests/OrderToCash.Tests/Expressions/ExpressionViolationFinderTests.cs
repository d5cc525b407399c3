using System.Linq.Expressions;
using System.Reflection;
using OrderToCash.Engine.Expressions;

namespace OrderToCash.Tests.Expressions;

/// <summary>
/// Trees built by hand, as a caller that parsed with RulesEngine itself (or a buggy parser) could hand us:
/// the finder must refuse them even though no expression text would produce them.
/// </summary>
public sealed class ExpressionViolationFinderTests
{
    public static IEnumerable<object[]> HostileTrees()
    {
        yield return Case(
            Expression.Call(typeof(File).GetMethod(nameof(File.ReadAllText), [typeof(string)])!, Expression.Constant("/etc/passwd")),
            "calls System.IO.File.ReadAllText, which is not an allowed type");
        yield return Case(Expression.Constant(typeof(File)), "holds the type System.IO.File as a value");
        yield return Case(Expression.New(typeof(System.Diagnostics.Process)), "creates a System.Diagnostics.Process, which is not an allowed type");
        yield return Case(
            Expression.Call(typeof(System.Diagnostics.Process).GetMethod(nameof(System.Diagnostics.Process.Start), [typeof(string)])!, Expression.Constant("sh")),
            "calls System.Diagnostics.Process.Start");
        yield return Case(
            Expression.Call(typeof(Environment).GetMethod(nameof(Environment.GetEnvironmentVariable), [typeof(string)])!, Expression.Constant("HOME")),
            "calls System.Environment.GetEnvironmentVariable, which is not an allowed type");
        yield return Case(
            Expression.Call(typeof(Activator).GetMethod(nameof(Activator.CreateInstance), [typeof(Type)])!, Expression.Constant(typeof(object))),
            "calls System.Activator.CreateInstance");
        yield return Case(Expression.Property(null, typeof(AppDomain), nameof(AppDomain.CurrentDomain)), "reads System.AppDomain.CurrentDomain, which is not an allowed type");
        yield return Case(
            Expression.Call(typeof(Assembly).GetMethod(nameof(Assembly.Load), [typeof(string)])!, Expression.Constant("x")),
            "calls System.Reflection.Assembly.Load");
        yield return Case(Expression.Invoke(Expression.Constant(new Func<int>(() => 1))), "invokes a delegate");
        yield return Case(Expression.Convert(Expression.Constant(null, typeof(object)), typeof(FileInfo)), "converts to System.IO.FileInfo");
        yield return Case(Expression.TypeIs(Expression.Constant("x", typeof(object)), typeof(System.Diagnostics.Process)), "tests for System.Diagnostics.Process");
        var local = Expression.Variable(typeof(int), "i");
        yield return Case(Expression.Block([local], Expression.Assign(local, Expression.Constant(1))), "uses a Block expression");
        yield return Case(
            Expression.Lambda(Expression.Constant(true), Expression.Parameter(typeof(Type), "t")),
            "uses the parameter 't' of System.Type, which is not an allowed type");
        yield return Case(
            Expression.Property(null, typeof(DateTimeOffset), "UtcNow"),
            "reads System.DateTimeOffset.UtcNow, which is not allowed");
        yield return Case(
            Expression.Call(Expression.Parameter(typeof(List<int>), "items"), typeof(List<int>).GetMethod(nameof(List<int>.Remove))!, Expression.Constant(3)),
            "calls System.Collections.Generic.List<System.Int32>.Remove, which is not allowed");
        yield return Case(
            Expression.Call(Expression.Constant("x"), typeof(object).GetMethod(nameof(GetType))!),
            "calls System.Object.GetType, which is not allowed: it opens reflection");
    }

    [Theory]
    [MemberData(nameof(HostileTrees))]
    public void A_hostile_tree_is_refused_with_a_precise_reason(Expression tree, string reason)
    {
        var violations = ExpressionViolationFinder.Find(tree, ExpressionTypePolicy.Default);

        violations.Should().Contain(v => v.Reason.Contains(reason, StringComparison.Ordinal));
    }

    [Fact]
    public void A_safe_lambda_has_no_violation()
    {
        var amount = Expression.Parameter(typeof(decimal), "amount");
        var tree = Expression.Lambda<Func<decimal, bool>>(Expression.GreaterThan(amount, Expression.Constant(10m)), amount);

        ExpressionViolationFinder.Find(tree, ExpressionTypePolicy.Default).Should().BeEmpty();
    }

    [Fact]
    public void A_generic_list_of_a_forbidden_type_is_refused()
    {
        ExpressionTypePolicy.Default.IsAllowed(typeof(List<FileInfo>)).Should().BeFalse();
        ExpressionTypePolicy.Default.IsAllowed(typeof(Dictionary<string, List<decimal?>>)).Should().BeTrue();
    }

    private static object[] Case(Expression tree, string reason) => [tree, reason];
}
