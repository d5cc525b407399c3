using System.Linq.Expressions;
using System.Text.RegularExpressions;

namespace OrderToCash.Engine.Rules.Inputs;

/// <summary>
/// Refuses an expression that reads an input field the rule set does not declare, naming the field, the parameter and
/// the fields declared (<c>'order.Amunt' is not a declared input of 'order' (declared: Amount, Currency)</c>). The text
/// is read before parsing (the paths from an input, <c>order.Customer.Country</c>); the parsed tree is checked too,
/// because the expression parser would otherwise read an unknown member of a declared object through its indexer.
/// </summary>
public static partial class DeclaredFieldCheck
{
    /// <summary>The first undeclared path read by <paramref name="expression"/>, or null.</summary>
    public static string? FindInText(string? expression, InputDeclaration declaration, IReadOnlyCollection<string> shadowing)
    {
        ArgumentNullException.ThrowIfNull(declaration);
        ArgumentNullException.ThrowIfNull(shadowing);
        if (string.IsNullOrEmpty(expression))
        {
            return null;
        }

        var text = StringLiteral().Replace(expression, m => new string(' ', m.Length));
        var lambdas = LambdaParameter().Matches(text).Select(m => m.Groups[1].Value).ToHashSet(StringComparer.OrdinalIgnoreCase);
        foreach (Match chain in Chain().Matches(text))
        {
            var segments = chain.Groups["path"].Value.Split('.', StringSplitOptions.TrimEntries);
            if (lambdas.Contains(segments[0]) || shadowing.Contains(segments[0], StringComparer.OrdinalIgnoreCase)
                || declaration.Find(segments[0]) is not { } current)
            {
                continue;
            }

            // The last segment is a method when a call follows (order.Lines.Any(...)): only fields are looked up.
            var fields = chain.Groups["call"].Success ? segments.Length - 1 : segments.Length;
            var path = current.Name;
            for (var i = 1; i < fields && current.Type.Kind == InputKind.Object; i++)
            {
                if (current.Find(segments[i]) is not { } next)
                {
                    return NotDeclared($"{path}.{segments[i]}", path, current);
                }

                current = next;
                path = $"{path}.{next.Name}";
            }
        }

        return null;
    }

    /// <summary>A member of a declared object read through its indexer, i.e. one the declaration lacks; or null.</summary>
    public static string? FindInTree(Expression expression)
    {
        var finder = new IndexerFinder();
        finder.Visit(expression);
        return finder.Found is { } found ? $"'{found.Name}' is not a declared field of the input it is read from (declared: {string.Join(", ", found.Declared)})" : null;
    }

    private static string NotDeclared(string path, string owner, InputField declared) =>
        $"'{path}' is not a declared input of '{owner}' (declared: {string.Join(", ", declared.Type.Fields!.Select(f => f.Name))})";

    private sealed class IndexerFinder : ExpressionVisitor
    {
        public (string Name, IReadOnlyList<string> Declared)? Found { get; private set; }

        protected override Expression VisitIndex(IndexExpression node)
        {
            Check(node.Object, node.Arguments);
            return base.VisitIndex(node);
        }

        protected override Expression VisitMethodCall(MethodCallExpression node)
        {
            if (node.Method.Name == "get_Item")
            {
                Check(node.Object, node.Arguments);
            }

            return base.VisitMethodCall(node);
        }

        private void Check(Expression? owner, System.Collections.ObjectModel.ReadOnlyCollection<Expression> arguments)
        {
            if (Found is null && owner is not null && DeclaredInputTypes.IsDeclared(owner.Type))
            {
                var name = arguments.Count == 1 && arguments[0] is ConstantExpression { Value: string s } ? s : "?";
                var declared = owner.Type.GetProperties().Where(p => p.GetIndexParameters().Length == 0).Select(p => p.Name).ToList();
                Found = (name, declared);
            }
        }
    }

    [GeneratedRegex("\"(?:[^\"\\\\]|\\\\.)*\"|'(?:[^'\\\\]|\\\\.)*'")]
    private static partial Regex StringLiteral();

    /// <summary><c>a.b.c</c> not itself after a dot or a word, optionally followed by a call.</summary>
    [GeneratedRegex(@"(?<![\w.])(?<path>[A-Za-z_]\w*(?:\s*\.\s*[A-Za-z_]\w*)+)(?<call>\s*\()?")]
    private static partial Regex Chain();

    [GeneratedRegex(@"([A-Za-z_]\w*)\s*=>")]
    private static partial Regex LambdaParameter();
}
