namespace OrderToCash.TestSupport;

/// <summary>
/// The repository root (the folder holding OrderToCash.sln), found from the test binaries upwards, and the folders tests
/// read from it (../shared beside it: <see cref="SharedConformance"/>). Linked into every test project.
/// </summary>
internal static class RepositoryPaths
{
    public static string Root { get; } = FindRoot();

    public static string Rules => Path.Combine(Root, "rules");

    public static string Workflows => Path.Combine(Root, "workflows");

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
