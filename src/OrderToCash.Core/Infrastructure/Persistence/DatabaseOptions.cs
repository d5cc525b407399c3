namespace OrderToCash.Core.Infrastructure.Persistence;

/// <summary>The <c>Database</c> configuration section.</summary>
public sealed class DatabaseOptions
{
    public const string SectionName = "Database";

    public DatabaseProvider Provider { get; set; } = DatabaseProvider.Sqlite;

    /// <summary>Empty means the embedded default: a SQLite file under the user's local application data.</summary>
    public string? ConnectionString { get; set; }

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
