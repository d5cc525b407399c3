namespace OrderToCash.IntegrationTests.Architecture;

/// <summary>
/// The rule that keeps src/OrderToCash.Core's tree (ADR 0130): its folders depend one way, and the engine's storage is
/// the engine's own. Read from the compiled assemblies, so a dependency hidden in a method body counts too.
/// </summary>
public sealed class CoreFolderTests
{
    /// <summary>
    /// The cycles between Core folders that are known and being removed: this list may only shrink. A fix that breaks a
    /// cycle takes it off; a new cycle fails the test.
    /// </summary>
    private static readonly string[][] KnownCycles =
    [
        ["Credit", "Documents", "Dunning", "Invoicing", "Orders", "Payments"],
    ];

    private const string StorageNamespace = "OrderToCash.Engine.Durable.Storage";

    [Fact]
    public void Core_folders_depend_one_way_apart_from_the_known_cycles()
    {
        var graph = CoreFolderGraph.Read(typeof(Core.Money).Assembly.Location);

        var cycles = graph.Cycles();

        var unknown = cycles.Where(c => !KnownCycles.Any(k => k.Order().SequenceEqual(c))).ToList();
        unknown.Should().BeEmpty(
            "Core folders depend one way (ADR 0130); these folders depend on each other:\n{0}",
            string.Join("\n", unknown.Select(graph.Explain)));
        var gone = KnownCycles.Where(k => !cycles.Any(c => c.SequenceEqual(k.Order()))).Select(k => string.Join(", ", k.Order())).ToList();
        gone.Should().BeEmpty("a known cycle that no longer exists comes off CoreFolderTests.KnownCycles");
    }

    [Fact]
    public void The_root_of_Core_depends_on_no_folder()
    {
        var graph = CoreFolderGraph.Read(typeof(Core.Money).Assembly.Location);

        graph.Edges.Where(e => e.From == CoreFolderGraph.Root).Select(e => $"{e.FromType} -> {e.ToType}").Should().BeEmpty(
            "the root of Core holds the shared kernel (Money, FrenchFormat, the shipped content) that every folder may use");
    }

    [Fact]
    public void Only_the_engine_uses_its_storage()
    {
        var assemblies = new[] { "OrderToCash.Core", "OrderToCash.Host", "o2c" };

        var users = assemblies
            .SelectMany(a => TypeDependencies.Of(Path.Combine(AppContext.BaseDirectory, a + ".dll")))
            .Where(d => TypeDependencies.NamespaceOf(d.To).StartsWith(StorageNamespace, StringComparison.Ordinal))
            .Select(d => d.From)
            .Distinct()
            .Order(StringComparer.Ordinal)
            .ToList();

        users.Should().BeEmpty($"only the engine reads and writes {StorageNamespace}; use the runtime's API and its read models (WorkflowQueries, UserTask, WorkflowInstance; ADR 0130)");
    }
}
