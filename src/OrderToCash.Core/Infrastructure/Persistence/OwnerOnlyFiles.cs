using Microsoft.Data.Sqlite;

namespace OrderToCash.Core.Infrastructure.Persistence;

/// <summary>
/// Files at rest readable by their owner only (0600, folders 0700): the SQLite database and its WAL/SHM files, the
/// outbox, the demo credentials. SQLite gives its -wal, -shm and -journal files the mode of the database file, so the
/// file is created 0600 before SQLite opens it; an existing one is narrowed at start.
/// </summary>
public static class OwnerOnlyFiles
{
    public const UnixFileMode FileMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    public const UnixFileMode FolderMode = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;

    private static readonly string[] SqliteCompanions = [string.Empty, "-wal", "-shm", "-journal"];

    /// <summary>Creates the folder 0700 when it does not exist; an existing folder the operator chose keeps its mode.</summary>
    public static void CreateFolder(string path)
    {
        if (Directory.Exists(path))
        {
            return;
        }

        if (OperatingSystem.IsWindows())
        {
            Directory.CreateDirectory(path);
        }
        else
        {
            Directory.CreateDirectory(path, FolderMode);
        }
    }

    /// <summary>Narrows an existing file or folder of ours to its owner.</summary>
    public static void Restrict(string path)
    {
        if (OperatingSystem.IsWindows())
        {
            return;
        }

        if (File.Exists(path))
        {
            File.SetUnixFileMode(path, FileMode);
        }
        else if (Directory.Exists(path))
        {
            File.SetUnixFileMode(path, FolderMode);
        }
    }

    /// <summary>Options for a new file readable by its owner only from its first byte.</summary>
    public static FileStreamOptions NewFile(FileMode mode = System.IO.FileMode.Create)
    {
        var options = new FileStreamOptions { Mode = mode, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = FileMode;
        }

        return options;
    }

    /// <summary>
    /// The SQLite file of a connection string, created empty and owner-only when missing (in a 0700 folder when the
    /// folder is new, always for the default folder), and its companions narrowed; null for in-memory databases.
    /// </summary>
    public static string? PrepareSqliteFile(string connectionString)
    {
        var dataSource = new SqliteConnectionStringBuilder(connectionString).DataSource;
        if (string.IsNullOrEmpty(dataSource) || dataSource == ":memory:" || dataSource.StartsWith("file:", StringComparison.Ordinal))
        {
            return null;
        }

        var path = Path.GetFullPath(dataSource);
        var folder = Path.GetDirectoryName(path);
        if (!string.IsNullOrEmpty(folder) && !File.Exists(folder))
        {
            CreateFolder(folder);
            if (string.Equals(folder, Path.GetDirectoryName(DatabaseOptions.DefaultSqlitePath), StringComparison.Ordinal))
            {
                Restrict(folder);
            }
        }

        try
        {
            if (!Directory.Exists(path) && (!File.Exists(path) || new FileInfo(path).Length == 0))
            {
                using (new FileStream(path, NewFile(System.IO.FileMode.OpenOrCreate)))
                {
                }

                // Written as a WAL database at once: an empty file is not one yet, and EF's read-only existence check
                // would fail on it.
                var builder = new SqliteConnectionStringBuilder(connectionString) { Pooling = false, Mode = SqliteOpenMode.ReadWrite };
                using var connection = new SqliteConnection(builder.ConnectionString);
                connection.Open();
                using var command = connection.CreateCommand();
                command.CommandText = SqliteDurabilityInterceptor.Pragmas;
                command.ExecuteNonQuery();
            }

            foreach (var suffix in SqliteCompanions)
            {
                Restrict(path + suffix);
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // Created by another process in the meantime, or not ours to change: SQLite reports what it cannot open.
        }

        return path;
    }
}
