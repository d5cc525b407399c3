namespace OrderToCash.Core.Infrastructure.Persistence;

/// <summary>
/// One process per SQLite file: an exclusive lock on <c>&lt;database&gt;.lock</c> beside the file, held while the host
/// runs (or while <c>o2c migrate</c> works). Quartz cannot cluster on SQLite, so a second host on the same file would run
/// every job a second time; it is refused at start instead. The operating system drops the lock when the process dies.
/// </summary>
public sealed class SqliteFileLock : IDisposable
{
    private readonly FileStream stream;

    private SqliteFileLock(FileStream stream, string path)
    {
        this.stream = stream;
        Path = path;
    }

    public string Path { get; }

    /// <summary>Null for databases without a file (in memory); throws <see cref="SqliteFileInUseException"/> when another process holds it.</summary>
    public static SqliteFileLock? Acquire(string connectionString, string holder)
    {
        var database = OwnerOnlyFiles.PrepareSqliteFile(connectionString);
        if (database is null)
        {
            return null;
        }

        var path = database + ".lock";
        var options = OwnerOnlyFiles.NewFile(FileMode.OpenOrCreate);
        options.Access = FileAccess.ReadWrite;
        options.Share = FileShare.None;
        try
        {
            var stream = new FileStream(path, options);
            stream.SetLength(0);
            var text = System.Text.Encoding.UTF8.GetBytes($"{holder}, process {Environment.ProcessId}\n");
            stream.Write(text);
            stream.Flush();
            return new SqliteFileLock(stream, path);
        }
        catch (IOException ex) when (File.Exists(path))
        {
            throw new SqliteFileInUseException(
                $"The SQLite database {database} is already used by another host or 'o2c migrate' (lock file {path} is held). "
                + "One host per SQLite file: stop the other process, or use PostgreSQL or SQL Server to run several hosts on one database.", ex);
        }
    }

    public void Dispose() => stream.Dispose();
}

/// <summary>Another process holds the SQLite file's lock.</summary>
public sealed class SqliteFileInUseException(string message, Exception inner) : InvalidOperationException(message, inner);
