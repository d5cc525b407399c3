using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Mvc.Testing;
using OrderToCash.IntegrationTests.Infrastructure;

namespace OrderToCash.IntegrationTests.Hosting;

public sealed class TransportTests : IDisposable
{
    private static readonly Uri Me = new("/api/auth/me", UriKind.Relative);
    private readonly TempDirectory directory = new();

    [Fact]
    public async Task Outside_development_basic_credentials_a_cookie_sign_in_and_an_api_key_over_plain_http_are_refused()
    {
        await using var host = TestHost.Sqlite(directory, ("Scheduler:AutoStart", "false"));
        using var http = host.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri("http://localhost") });

        using var basic = new HttpRequestMessage(HttpMethod.Get, Me);
        basic.Headers.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String("claire:claire-secret"u8.ToArray()));
        var overHttp = await http.SendAsync(basic);
        var login = await http.PostAsJsonAsync(new Uri("/api/auth/login", UriKind.Relative), new { userName = "claire", password = "claire-secret" });
        using var key = new HttpRequestMessage(HttpMethod.Get, Me);
        key.Headers.Add("X-Api-Key", "some-key");
        var withKey = await http.SendAsync(key);

        overHttp.StatusCode.Should().Be(HttpStatusCode.Forbidden);
        (await overHttp.Content.ReadAsStringAsync()).Should().Contain("Credentials are accepted over HTTPS only.");
        login.StatusCode.Should().Be(HttpStatusCode.Forbidden);
        login.Headers.Contains("Set-Cookie").Should().BeFalse();
        withKey.StatusCode.Should().Be(HttpStatusCode.Forbidden);
        (await http.GetAsync(new Uri("/health/live", UriKind.Relative))).StatusCode.Should().Be(HttpStatusCode.OK, "anonymous calls without credentials still answer");
        using var https = host.ClientFor("claire");
        (await https.GetAsync(Me)).StatusCode.Should().Be(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Behind_a_configured_proxy_its_forwarded_https_is_believed_and_nobody_elses()
    {
        await using var host = TestHost.Sqlite(directory, ("Scheduler:AutoStart", "false"), ("ForwardedHeaders:KnownProxies:0", "10.1.2.3"));

        var fromProxy = await ForwardedAsync(host, "10.1.2.3");
        var fromElsewhere = await ForwardedAsync(host, "10.9.9.9");

        fromProxy.StatusCode.Should().Be(HttpStatusCode.OK);
        (await fromProxy.Content.ReadAsStringAsync()).Should().Contain("claire");
        fromElsewhere.StatusCode.Should().Be(HttpStatusCode.Forbidden, "only the configured proxy may say the client used HTTPS");
    }

    [Fact]
    public async Task Outside_development_https_answers_carry_hsts()
    {
        await using var host = TestHost.Sqlite(directory, ("Scheduler:AutoStart", "false"));
        using var client = host.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri("https://o2c.example.fr") });

        var response = await client.GetAsync(new Uri("/health/live", UriKind.Relative));

        response.Headers.GetValues("Strict-Transport-Security").Single().Should().Be("max-age=31536000");
    }

    [Fact]
    public async Task With_https_not_required_plain_http_keeps_working_as_in_development()
    {
        await using var host = TestHost.Sqlite(directory, ("Scheduler:AutoStart", "false"), ("Transport:RequireHttps", "false"));
        using var http = host.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri("http://localhost") });

        var login = await http.PostAsJsonAsync(new Uri("/api/auth/login", UriKind.Relative), new { userName = "claire", password = "claire-secret" });

        login.StatusCode.Should().Be(HttpStatusCode.OK);
        login.Headers.GetValues("Set-Cookie").Single().Should().NotContain("secure");
    }

    private static async Task<HttpResponseMessage> ForwardedAsync(TestHost host, string remote)
    {
        using var client = new HttpClient(host.Server.CreateHandler(c => c.Connection.RemoteIpAddress = IPAddress.Parse(remote))) { BaseAddress = new Uri("http://localhost") };
        using var request = new HttpRequestMessage(HttpMethod.Get, Me);
        request.Headers.Add("X-Forwarded-Proto", "https");
        request.Headers.Add("X-Forwarded-For", "203.0.113.5");
        request.Headers.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String("claire:claire-secret"u8.ToArray()));
        var response = await client.SendAsync(request);
        await response.Content.LoadIntoBufferAsync();
        return response;
    }

    public void Dispose() => directory.Dispose();
}
