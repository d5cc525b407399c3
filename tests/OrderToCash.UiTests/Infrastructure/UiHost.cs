using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace OrderToCash.UiTests.Infrastructure;

/// <summary>
/// The real host on Kestrel, listening on 127.0.0.1 and a free port (a browser needs a socket), on a throwaway
/// SQLite file, with <see cref="UiUsers"/> and the demo customers. It serves the pages the host's build put in its wwwroot.
/// </summary>
public sealed class UiHost : WebApplicationFactory<Program>
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "o2c-ui-" + Guid.NewGuid().ToString("N"));
    private readonly IReadOnlyDictionary<string, string?> _settings;

    /// <param name="settings">Configuration a test's own host needs on top of the shared one's (e.g. an allowed HTTP endpoint).</param>
    public UiHost(IReadOnlyDictionary<string, string?>? settings = null)
    {
        _settings = settings ?? new Dictionary<string, string?>();
        Directory.CreateDirectory(_directory);
        UseKestrel(options => options.Listen(IPAddress.Loopback, 0));
        StartServer();
        var addresses = Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses;
        BaseAddress = new Uri(addresses.Single());
    }

    /// <summary>http://127.0.0.1:&lt;port&gt;</summary>
    public Uri BaseAddress { get; }

    public string Url(string path) => new Uri(BaseAddress, path).ToString();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("Database:Provider", "Sqlite");
        builder.UseSetting("Database:ConnectionString", $"Data Source={Path.Combine(_directory, "ui.db")}");
        // The demo customers, so that a test can enter an order and see which rule version decided it.
        builder.UseSetting("Demo:Seed", "true");
        // The browser talks plain HTTP to 127.0.0.1 (no certificate in the test); outside tests credentials need HTTPS.
        builder.UseSetting("Transport:RequireHttps", "false");
        foreach (var (key, value) in UiUsers.Settings().Concat(_settings))
        {
            builder.UseSetting(key, value);
        }
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing)
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            try
            {
                Directory.Delete(_directory, recursive: true);
            }
            catch (IOException)
            {
                // A file still held by a closing connection: the temp folder is cleaned by the system later.
            }
        }
    }
}
