namespace OrderToCash.Core.Infrastructure.Persistence;

/// <summary>The <c>Database</c> configuration section.</summary>
public sealed class DatabaseOptions
{
    public const string SectionName = "Database";

    public DatabaseProvider Provider { get; set; } = DatabaseProvider.Sqlite;

    /// <summary>Empty means the embedded default: a SQLite file under the user's local application data.</summary>
    public string? ConnectionString { get; set; }

    /// <summary>
    /// When a SQLite commit is on disk: Full (default) at the commit, so a committed step survives a power loss; Normal
    /// at the next checkpoint, so a commit survives the process's crash but not the machine's. Only a run that starts
    /// from an empty database and is re-run rather than resumed sets Normal: the simulation (ADR 0138).
    /// </summary>
    public SqliteSynchronous SqliteSynchronous { get; set; } = SqliteSynchronous.Full;

    /// <summary>Apply pending migrations when the host starts (on by default so the run command needs no set-up).</summary>
    public bool MigrateOnStart { get; set; } = true;

    /// <summary>The SQLite file used when nothing is configured, shared by the host and the CLI.</summary>
    public static string DefaultSqlitePath =>
        Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData, Environment.SpecialFolderOption.Create), "OrderToCash", "ordertocash.db");

    public string ResolveConnectionString()
    {
        if (!string.IsNullOrWhiteSpace(ConnectionString))
        {
            return ConnectionString;
        }

        if (Provider != DatabaseProvider.Sqlite)
        {
            throw new InvalidOperationException(
                $"Database:ConnectionString is required when Database:Provider is {Provider}. See appsettings.samples/appsettings.{Provider}.json.");
        }

        return $"Data Source={DefaultSqlitePath}";
    }
}
