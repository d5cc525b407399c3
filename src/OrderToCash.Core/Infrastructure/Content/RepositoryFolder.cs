namespace OrderToCash.Core.Infrastructure.Content;

/// <summary>Finds a folder of the repository (rules/, workflows/) from where a process runs, as in development.</summary>
public static class RepositoryFolder
{
    /// <summary><paramref name="name"/> in <paramref name="start"/> or the nearest parent that has one; null when none does.</summary>
    public static string? FindUpwards(string start, string name)
    {
        for (var directory = new DirectoryInfo(start); directory is not null; directory = directory.Parent)
        {
            var candidate = Path.Combine(directory.FullName, name);
            if (Directory.Exists(candidate))
            {
                return candidate;
            }
        }

        return null;
    }
}
