using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Mvc.Testing;
using OrderToCash.IntegrationTests.Infrastructure;

namespace OrderToCash.IntegrationTests.Hosting;

public sealed class AuthTests : IDisposable
{
    private readonly TempDirectory directory = new();
    private readonly TestHost host;

    public AuthTests() => host = TestHost.Sqlite(directory, ("Scheduler:AutoStart", "false"));

    [Fact]
    public async Task An_anonymous_api_call_gets_401_not_a_redirect()
    {
        using var client = host.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        var response = await client.GetAsync(new Uri("/api/auth/me", UriKind.Relative));

        response.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Signing_in_sets_a_session_cookie_that_identifies_the_user_and_roles()
    {
        using var client = host.CreateClient();

        var login = await client.PostAsJsonAsync(new Uri("/api/auth/login", UriKind.Relative), new { userName = "claire", password = "claire-secret" });
        var me = await client.GetAsync(new Uri("/api/auth/me", UriKind.Relative));

        login.StatusCode.Should().Be(HttpStatusCode.OK);
        login.Headers.GetValues("Set-Cookie").Should().ContainSingle(c => c.StartsWith(".OrderToCash.Auth=", StringComparison.Ordinal) && c.Contains("httponly") && c.Contains("samesite=strict"));
        var body = JsonDocument.Parse(await me.Content.ReadAsStringAsync()).RootElement;
        body.GetProperty("userName").GetString().Should().Be("claire");
        body.GetProperty("roles").EnumerateArray().Select(r => r.GetString()).Should().Equal("CreditManager");
    }

    [Theory]
    [InlineData("claire", "wrong")]
    [InlineData("nobody", "claire-secret")]
    public async Task A_wrong_user_name_or_password_is_refused_without_saying_which(string userName, string password)
    {
        using var client = host.CreateClient();

        var login = await client.PostAsJsonAsync(new Uri("/api/auth/login", UriKind.Relative), new { userName, password });

        login.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        login.Headers.Contains("Set-Cookie").Should().BeFalse();
        (await login.Content.ReadAsStringAsync()).Should().Contain("Invalid user name or password.");
    }

    [Fact]
    public async Task A_login_without_password_is_a_validation_problem()
    {
        using var client = host.CreateClient();

        var login = await client.PostAsJsonAsync(new Uri("/api/auth/login", UriKind.Relative), new { userName = "claire" });

        login.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await login.Content.ReadAsStringAsync()).Should().Contain("The password is required.");
    }

    [Fact]
    public async Task Basic_credentials_authenticate_scripts_and_roles_are_enforced()
    {
        using var admin = host.ClientFor("ada");
        using var creditManager = host.ClientFor("claire");

        var asAdmin = await admin.GetAsync(new Uri("/api/users", UriKind.Relative));
        var asCreditManager = await creditManager.GetAsync(new Uri("/api/users", UriKind.Relative));

        asAdmin.StatusCode.Should().Be(HttpStatusCode.OK);
        var users = await asAdmin.Content.ReadAsStringAsync();
        users.Should().Contain("claire").And.NotContain("AQAAAA", "password hashes never leave the server");
        asCreditManager.StatusCode.Should().Be(HttpStatusCode.Forbidden);
    }

    [Theory]
    [InlineData("processowner", "*'olivia' has the role 'processowner'; the built-in role is spelt 'ProcessOwner'*")]
    [InlineData("Finance department", "*'olivia': The role name 'Finance department' is not valid*")]
    public void A_user_with_a_misspelt_or_malformed_role_stops_the_host_with_the_reason(string role, string message)
    {
        using var badDirectory = new TempDirectory();
        using var badHost = TestHost.Sqlite(badDirectory, ("Auth:Users:0:Roles:1", role));

        var act = () => badHost.CreateClient();

        act.Should().Throw<InvalidOperationException>().WithMessage(message);
    }

    public void Dispose()
    {
        host.Dispose();
        directory.Dispose();
    }
}

public sealed class DemoUserTests
{
    [Fact]
    public async Task Without_configured_users_a_demo_host_creates_one_user_per_role_with_random_passwords_that_sign_in()
    {
        using var directory = new TempDirectory();
        var settings = new Dictionary<string, string?>
        {
            ["Database:ConnectionString"] = directory.SqliteConnectionString(),
            ["Auth:DemoUsers"] = "true",
            ["Scheduler:AutoStart"] = "false",
        };
        await using var host = new TestHost(settings);
        host.CreateClient().Dispose();

        var credentials = File.ReadAllLines(directory.File("demo-credentials.txt")).Where(l => !l.StartsWith('#')).Select(l => l.Split(' ')).ToList();
        credentials.Select(c => c[2]).Distinct().Should().BeEquivalentTo([.. Core.Infrastructure.Security.Roles.BuiltIn, "Finance"], "the finance user has the business role Finance, which a process owner creates");
        credentials.Where(c => c[2] == Core.Infrastructure.Security.Roles.CreditManager).Select(c => c[0])
            .Should().Equal(["credit.manager", "credit.manager2"], "a release above the four-eyes threshold needs two credit managers");
        if (!OperatingSystem.IsWindows())
        {
            File.GetUnixFileMode(directory.File("demo-credentials.txt")).Should().Be(UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }

        File.ReadAllText(directory.File("demo-users.json")).Should().NotContain(credentials[0][1], "only hashes are kept in the user file");

        using var client = host.CreateClient();
        var login = await client.PostAsJsonAsync(new Uri("/api/auth/login", UriKind.Relative), new { userName = credentials[1][0], password = credentials[1][1] });
        login.StatusCode.Should().Be(HttpStatusCode.OK);

        // The next start (one host per SQLite file) reads the same users back from the file, roles included.
        await host.DisposeAsync();
        await using var restarted = new TestHost(settings);
        using var again = restarted.CreateClient();
        var relogin = await again.PostAsJsonAsync(new Uri("/api/auth/login", UriKind.Relative), new { userName = credentials[1][0], password = credentials[1][1] });
        relogin.StatusCode.Should().Be(HttpStatusCode.OK);
        (await relogin.Content.ReadAsStringAsync()).Should().Contain(credentials[1][2]);
    }

    [Fact]
    public async Task A_demo_user_file_written_before_the_second_credit_manager_gets_it_at_the_next_start_and_keeps_the_others()
    {
        using var directory = new TempDirectory();
        var settings = new Dictionary<string, string?>
        {
            ["Database:ConnectionString"] = directory.SqliteConnectionString(),
            ["Auth:DemoUsers"] = "true",
            ["Scheduler:AutoStart"] = "false",
        };
        await using (var first = new TestHost(settings))
        {
            first.CreateClient().Dispose();
        }

        // As written by an older version: without credit.manager2.
        var users = JsonDocument.Parse(File.ReadAllText(directory.File("demo-users.json"))).RootElement.EnumerateArray()
            .Where(u => u.GetProperty("userName").GetString() != "credit.manager2").ToList();
        File.WriteAllText(directory.File("demo-users.json"), JsonSerializer.Serialize(users));
        var lines = File.ReadAllLines(directory.File("demo-credentials.txt")).Where(l => !l.StartsWith("credit.manager2 ", StringComparison.Ordinal)).ToList();
        File.WriteAllLines(directory.File("demo-credentials.txt"), lines);

        await using var restarted = new TestHost(settings);
        restarted.CreateClient().Dispose();

        var credentials = File.ReadAllLines(directory.File("demo-credentials.txt")).Where(l => !l.StartsWith('#')).Select(l => l.Split(' ')).ToList();
        credentials.Select(c => c[0]).Should().Contain("credit.manager2");
        credentials.Should().ContainSingle(c => c[0] == "credit.manager").Which[1].Should().Be(lines.Single(l => l.StartsWith("credit.manager ", StringComparison.Ordinal)).Split(' ')[1]);
        using var client = restarted.CreateClient();
        var second = credentials.Single(c => c[0] == "credit.manager2");
        var login = await client.PostAsJsonAsync(new Uri("/api/auth/login", UriKind.Relative), new { userName = second[0], password = second[1] });
        login.StatusCode.Should().Be(HttpStatusCode.OK);
    }

    [Fact]
    public void Outside_development_a_host_without_users_refuses_to_start()
    {
        using var directory = new TempDirectory();
        using var host = new TestHost(new Dictionary<string, string?>
        {
            ["Database:ConnectionString"] = directory.SqliteConnectionString(),
            ["Scheduler:AutoStart"] = "false",
        });

        var start = () => host.CreateClient();

        start.Should().Throw<InvalidOperationException>().WithMessage("No user is configured (Auth:Users) in the Testing environment: nobody could sign in.*");
        File.Exists(directory.File("demo-users.json")).Should().BeFalse();
    }
}
