namespace OrderToCash.IntegrationTests.Architecture;

/// <summary>
/// Core's folders and the dependencies between them. A folder is a namespace's first name under OrderToCash.Core
/// (Orders, Invoicing, Demo...), except under Infrastructure, where each sub-folder (Persistence, Hosting...) counts on
/// its own: the composition root and the rule catalog above the features, the database and the scheduler below them.
/// </summary>
internal sealed class CoreFolderGraph
{
    public const string Root = "(root)";
    private const string CoreNamespace = "OrderToCash.Core";

    private CoreFolderGraph(IReadOnlyList<Edge> edges) => Edges = edges;

    public IReadOnlyList<Edge> Edges { get; }

    public static CoreFolderGraph Read(string coreAssemblyPath) => new(
        [.. TypeDependencies.Of(coreAssemblyPath)
            .Select(d => new Edge(FolderOf(d.From), FolderOf(d.To), d.From, d.To))
            .Where(e => e.From is not null && e.To is not null && e.From != e.To)]);

    public static string? FolderOf(string typeName)
    {
        var ns = TypeDependencies.NamespaceOf(typeName);
        if (ns == CoreNamespace)
        {
            return Root;
        }

        if (!ns.StartsWith(CoreNamespace + ".", StringComparison.Ordinal))
        {
            return null;
        }

        var names = ns[(CoreNamespace.Length + 1)..].Split('.');
        return names[0] == "Infrastructure" && names.Length > 1 ? $"Infrastructure.{names[1]}" : names[0];
    }

    /// <summary>The groups of folders that depend on each other (strongly connected, two or more), each sorted.</summary>
    public IReadOnlyList<string[]> Cycles()
    {
        var next = Edges.GroupBy(e => e.From!).ToDictionary(g => g.Key, g => g.Select(e => e.To!).Distinct().ToList());
        var folders = Edges.SelectMany(e => new[] { e.From!, e.To! }).Distinct().Order(StringComparer.Ordinal).ToList();
        // Tarjan's strongly connected components.
        var index = new Dictionary<string, int>();
        var low = new Dictionary<string, int>();
        var stack = new Stack<string>();
        var cycles = new List<string[]>();
        void Visit(string folder)
        {
            index[folder] = low[folder] = index.Count;
            stack.Push(folder);
            foreach (var to in next.GetValueOrDefault(folder) ?? [])
            {
                if (!index.TryGetValue(to, out var seen))
                {
                    Visit(to);
                    low[folder] = Math.Min(low[folder], low[to]);
                }
                else if (stack.Contains(to))
                {
                    low[folder] = Math.Min(low[folder], seen);
                }
            }

            if (low[folder] == index[folder])
            {
                var component = new List<string>();
                string member;
                do
                {
                    member = stack.Pop();
                    component.Add(member);
                }
                while (member != folder);
                if (component.Count > 1)
                {
                    cycles.Add([.. component.Order(StringComparer.Ordinal)]);
                }
            }
        }

        folders.Where(f => !index.ContainsKey(f)).ToList().ForEach(Visit);
        return cycles;
    }

    /// <summary>A cycle's folders and, for each dependency inside it, the types that make it.</summary>
    public string Explain(string[] cycle) => $"[{string.Join(", ", cycle)}]\n" + string.Join("\n", Edges
        .Where(e => cycle.Contains(e.From) && cycle.Contains(e.To))
        .GroupBy(e => (e.From, e.To))
        .OrderBy(g => g.Key.From, StringComparer.Ordinal).ThenBy(g => g.Key.To, StringComparer.Ordinal)
        .Select(g => $"  {g.Key.From} -> {g.Key.To}: {string.Join("; ", g.Select(e => $"{Short(e.FromType)} uses {Short(e.ToType)}").Order(StringComparer.Ordinal).Take(4))}"));

    private static string Short(string typeName) => typeName.StartsWith(CoreNamespace + ".", StringComparison.Ordinal) ? typeName[(CoreNamespace.Length + 1)..] : typeName;

    public sealed record Edge(string? From, string? To, string FromType, string ToType);
}
