namespace OrderToCash.IntegrationTests.Infrastructure;

/// <summary>A temp folder removed at the end of the test, for SQLite files and outputs.</summary>
public sealed class TempDirectory : IDisposable
{
    public string Path { get; } = System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"o2c-test-{Guid.NewGuid():N}");

    public TempDirectory() => Directory.CreateDirectory(Path);

    public string File(string name) => System.IO.Path.Combine(Path, name);

    public string SqliteConnectionString(string name = "ordertocash.db") => $"Data Source={File(name)}";

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
            // A file still held by a closing host; the OS temp cleaner will take it.
        }
    }
}
