namespace OrderToCash.IntegrationTests.Infrastructure;

/// <summary>Finds the server binaries of Debian's <c>postgresql</c> package (initdb, pg_ctl).</summary>
internal static class PostgresInstallation
{
    public const string RequireVariable = "O2C_REQUIRE_POSTGRES";

    public const string InstallHint = "PostgreSQL is not installed: run 'sudo apt-get install -y postgresql' (Debian), or set O2C_PG_BINDIR to the folder holding initdb and pg_ctl.";

    public static bool Required => Environment.GetEnvironmentVariable(RequireVariable) == "1";

    /// <summary>The folder holding initdb and pg_ctl, or null when PostgreSQL is not installed.</summary>
    public static string? BinDirectory { get; } = Find();

    private static string? Find()
    {
        var configured = Environment.GetEnvironmentVariable("O2C_PG_BINDIR");
        if (!string.IsNullOrEmpty(configured))
        {
            return HasServer(configured) ? configured : null;
        }

        // Debian installs versioned servers side by side; take the newest.
        const string debianRoot = "/usr/lib/postgresql";
        if (Directory.Exists(debianRoot))
        {
            var newest = Directory.EnumerateDirectories(debianRoot)
                .Select(d => Path.Combine(d, "bin"))
                .Where(HasServer)
                .OrderByDescending(d => int.TryParse(Path.GetFileName(Path.GetDirectoryName(d)), out var v) ? v : 0)
                .FirstOrDefault();
            if (newest is not null)
            {
                return newest;
            }
        }

        return (Environment.GetEnvironmentVariable("PATH") ?? string.Empty)
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .FirstOrDefault(HasServer);
    }

    private static bool HasServer(string directory) =>
        File.Exists(Path.Combine(directory, "initdb")) && File.Exists(Path.Combine(directory, "pg_ctl"));
}
