using System.Net;
using System.Text.Json;
using OrderToCash.Core.Infrastructure.Security;
using OrderToCash.IntegrationTests.Infrastructure;

namespace OrderToCash.IntegrationTests.Hosting;

public sealed class ApiKeyAndOpenApiTests : IDisposable
{
    private const string BankFeedKey = "o2c_test-bank-feed-key-that-is-long-enough-0001";
    private readonly TempDirectory directory = new();
    private readonly TestHost host;

    public ApiKeyAndOpenApiTests() => host = TestHost.Sqlite(
        directory,
        ("Scheduler:AutoStart", "false"),
        ("Auth:ApiKeys:0:Name", "bank-feed"),
        ("Auth:ApiKeys:0:KeyHash", ApiKeyHashing.Hash(BankFeedKey)),
        ("Auth:ApiKeys:0:Roles:0", Roles.Collector));

    [Fact]
    public async Task An_api_key_authenticates_as_its_name_with_its_roles()
    {
        using var client = host.CreateClient();
        client.DefaultRequestHeaders.Add("X-Api-Key", BankFeedKey);

        var me = await client.GetAsync(new Uri("/api/auth/me", UriKind.Relative));

        me.StatusCode.Should().Be(HttpStatusCode.OK);
        var body = JsonDocument.Parse(await me.Content.ReadAsStringAsync()).RootElement;
        body.GetProperty("userName").GetString().Should().Be("bank-feed");
        body.GetProperty("roles").EnumerateArray().Select(r => r.GetString()).Should().Equal(Roles.Collector);
    }

    [Fact]
    public async Task An_unknown_api_key_gets_401_and_a_known_one_gets_403_outside_its_roles()
    {
        using var wrong = host.CreateClient();
        wrong.DefaultRequestHeaders.Add("X-Api-Key", BankFeedKey + "x");
        using var right = host.CreateClient();
        right.DefaultRequestHeaders.Add("X-Api-Key", BankFeedKey);

        (await wrong.GetAsync(new Uri("/api/auth/me", UriKind.Relative))).StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        (await right.GetAsync(new Uri("/api/users", UriKind.Relative))).StatusCode.Should().Be(HttpStatusCode.Forbidden);
    }

    [Fact]
    public void A_key_configured_in_clear_instead_of_its_hash_stops_the_host_with_the_reason()
    {
        using var other = new TempDirectory();
        using var broken = TestHost.Sqlite(other, ("Scheduler:AutoStart", "false"), ("Auth:ApiKeys:0:Name", "erp"), ("Auth:ApiKeys:0:KeyHash", BankFeedKey), ("Auth:ApiKeys:0:Roles:0", Roles.Collector));

        var start = () => broken.CreateClient();

        start.Should().Throw<InvalidOperationException>().WithMessage("*Auth:ApiKeys:0*KeyHash must be 'sha256:'*never put the key itself*");
    }

    [Fact]
    public async Task The_openapi_document_describes_the_api_without_signing_in()
    {
        using var client = host.CreateClient();

        var response = await client.GetAsync(new Uri("/openapi/v1.json", UriKind.Relative));

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        var paths = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("paths");
        paths.TryGetProperty("/api/orders", out _).Should().BeTrue();
        paths.TryGetProperty("/api/customers", out _).Should().BeTrue();
    }

    public void Dispose()
    {
        host.Dispose();
        directory.Dispose();
    }
}
