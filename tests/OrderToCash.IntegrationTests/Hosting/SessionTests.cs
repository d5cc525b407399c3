using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using OrderToCash.Core.Infrastructure.Persistence;
using OrderToCash.Core.Infrastructure.Security;
using OrderToCash.IntegrationTests.Infrastructure;

namespace OrderToCash.IntegrationTests.Hosting;

public sealed class SessionTests : IDisposable
{
    private readonly TempDirectory directory = new();

    [Fact]
    public async Task Signing_out_ends_the_session_on_the_server_so_the_old_cookie_no_longer_works()
    {
        await using var host = TestHost.Sqlite(directory, ("Scheduler:AutoStart", "false"));
        var cookie = await SignInAsync(host, "claire");
        (await MeAsync(host, cookie)).Should().Be(HttpStatusCode.OK);

        using var client = Client(host);
        using var logout = new HttpRequestMessage(HttpMethod.Post, new Uri("/api/auth/logout", UriKind.Relative));
        logout.Headers.Add("Cookie", cookie);
        (await client.SendAsync(logout)).StatusCode.Should().Be(HttpStatusCode.NoContent);

        (await MeAsync(host, cookie)).Should().Be(HttpStatusCode.Unauthorized, "the stolen or kept copy of the cookie names a session that no longer exists");
        await using var db = DatabaseConfigurator.CreateContext(DatabaseProvider.Sqlite, directory.SqliteConnectionString());
        (await db.Set<UserSession>().CountAsync()).Should().Be(0);
    }

    [Fact]
    public async Task An_administrator_ends_every_session_of_a_user_at_once()
    {
        await using var host = TestHost.Sqlite(directory, ("Scheduler:AutoStart", "false"));
        var first = await SignInAsync(host, "claire");
        var second = await SignInAsync(host, "claire");
        var other = await SignInAsync(host, "cora");
        using var admin = host.ClientFor("ada");

        var revoked = await admin.DeleteAsync(new Uri("/api/users/CLAIRE/sessions", UriKind.Relative));

        revoked.StatusCode.Should().Be(HttpStatusCode.OK);
        (await revoked.Content.ReadAsStringAsync()).Should().Contain("\"sessionsEnded\":2");
        (await MeAsync(host, first)).Should().Be(HttpStatusCode.Unauthorized);
        (await MeAsync(host, second)).Should().Be(HttpStatusCode.Unauthorized);
        (await MeAsync(host, other)).Should().Be(HttpStatusCode.OK, "only that user's sessions end");
        using var collector = host.ClientFor("cora");
        (await collector.DeleteAsync(new Uri("/api/users/claire/sessions", UriKind.Relative))).StatusCode.Should().Be(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task A_changed_role_or_password_ends_the_sessions_opened_before()
    {
        string cookie;
        await using (var before = TestHost.Sqlite(directory, ("Scheduler:AutoStart", "false")))
        {
            cookie = await SignInAsync(before, "claire");
            (await MeAsync(before, cookie)).Should().Be(HttpStatusCode.OK);
        }

        // claire (index 1 of TestUsers) loses CreditManager; the same cookie is presented to the restarted host.
        await using (var roleChanged = TestHost.Sqlite(directory, ("Scheduler:AutoStart", "false"), ("Auth:Users:1:Roles:0", Roles.Collector)))
        {
            (await MeAsync(roleChanged, cookie)).Should().Be(HttpStatusCode.Unauthorized);
        }

        await using (var again = TestHost.Sqlite(directory, ("Scheduler:AutoStart", "false")))
        {
            cookie = await SignInAsync(again, "claire");
        }

        await using var passwordChanged = TestHost.Sqlite(directory, ("Scheduler:AutoStart", "false"), ("Auth:Users:1:PasswordHash", PasswordHashing.Hash("a-new-secret")));
        (await MeAsync(passwordChanged, cookie)).Should().Be(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Outside_development_the_session_cookie_is_secure_httponly_and_strict()
    {
        await using var host = TestHost.Sqlite(directory, ("Scheduler:AutoStart", "false"));
        using var client = Client(host);

        var login = await client.PostAsJsonAsync(new Uri("/api/auth/login", UriKind.Relative), new { userName = "claire", password = "claire-secret" });

        login.Headers.GetValues("Set-Cookie").Single().Should().Contain("secure").And.Contain("httponly").And.Contain("samesite=strict");
    }

    internal static HttpClient Client(TestHost host) =>
        host.CreateClient(new WebApplicationFactoryClientOptions { HandleCookies = false, BaseAddress = TestHost.Https });

    internal static async Task<string> SignInAsync(TestHost host, string userName)
    {
        using var client = Client(host);
        var login = await client.PostAsJsonAsync(new Uri("/api/auth/login", UriKind.Relative), new { userName, password = TestUsers.Password(userName) });
        login.StatusCode.Should().Be(HttpStatusCode.OK);
        return login.Headers.GetValues("Set-Cookie").Single().Split(';')[0];
    }

    internal static async Task<HttpStatusCode> MeAsync(TestHost host, string cookie)
    {
        using var client = Client(host);
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri("/api/auth/me", UriKind.Relative));
        request.Headers.Add("Cookie", cookie);
        return (await client.SendAsync(request)).StatusCode;
    }

    public void Dispose() => directory.Dispose();
}
