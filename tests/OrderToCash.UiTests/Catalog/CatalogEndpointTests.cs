using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using OrderToCash.Core.Infrastructure.Security;
using OrderToCash.Host.Features.Catalog;
using OrderToCash.UiTests.Infrastructure;

namespace OrderToCash.UiTests.Catalog;

[Collection(UiCollection.Name)]
public sealed class CatalogEndpointTests(UiFixture ui)
{
    [Fact]
    public async Task A_process_owner_gets_every_role_and_what_the_registry_holds()
    {
        var suffix = Guid.NewGuid().ToString("N")[..8];
        ui.Host.Services.GetRequiredService<ProcessCatalog>()
            .AddHandler($"reserve-stock-{suffix}", "Reserve the ordered stock", ["orderId"], ["reservationId"])
            .AddRuleSet($"credit-limit-{suffix}", "Credit limit")
            .AddMessage($"PaymentReceived-{suffix}", "A payment arrived from the bank");
        using var client = ClientFor(UiUsers.ProcessOwner);

        var catalog = await client.GetFromJsonAsync<JsonElement>("/api/catalog");

        catalog.GetProperty("roles").EnumerateArray().Select(r => r.GetString()).Should().Equal(Roles.BuiltIn);
        var handler = catalog.GetProperty("handlers").EnumerateArray().Single(h => h.GetProperty("name").GetString() == $"reserve-stock-{suffix}");
        handler.GetProperty("description").GetString().Should().Be("Reserve the ordered stock");
        handler.GetProperty("inputs").EnumerateArray().Select(i => i.GetString()).Should().Equal("orderId");
        handler.GetProperty("outputs").EnumerateArray().Select(i => i.GetString()).Should().Equal("reservationId");
        catalog.GetProperty("ruleSets").EnumerateArray().Should().Contain(r => r.GetProperty("name").GetString() == $"credit-limit-{suffix}");
        catalog.GetProperty("messages").EnumerateArray().Should().Contain(m => m.GetProperty("name").GetString() == $"PaymentReceived-{suffix}");
    }

    [Theory]
    [InlineData(UiUsers.ProcessOwner, HttpStatusCode.OK)]
    [InlineData(UiUsers.CreditManager, HttpStatusCode.OK)]
    [InlineData(UiUsers.Collector, HttpStatusCode.Forbidden)]
    [InlineData(null, HttpStatusCode.Unauthorized)]
    public async Task Only_process_owners_and_credit_managers_read_the_catalog(string? userName, HttpStatusCode expected)
    {
        using var client = userName is null ? new HttpClient { BaseAddress = ui.Host.BaseAddress } : ClientFor(userName);

        using var response = await client.GetAsync("/api/catalog");

        response.StatusCode.Should().Be(expected);
    }

    private HttpClient ClientFor(string userName)
    {
        var client = new HttpClient { BaseAddress = ui.Host.BaseAddress };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue(
            "Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{userName}:{UiUsers.Password(userName)}")));
        return client;
    }
}
