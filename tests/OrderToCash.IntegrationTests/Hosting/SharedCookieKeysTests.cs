using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Mvc.Testing;
using OrderToCash.IntegrationTests.Infrastructure;

namespace OrderToCash.IntegrationTests.Hosting;

public sealed class SharedCookieKeysTests : IDisposable
{
    private readonly TempDirectory directory = new();

    [Fact]
    public async Task A_cookie_issued_by_one_host_is_accepted_by_another_host_on_the_same_database_and_after_a_restart()
    {
        string cookie;
        using (var first = TestHost.Sqlite(directory, ("Scheduler:AutoStart", "false")))
        {
            using var client = first.CreateClient(new WebApplicationFactoryClientOptions { HandleCookies = false, BaseAddress = TestHost.Https });
            var login = await client.PostAsJsonAsync(new Uri("/api/auth/login", UriKind.Relative), new { userName = "claire", password = "claire-secret" });
            login.StatusCode.Should().Be(HttpStatusCode.OK);
            cookie = login.Headers.GetValues("Set-Cookie").Single().Split(';')[0];
        }

        using var second = TestHost.Sqlite(directory, ("Scheduler:AutoStart", "false"));
        using var other = second.CreateClient(new WebApplicationFactoryClientOptions { HandleCookies = false, BaseAddress = TestHost.Https });
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri("/api/auth/me", UriKind.Relative));
        request.Headers.Add("Cookie", cookie);

        var me = await other.SendAsync(request);

        me.StatusCode.Should().Be(HttpStatusCode.OK, "the second host reads the key ring from the database");
        (await me.Content.ReadAsStringAsync()).Should().Contain("claire");
        // Not the per-user key folder a single machine would share anyway: the database holds the key ring.
        await using var db = Core.Infrastructure.Persistence.DatabaseConfigurator.CreateContext(Core.Infrastructure.Persistence.DatabaseProvider.Sqlite, directory.SqliteConnectionString());
        db.DataProtectionKeys.Should().NotBeEmpty();
    }

    public void Dispose() => directory.Dispose();
}
