using System.Net;
using System.Text.Json;
using OrderToCash.IntegrationTests.Infrastructure;

namespace OrderToCash.IntegrationTests.Credit;

/// <summary>GET /api/credit/cockpit is the credit manager's: other roles are refused, and its lists are there when empty.</summary>
public sealed class CreditCockpitApiTests : IDisposable
{
    private readonly TempDirectory directory = new();
    private readonly TestHost host;

    public CreditCockpitApiTests() => host = TestHost.Sqlite(directory, ("Scheduler:AutoStart", "false"));

    [Theory]
    [InlineData("claire", HttpStatusCode.OK)]
    [InlineData("sam", HttpStatusCode.Forbidden)]
    [InlineData("carl", HttpStatusCode.Forbidden)]
    [InlineData("quentin", HttpStatusCode.Forbidden)]
    public async Task Only_credit_managers_read_the_cockpit(string user, HttpStatusCode expected)
    {
        using var client = host.ClientFor(user);
        var response = await client.GetAsync(new Uri("/api/credit/cockpit", UriKind.Relative));
        response.StatusCode.Should().Be(expected);
        if (expected == HttpStatusCode.OK)
        {
            var cockpit = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
            cockpit.GetProperty("blockedTotal").GetInt32().Should().Be(0);
            cockpit.GetProperty("limitRequests").GetArrayLength().Should().Be(0);
        }
    }

    public void Dispose()
    {
        host.Dispose();
        directory.Dispose();
    }
}
