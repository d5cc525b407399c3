using System.Net;
using System.Text.Json;
using OrderToCash.IntegrationTests.Infrastructure;

namespace OrderToCash.IntegrationTests.Customers;

public sealed class CustomerEndpointTests : IDisposable
{
    private readonly TempDirectory directory = new();
    private readonly TestHost host;

    public CustomerEndpointTests() => host = TestHost.Sqlite(directory, ("Demo:Seed", "true"), ("Scheduler:AutoStart", "false"));

    [Fact]
    public async Task The_back_office_sees_every_demo_customer_with_exposure_and_headroom()
    {
        using var client = host.ClientFor("claire");

        var list = await Json(client, "/api/customers");
        var detail = await Json(client, "/api/customers/C-0002");

        list.GetArrayLength().Should().Be(8);
        detail.GetProperty("vatNumber").GetString().Should().Be("FR72140260662");
        detail.GetProperty("creditLimit").GetDecimal().Should().Be(400_000m, "internal limit 250,000 + insurer cover 150,000");
        detail.GetProperty("exposure").GetProperty("headroom").GetDecimal().Should().Be(400_000m);
    }

    [Fact]
    public async Task A_customer_sees_only_its_own_company_and_others_do_not_exist_for_it()
    {
        using var client = host.ClientFor("carl");

        var list = await Json(client, "/api/customers");
        var other = await client.GetAsync(new Uri("/api/customers/C-0002", UriKind.Relative));

        list.EnumerateArray().Select(c => c.GetProperty("id").GetString()).Should().Equal("C-0001");
        other.StatusCode.Should().Be(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_salesperson_sees_only_their_own_accounts()
    {
        using var client = host.ClientFor("sam");

        var list = await Json(client, "/api/customers");

        list.GetArrayLength().Should().Be(0, "the demo accounts belong to the demo salesperson, not to sam");
    }

    [Fact]
    public async Task A_process_owner_has_no_business_reading_customers()
    {
        using var client = host.ClientFor("olivia");

        var response = await client.GetAsync(new Uri("/api/customers", UriKind.Relative));

        response.StatusCode.Should().Be(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task An_unknown_customer_is_a_404_problem_naming_it()
    {
        using var client = host.ClientFor("claire");

        var response = await client.GetAsync(new Uri("/api/customers/C-9999", UriKind.Relative));

        response.StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await response.Content.ReadAsStringAsync()).Should().Contain("Customer 'C-9999' was not found.");
    }

    private static async Task<JsonElement> Json(HttpClient client, string path)
    {
        var response = await client.GetAsync(new Uri(path, UriKind.Relative));
        response.StatusCode.Should().Be(HttpStatusCode.OK);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
    }

    public void Dispose()
    {
        host.Dispose();
        directory.Dispose();
    }
}
