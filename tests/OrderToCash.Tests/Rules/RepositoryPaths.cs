namespace OrderToCash.Tests.Rules;

/// <summary>The repository root (the folder holding OrderToCash.sln), found from the test binaries upwards.</summary>
internal static class RepositoryPaths
{
    public static string Root { get; } = FindRoot();

    public static string Rules => Path.Combine(Root, "rules");

    /// <summary>../shared/conformance/rulesengine beside the repository (read in place, never copied).</summary>
    public static string RulesEngineConformance => Path.GetFullPath(Path.Combine(Root, "..", "shared", "conformance", "rulesengine"));

    private static string FindRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "OrderToCash.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("OrderToCash.sln not found above " + AppContext.BaseDirectory);
    }
}
