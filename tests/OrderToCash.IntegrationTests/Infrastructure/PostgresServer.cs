using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Npgsql;

namespace OrderToCash.IntegrationTests.Infrastructure;

/// <summary>
/// A throwaway PostgreSQL cluster for the test run: initdb + pg_ctl in a temp folder, on 127.0.0.1 and a free port,
/// removed at the end. As root (CI), the server runs as the 'postgres' user, since PostgreSQL refuses to run as root.
/// </summary>
public sealed class PostgresServer : IAsyncLifetime
{
    private string root = string.Empty;
    private string binDirectory = string.Empty;
    private bool runAsPostgres;

    public int Port { get; private set; }

    public string AdminConnectionString => $"Host=127.0.0.1;Port={Port};Username=postgres;Database=postgres;Pooling=false";

    public Task InitializeAsync()
    {
        if (PostgresInstallation.BinDirectory is null)
        {
            // Without PostgreSQL its tests are skipped (PostgresFact, PostgresData) unless it is required.
            return PostgresInstallation.Required
                ? throw new InvalidOperationException($"{PostgresInstallation.InstallHint} ({PostgresInstallation.RequireVariable}=1 makes this a failure.)")
                : Task.CompletedTask;
        }

        binDirectory = PostgresInstallation.BinDirectory;
        return StartAsync();
    }

    private async Task StartAsync()
    {
        runAsPostgres = Environment.UserName == "root";
        root = Path.Combine(Path.GetTempPath(), $"o2c-pg-{Guid.NewGuid():N}");
        Directory.CreateDirectory(root);
        if (runAsPostgres)
        {
            await RunAsync("chown", ["postgres:postgres", root], asPostgres: false).ConfigureAwait(false);
        }

        Port = FreePort();
        var data = Path.Combine(root, "data");
        await RunAsync(Path.Combine(binDirectory, "initdb"), ["-D", data, "-U", "postgres", "--auth=trust", "-E", "UTF8", "--no-sync", "--no-instructions"]).ConfigureAwait(false);
        var serverOptions = $"-p {Port} -k {root} -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=200";
        await RunAsync(Path.Combine(binDirectory, "pg_ctl"), ["-D", data, "-l", Path.Combine(root, "server.log"), "-o", serverOptions, "-w", "-t", "60", "start"]).ConfigureAwait(false);
    }

    /// <summary>A new, empty database for one test, so tests never see each other's rows.</summary>
    public async Task<string> CreateDatabaseAsync()
    {
        var name = $"o2c_{Guid.NewGuid():N}";
        await using var connection = new NpgsqlConnection(AdminConnectionString);
        await connection.OpenAsync().ConfigureAwait(false);
        await using var command = new NpgsqlCommand($"CREATE DATABASE {name}", connection);
        await command.ExecuteNonQueryAsync().ConfigureAwait(false);
        return $"Host=127.0.0.1;Port={Port};Username=postgres;Database={name}";
    }

    public async Task DisposeAsync()
    {
        if (string.IsNullOrEmpty(root))
        {
            return;
        }

        NpgsqlConnection.ClearAllPools();
        try
        {
            await RunAsync(Path.Combine(binDirectory, "pg_ctl"), ["-D", Path.Combine(root, "data"), "-m", "immediate", "-w", "stop"]).ConfigureAwait(false);
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private Task RunAsync(string program, IReadOnlyList<string> arguments) => RunAsync(program, arguments, runAsPostgres);

    private static async Task RunAsync(string program, IReadOnlyList<string> arguments, bool asPostgres)
    {
        var start = new ProcessStartInfo(asPostgres ? "runuser" : program)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        if (asPostgres)
        {
            foreach (var argument in (string[])["-u", "postgres", "--", program])
            {
                start.ArgumentList.Add(argument);
            }
        }

        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {program}.");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync().ConfigureAwait(false);
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{program} {string.Join(' ', arguments)} exited with {process.ExitCode}: {await stderr.ConfigureAwait(false)}{await stdout.ConfigureAwait(false)}");
        }
    }
}

[CollectionDefinition(Name)]
public sealed class PostgresCollection : ICollectionFixture<PostgresServer>
{
    public const string Name = "postgres";
}
