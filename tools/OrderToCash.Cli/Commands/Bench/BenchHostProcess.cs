using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using OrderToCash.Core.Infrastructure.Content;

namespace OrderToCash.Cli.Commands.Bench;

/// <summary>
/// The real host (OrderToCash.Host.dll) started as its own process on a free loopback port, for the workloads that go
/// through the API. Its output is kept (the last lines) to explain a host that does not start.
/// </summary>
internal sealed class BenchHostProcess : IAsyncDisposable
{
    private const int KeptLines = 40;
    private readonly Process process;
    private readonly Queue<string> lastLines = new();

    private BenchHostProcess(Process process, Uri address)
    {
        this.process = process;
        Address = address;
    }

    public Uri Address { get; }

    /// <summary>Starts the host with <paramref name="settings"/> (configuration keys) and waits until <c>/health/ready</c> answers 200.</summary>
    public static async Task<BenchHostProcess> StartAsync(IReadOnlyDictionary<string, string> settings, CancellationToken cancellationToken)
    {
        var dll = FindHostDll();
        var address = new Uri($"http://127.0.0.1:{FreeLoopbackPort()}");
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = Path.GetDirectoryName(dll)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(dll);
        start.ArgumentList.Add("--urls");
        start.ArgumentList.Add(address.ToString().TrimEnd('/'));
        foreach (var (key, value) in settings)
        {
            start.ArgumentList.Add($"--{key}={value}");
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {dll}.");
        var host = new BenchHostProcess(process, address);
        process.OutputDataReceived += (_, e) => host.Keep(e.Data);
        process.ErrorDataReceived += (_, e) => host.Keep(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            await host.WaitUntilReadyAsync(cancellationToken).ConfigureAwait(false);
            return host;
        }
        catch
        {
            await host.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>Stops the host at once (no graceful shutdown: what was acknowledged must already be committed).</summary>
    public async ValueTask DisposeAsync()
    {
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
        }

        await process.WaitForExitAsync().ConfigureAwait(false);
        process.Dispose();
    }

    private async Task WaitUntilReadyAsync(CancellationToken cancellationToken)
    {
        using var client = new HttpClient { BaseAddress = Address, Timeout = TimeSpan.FromSeconds(5) };
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < TimeSpan.FromMinutes(3))
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException($"The host stopped at start (exit code {process.ExitCode}):{Environment.NewLine}{LastLines()}");
            }

            try
            {
                using var ready = await client.GetAsync(new Uri("/health/ready", UriKind.Relative), cancellationToken).ConfigureAwait(false);
                if (ready.StatusCode == HttpStatusCode.OK)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                // Busy starting.
            }

            await Task.Delay(200, cancellationToken).ConfigureAwait(false);
        }

        throw new InvalidOperationException($"The host did not become ready within 3 minutes:{Environment.NewLine}{LastLines()}");
    }

    private void Keep(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (lastLines)
        {
            lastLines.Enqueue(line);
            if (lastLines.Count > KeptLines)
            {
                lastLines.Dequeue();
            }
        }
    }

    private string LastLines()
    {
        lock (lastLines)
        {
            return string.Join(Environment.NewLine, lastLines);
        }
    }

    private static int FreeLoopbackPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>
    /// Beside this program when it is there with its runtime configuration (the integration tests' output), else the
    /// repository's build of src/OrderToCash.Host, Release first.
    /// </summary>
    private static string FindHostDll()
    {
        const string name = "OrderToCash.Host";
        if (File.Exists(Path.Combine(AppContext.BaseDirectory, name + ".runtimeconfig.json")))
        {
            return Path.Combine(AppContext.BaseDirectory, name + ".dll");
        }

        foreach (var from in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
        {
            if (RepositoryFolder.FindUpwards(from, "src") is { } src)
            {
                foreach (var configuration in new[] { "Release", "Debug" })
                {
                    var dll = Path.Combine(src, name, "bin", configuration, "net10.0", name + ".dll");
                    if (File.Exists(dll))
                    {
                        return dll;
                    }
                }
            }
        }

        throw new CliUsageException($"No {name}.dll found: build the host first (dotnet build src/{name} -c Release -p:SkipWebBuild=true).");
    }
}
