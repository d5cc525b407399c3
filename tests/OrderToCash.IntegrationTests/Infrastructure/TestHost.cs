using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace OrderToCash.IntegrationTests.Infrastructure;

/// <summary>The real host in-process, on a database of the test's choosing.</summary>
public sealed class TestHost : WebApplicationFactory<Program>
{
    private readonly IReadOnlyDictionary<string, string?> settings;

    /// <summary>Clients talk HTTPS, as outside Development credentials are refused over plain HTTP; the host runs the fictional demo seller.</summary>
    public TestHost(IReadOnlyDictionary<string, string?> settings)
    {
        this.settings = settings.ContainsKey("Demo:Company") ? settings : new Dictionary<string, string?>(settings) { ["Demo:Company"] = "true" };
        ClientOptions.BaseAddress = Https;
    }

    public static Uri Https { get; } = new("https://localhost");

    public static TestHost Sqlite(TempDirectory directory, params (string Key, string? Value)[] extra) =>
        Sqlite(directory, null, extra);

    public static TestHost Sqlite(TempDirectory directory, Action<IServiceCollection>? testServices, params (string Key, string? Value)[] extra) =>
        new(Settings("Sqlite", directory.SqliteConnectionString(), extra)) { TestServices = testServices };

    public static TestHost PostgreSql(string connectionString, params (string Key, string? Value)[] extra) =>
        PostgreSql(connectionString, null, extra);

    public static TestHost PostgreSql(string connectionString, Action<IServiceCollection>? testServices, params (string Key, string? Value)[] extra) =>
        new(Settings("PostgreSql", connectionString, extra)) { TestServices = testServices };

    /// <summary>Replaces services after the host's own registrations (e.g. a fake clock).</summary>
    public Action<IServiceCollection>? TestServices { get; init; }

    /// <summary>A client signed in with HTTP Basic as one of <see cref="TestUsers"/>.</summary>
    public HttpClient ClientFor(string userName)
    {
        var client = CreateClient();
        var credentials = Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes($"{userName}:{TestUsers.Password(userName)}"));
        client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Basic", credentials);
        return client;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        if (TestServices is { } replace)
        {
            builder.ConfigureTestServices(replace);
        }

        foreach (var (key, value) in settings)
        {
            builder.UseSetting(key, value);
        }
    }

    private static Dictionary<string, string?> Settings(string provider, string connectionString, (string Key, string? Value)[] extra)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Database:Provider"] = provider,
            ["Database:ConnectionString"] = connectionString,
        };
        foreach (var (key, value) in TestUsers.Settings.Concat(extra))
        {
            settings[key] = value;
        }

        return settings;
    }
}
