using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using OrderToCash.IntegrationTests.Infrastructure;

namespace OrderToCash.IntegrationTests.Hosting;

public sealed class SignInLockoutTests : IDisposable
{
    private readonly TempDirectory directory = new();
    private readonly FakeTimeProvider clock = new(new DateTimeOffset(2026, 12, 7, 8, 0, 0, TimeSpan.Zero));
    private readonly LogCollector logs = new();
    private readonly TestHost host;

    public SignInLockoutTests() =>
        host = TestHost.Sqlite(directory, services =>
        {
            services.AddSingleton<TimeProvider>(clock);
            services.AddSingleton<ILoggerProvider>(logs);
        }, ("Scheduler:AutoStart", "false"));

    [Fact]
    public async Task After_five_wrong_passwords_the_right_one_is_refused_until_the_lockout_ends_and_failures_are_logged_with_user_and_address()
    {
        using var client = Client("10.0.0.7");
        for (var i = 0; i < 5; i++)
        {
            (await LoginAsync(client, "claire", "guess-" + i)).StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        }

        var locked = await LoginAsync(client, "claire", "claire-secret");

        locked.StatusCode.Should().Be(HttpStatusCode.TooManyRequests);
        locked.Headers.RetryAfter!.Delta.Should().Be(TimeSpan.FromMinutes(15));
        (await locked.Content.ReadAsStringAsync()).Should().Contain("Too many failed sign-ins.");
        logs.Lines.Where(l => l.Contains("Failed sign-in (cookie) for user 'claire' from 10.0.0.7", StringComparison.Ordinal)).Should().HaveCount(5);
        logs.Lines.Should().Contain(l => l.Contains("Sign-in locked out (UserName)", StringComparison.Ordinal) && l.Contains("'claire'", StringComparison.Ordinal));

        clock.Advance(TimeSpan.FromMinutes(15));
        (await LoginAsync(client, "claire", "claire-secret")).StatusCode.Should().Be(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Forty_wrong_basic_passwords_lock_the_user_out_of_basic_and_cookie_sign_in_alike()
    {
        using var client = Client("10.0.0.8");
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 40; i++)
        {
            statuses.Add((await BasicAsync(client, "cora", "guess-" + i)).StatusCode);
        }

        statuses.Take(5).Should().OnlyContain(s => s == HttpStatusCode.Unauthorized);
        statuses.Skip(5).Should().OnlyContain(s => s == HttpStatusCode.TooManyRequests, "once locked, guesses are not even checked");
        (await BasicAsync(client, "cora", "cora-secret")).StatusCode.Should().Be(HttpStatusCode.TooManyRequests);
        using var elsewhere = Client("10.0.0.9");
        (await LoginAsync(elsewhere, "cora", "cora-secret")).StatusCode.Should().Be(HttpStatusCode.TooManyRequests, "the user name is locked, whatever the address");
        logs.Lines.Should().Contain(l => l.Contains("Failed sign-in (Basic) for user 'cora' from 10.0.0.8", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Twenty_failures_from_one_address_block_that_address_for_every_user_name_but_not_other_addresses()
    {
        using var attacker = Client("192.0.2.10");
        for (var i = 0; i < 20; i++)
        {
            (await LoginAsync(attacker, "user" + i, "guess")).StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        }

        (await LoginAsync(attacker, "claire", "claire-secret")).StatusCode.Should().Be(HttpStatusCode.TooManyRequests);
        (await BasicAsync(attacker, "claire", "claire-secret")).StatusCode.Should().Be(HttpStatusCode.TooManyRequests);
        using var attackerKey = Client("192.0.2.10");
        attackerKey.DefaultRequestHeaders.Add("X-Api-Key", "anything");
        (await attackerKey.GetAsync(new Uri("/api/customers", UriKind.Relative))).StatusCode.Should().Be(HttpStatusCode.TooManyRequests);
        using var neighbour = Client("192.0.2.11");
        (await LoginAsync(neighbour, "claire", "claire-secret")).StatusCode.Should().Be(HttpStatusCode.OK);
        logs.Lines.Should().Contain(l => l.Contains("Sign-in locked out (Address)", StringComparison.Ordinal) && l.Contains("192.0.2.10", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_successful_sign_in_forgets_the_users_earlier_failures()
    {
        using var client = Client("10.0.0.12");
        for (var round = 0; round < 3; round++)
        {
            for (var i = 0; i < 4; i++)
            {
                (await LoginAsync(client, "quentin", "typo")).StatusCode.Should().Be(HttpStatusCode.Unauthorized);
            }

            (await LoginAsync(client, "quentin", "quentin-secret")).StatusCode.Should().Be(HttpStatusCode.OK);
        }
    }

    private HttpClient Client(string address)
    {
        var client = new HttpClient(host.Server.CreateHandler(context => context.Connection.RemoteIpAddress = IPAddress.Parse(address)))
        {
            BaseAddress = TestHost.Https,
        };
        return client;
    }

    private static Task<HttpResponseMessage> LoginAsync(HttpClient client, string userName, string password) =>
        client.PostAsJsonAsync(new Uri("/api/auth/login", UriKind.Relative), new { userName, password });

    private static async Task<HttpResponseMessage> BasicAsync(HttpClient client, string userName, string password)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri("/api/auth/me", UriKind.Relative));
        request.Headers.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes($"{userName}:{password}")));
        return await client.SendAsync(request);
    }

    public void Dispose()
    {
        host.Dispose();
        logs.Dispose();
        directory.Dispose();
    }
}
