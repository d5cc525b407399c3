using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using OrderToCash.IntegrationTests.Infrastructure;

namespace OrderToCash.IntegrationTests.Credit;

public sealed class CreditLimitRequestTests : IDisposable
{
    private readonly TempDirectory directory = new();
    private readonly TestHost host;

    public CreditLimitRequestTests() => host = TestHost.Sqlite(directory, ("Demo:Seed", "true"), ("Scheduler:AutoStart", "false"));

    [Fact]
    public async Task Sales_asks_the_credit_manager_grants_another_amount_and_the_limit_changes_with_the_decision_recorded()
    {
        using var sales = host.ClientFor("salesperson");
        using var credit = host.ClientFor("claire");

        var asked = await sales.PostAsJsonAsync(new Uri("/api/customers/C-0003/credit-limit-requests", UriKind.Relative), new { requestedLimit = 30_000m, reason = "Seasonal orders double in December" });
        asked.StatusCode.Should().Be(HttpStatusCode.Created);
        var id = JsonDocument.Parse(await asked.Content.ReadAsStringAsync()).RootElement.GetProperty("id").GetGuid();

        var decided = await credit.PostAsJsonAsync(new Uri($"/api/credit-limit-requests/{id}/decision", UriKind.Relative), new { approve = true, grantedLimit = 25_000m, comment = "Granted up to 25k pending the insurer's review" });
        decided.StatusCode.Should().Be(HttpStatusCode.OK);

        var customer = JsonDocument.Parse(await credit.GetStringAsync(new Uri("/api/customers/C-0003", UriKind.Relative))).RootElement;
        customer.GetProperty("internalCreditLimit").GetDecimal().Should().Be(25_000m);
        var history = JsonDocument.Parse(await sales.GetStringAsync(new Uri("/api/customers/C-0003/credit-limit-requests", UriKind.Relative))).RootElement;
        var request = history.EnumerateArray().Single();
        request.GetProperty("status").GetString().Should().Be("Approved");
        request.GetProperty("currentLimit").GetDecimal().Should().Be(15_000m);
        request.GetProperty("grantedLimit").GetDecimal().Should().Be(25_000m);
        request.GetProperty("decidedBy").GetString().Should().Be("claire");
    }

    [Fact]
    public async Task A_decided_request_cannot_be_decided_again()
    {
        using var sales = host.ClientFor("salesperson");
        using var credit = host.ClientFor("claire");
        var asked = await sales.PostAsJsonAsync(new Uri("/api/customers/C-0001/credit-limit-requests", UriKind.Relative), new { requestedLimit = 80_000m, reason = "New contract" });
        var id = JsonDocument.Parse(await asked.Content.ReadAsStringAsync()).RootElement.GetProperty("id").GetGuid();
        await credit.PostAsJsonAsync(new Uri($"/api/credit-limit-requests/{id}/decision", UriKind.Relative), new { approve = false, comment = "Two invoices 60+ days overdue" });

        var again = await credit.PostAsJsonAsync(new Uri($"/api/credit-limit-requests/{id}/decision", UriKind.Relative), new { approve = true, comment = "changed my mind" });

        again.StatusCode.Should().Be(HttpStatusCode.UnprocessableEntity);
        (await again.Content.ReadAsStringAsync()).Should().Contain("already rejected by claire");
        var customer = JsonDocument.Parse(await credit.GetStringAsync(new Uri("/api/customers/C-0001", UriKind.Relative))).RootElement;
        customer.GetProperty("internalCreditLimit").GetDecimal().Should().Be(50_000m, "a refused change leaves the limit as it was");
    }

    [Theory]
    [InlineData(-1, "Seasonal", "cannot be negative")]
    [InlineData(20_000, "", "Say why")]
    public async Task A_bad_request_is_refused_with_the_reason_and_nothing_is_written(decimal limit, string reason, string message)
    {
        using var sales = host.ClientFor("salesperson");

        var asked = await sales.PostAsJsonAsync(new Uri("/api/customers/C-0003/credit-limit-requests", UriKind.Relative), new { requestedLimit = limit, reason });

        asked.StatusCode.Should().Be(HttpStatusCode.UnprocessableEntity);
        (await asked.Content.ReadAsStringAsync()).Should().Contain(message);
        (await sales.GetStringAsync(new Uri("/api/customers/C-0003/credit-limit-requests", UriKind.Relative))).Should().Be("[]");
    }

    [Fact]
    public async Task A_request_without_amount_or_with_an_implausible_one_is_refused_and_nothing_is_written()
    {
        using var sales = host.ClientFor("salesperson");

        var missing = await sales.PostAsJsonAsync(new Uri("/api/customers/C-0003/credit-limit-requests", UriKind.Relative), new { reason = "Seasonal" });
        var huge = await sales.PostAsJsonAsync(new Uri("/api/customers/C-0003/credit-limit-requests", UriKind.Relative), new { requestedLimit = 5_000_000_000_000m, reason = "Seasonal" });

        missing.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await missing.Content.ReadAsStringAsync()).Should().Contain("The requested credit limit is required.");
        huge.StatusCode.Should().Be(HttpStatusCode.UnprocessableEntity);
        (await huge.Content.ReadAsStringAsync()).Should().Contain("not plausible");
        (await sales.GetStringAsync(new Uri("/api/customers/C-0003/credit-limit-requests", UriKind.Relative))).Should().Be("[]");
    }

    [Fact]
    public async Task A_salesperson_cannot_ask_for_another_salespersons_account_nor_decide()
    {
        using var sam = host.ClientFor("sam");

        var asked = await sam.PostAsJsonAsync(new Uri("/api/customers/C-0003/credit-limit-requests", UriKind.Relative), new { requestedLimit = 20_000m, reason = "x" });
        var decided = await sam.PostAsJsonAsync(new Uri($"/api/credit-limit-requests/{Guid.NewGuid()}/decision", UriKind.Relative), new { approve = true, comment = "x" });

        asked.StatusCode.Should().Be(HttpStatusCode.NotFound);
        decided.StatusCode.Should().Be(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Malformed_json_is_a_400_problem()
    {
        using var sales = host.ClientFor("salesperson");

        using var content = new StringContent("{\"requestedLimit\": \"lots\"}", System.Text.Encoding.UTF8, "application/json");
        var asked = await sales.PostAsync(new Uri("/api/customers/C-0003/credit-limit-requests", UriKind.Relative), content);

        asked.StatusCode.Should().Be(HttpStatusCode.BadRequest);
    }

    public void Dispose()
    {
        host.Dispose();
        directory.Dispose();
    }
}
