using System.Net;
using System.Net.Sockets;
using Microsoft.AspNetCore.Server.Kestrel.Core;

namespace OrderToCash.Host.Features.Hosting;

/// <summary>
/// Checks that the ports the host will listen on are free before anything slow happens (migrations, demo seeding,
/// which take minutes on a first start): a busy port stops the host at once with what to do, not after the seeding.
/// Only for Kestrel (in-process test servers listen on nothing).
/// </summary>
internal static class ListenPortCheck
{
    /// <summary>Kestrel's own default when nothing is configured.</summary>
    private static readonly Uri KestrelDefault = new("http://localhost:5000");

    /// <summary>Writes what to do on <paramref name="error"/> and returns false when a configured port is taken.</summary>
    public static bool PortsAreFree(WebApplication app, TextWriter error)
    {
        var server = app.Services.GetRequiredService<Microsoft.AspNetCore.Hosting.Server.IServer>();
        if (server.GetType().Assembly != typeof(KestrelServerOptions).Assembly)
        {
            return true;
        }

        foreach (var address in Addresses(app.Configuration))
        {
            if (Busy(address) is { } port)
            {
                error.WriteLine($"OrderToCash cannot start: port {port} ({address}) is already in use, probably by another OrderToCash host or a "
                    + $"previous 'dotnet run' still running. Stop that process (e.g. 'ss -ltnp | grep :{port}' shows it), or run this host on "
                    + $"another port: dotnet run --project src/OrderToCash.Host --urls http://localhost:{port + 1} (or set ASPNETCORE_URLS).");
                return false;
            }
        }

        return true;
    }

    /// <summary>The addresses the host will listen on, as Kestrel reads them: endpoints, then urls, then http(s)_ports.</summary>
    public static IReadOnlyList<Uri> Addresses(IConfiguration configuration)
    {
        var endpoints = configuration.GetSection("Kestrel:Endpoints").GetChildren().Select(e => e["Url"]).OfType<string>().ToList();
        var urls = endpoints.Count > 0 ? endpoints : Split(configuration["urls"]);
        if (urls.Count == 0)
        {
            urls = [.. Split(configuration["http_ports"]).Select(p => $"http://*:{p}"), .. Split(configuration["https_ports"]).Select(p => $"https://*:{p}")];
        }

        var addresses = urls
            .Select(u => Uri.TryCreate(u.Replace("://*", "://0.0.0.0", StringComparison.Ordinal).Replace("://+", "://0.0.0.0", StringComparison.Ordinal), UriKind.Absolute, out var uri) ? uri : null)
            .OfType<Uri>()
            .Where(u => u.Port > 0)
            .ToList();
        return urls.Count == 0 ? [KestrelDefault] : addresses;
    }

    private static List<string> Split(string? value) =>
        (value ?? string.Empty).Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToList();

    /// <summary>The port when it cannot be bound on the address's interface; null when free (or not checkable: a host name).</summary>
    private static int? Busy(Uri address)
    {
        var ip = IPAddress.TryParse(address.Host.Trim('[', ']'), out var parsed) ? parsed : address.IsLoopback ? IPAddress.Loopback : null;
        if (ip is null)
        {
            return null;
        }

        var listener = new TcpListener(ip, address.Port);
        try
        {
            listener.Start();
            return null;
        }
        catch (SocketException ex) when (ex.SocketErrorCode is SocketError.AddressAlreadyInUse or SocketError.AccessDenied)
        {
            return address.Port;
        }
        finally
        {
            listener.Stop();
        }
    }
}
