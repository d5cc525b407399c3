using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Configuration;
using OrderToCash.Host.Features.Hosting;
using OrderToCash.IntegrationTests.Infrastructure;

namespace OrderToCash.IntegrationTests.Hosting;

/// <summary>The run command on a busy port: the real host process stops at once with what to do, before any database work.</summary>
public sealed class BusyPortTests : IDisposable
{
    private readonly TempDirectory directory = new();

    [Fact]
    public async Task A_busy_port_stops_the_host_before_it_creates_its_database_and_says_what_to_do()
    {
        using var taken = new TcpListener(IPAddress.Loopback, 0);
        taken.Start();
        var port = ((IPEndPoint)taken.LocalEndpoint).Port;
        var database = directory.File("never-created.db");

        var (exit, error) = await RunHostAsync("--urls", $"http://localhost:{port}", "--Database:Provider", "Sqlite", "--Database:ConnectionString", $"Data Source={database}");

        exit.Should().Be(1, error);
        error.Should().Contain($"port {port}").And.Contain("already in use").And.Contain("--urls http://localhost:").And.NotContain("   at ");
        File.Exists(database).Should().BeFalse("the check runs before migrations and seeding");
    }

    [Theory]
    [InlineData("urls", "http://localhost:5080", "http://localhost:5080/")]
    [InlineData("urls", "http://*:8080;https://+:8443", "http://0.0.0.0:8080/ https://0.0.0.0:8443/")]
    [InlineData("http_ports", "8080", "http://0.0.0.0:8080/")]
    [InlineData("Kestrel:Endpoints:Http:Url", "http://127.0.0.1:6000", "http://127.0.0.1:6000/")]
    [InlineData("unrelated", "x", "http://localhost:5000/")]
    public void The_listen_addresses_are_read_as_kestrel_reads_them(string key, string value, string expected)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection([new(key, value)]).Build();

        string.Join(' ', ListenPortCheck.Addresses(configuration).Select(u => u.ToString())).Should().Be(expected);
    }

    private async Task<(int Exit, string Error)> RunHostAsync(params string[] args)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = directory.Path,
            RedirectStandardError = true,
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "OrderToCash.Host.dll"));
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Development";
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            // A safety net for a host that would start anyway, not a timing assertion.
            process.Kill(entireProcessTree: true);
        }

        await output;
        return (process.HasExited && !timeout.IsCancellationRequested ? process.ExitCode : -1, await error);
    }

    public void Dispose() => directory.Dispose();
}
