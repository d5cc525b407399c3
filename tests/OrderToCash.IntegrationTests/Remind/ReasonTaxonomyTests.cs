using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace OrderToCash.IntegrationTests.Remind;

public sealed class ReasonTaxonomyTests : IDisposable
{
    private static readonly string[] PriceCodes = ["PU_ERR", "REM_ERR", "RIST_ERR"];
    private static readonly string[] ShippedPriceCodes = ["PU_ERR", "REM_ERR"];
    private static readonly string[] ConflictingCodes = ["ART_ERR", "PU_ERR"];
    private readonly RemindHost host = new();

    public void Dispose() => host.Dispose();

    [Fact]
    public async Task The_host_loads_the_taxonomy_file_at_start_with_every_code_of_the_domain()
    {
        var reasons = await host.GetAsync("cora", "/api/reasons");

        reasons.EnumerateArray().Select(r => r.GetProperty("code").GetString()).Should().BeEquivalentTo(
            "PRICE_ERROR", "QUANTITY_SHORT", "INCOMPLETE_DELIVERY", "WRONG_ITEM", "DAMAGED_OR_QUALITY", "MISSING_PO_OR_REFERENCE",
            "WRONG_BILLING_ENTITY_OR_ADDRESS", "INVOICE_NOT_RECEIVED", "DUPLICATE_INVOICE", "VAT_OR_CALCULATION_ERROR", "TERMS_NOT_AS_AGREED",
            "MISSING_PROOF_OF_DELIVERY", "CUSTOMER_CASH_DIFFICULTY", "APPROVAL_DELAY_AT_CUSTOMER", "PAID_NOT_APPLIED", "AWAITING_CREDIT_NOTE");
        var price = reasons.EnumerateArray().Single(r => r.GetProperty("code").GetString() == "PRICE_ERROR");
        price.GetProperty("eInvoicingCodes").EnumerateArray().Select(c => c.GetString()).Should().Equal("PU_ERR", "REM_ERR");
        price.GetProperty("kind").GetString().Should().Be("Dispute");
    }

    [Fact]
    public async Task Quality_edits_a_reason_and_a_new_e_invoicing_code_maps_to_it()
    {
        using var quality = host.Client("quentin");
        var put = await quality.PutAsJsonAsync(new Uri("/api/reasons/PRICE_ERROR", UriKind.Relative),
            new { kind = "Dispute", label = "Price, discount or rebate error", department = "ADV", eInvoicingCodes = PriceCodes });
        put.StatusCode.Should().Be(HttpStatusCode.OK, await put.Content.ReadAsStringAsync());

        var created = await quality.PutAsJsonAsync(new Uri("/api/reasons/PACKAGING_ERROR", UriKind.Relative),
            new { kind = "Dispute", label = "Packaging not as ordered", department = "Logistics" });
        created.StatusCode.Should().Be(HttpStatusCode.Created, await created.Content.ReadAsStringAsync());

        var reasons = await host.GetAsync("cora", "/api/reasons");
        reasons.EnumerateArray().Single(r => r.GetProperty("code").GetString() == "PRICE_ERROR").GetProperty("label").GetString().Should().Be("Price, discount or rebate error");
        reasons.GetArrayLength().Should().Be(17);
    }

    [Fact]
    public async Task An_edit_through_the_api_survives_a_restart_the_file_only_adds_missing_codes_outside_development()
    {
        using (var quality = host.Client("quentin"))
        {
            (await quality.PutAsJsonAsync(new Uri("/api/reasons/PRICE_ERROR", UriKind.Relative),
                new { kind = "Dispute", label = "Price, discount or rebate error", department = "ADV", eInvoicingCodes = PriceCodes })).StatusCode.Should().Be(HttpStatusCode.OK);
        }

        await host.RestartAsync();

        var reasons = await host.GetAsync("cora", "/api/reasons");
        reasons.EnumerateArray().Single(r => r.GetProperty("code").GetString() == "PRICE_ERROR").GetProperty("label").GetString()
            .Should().Be("Price, discount or rebate error", "the quality team's edit is not overwritten by the shipped file at the next start");
        reasons.GetArrayLength().Should().Be(16);
    }

    [Fact]
    public async Task Each_change_is_a_version_with_its_author_date_comment_and_what_changed_and_a_restart_adds_none()
    {
        var loaded = (await host.GetAsync("quentin", "/api/reasons/versions")).EnumerateArray().ToList();
        loaded.Should().ContainSingle("the start recorded the file's taxonomy once");
        loaded[0].GetProperty("changes").EnumerateArray().Count(c => c.GetProperty("field").GetString() == "added").Should().Be(16);
        using (var quality = host.Client("quentin"))
        {
            (await quality.PutAsJsonAsync(new Uri("/api/reasons/PRICE_ERROR", UriKind.Relative),
                new { kind = "Dispute", label = "Price or discount error", department = "Sales", eInvoicingCodes = ShippedPriceCodes, comment = "Prices are set by sales" }))
                .StatusCode.Should().Be(HttpStatusCode.OK);
            (await quality.PutAsJsonAsync(new Uri("/api/reasons/PRICE_ERROR", UriKind.Relative),
                new { kind = "Dispute", label = "Price or discount error", department = "Sales", eInvoicingCodes = ShippedPriceCodes }))
                .StatusCode.Should().Be(HttpStatusCode.OK, "saving the same values again is not an error");
        }

        await host.RestartAsync();

        var versions = (await host.GetAsync("quentin", "/api/reasons/versions")).EnumerateArray().ToList();
        versions.Select(v => v.GetProperty("version").GetInt32()).Should().Equal([2, 1], "an unchanged save and a restart add no version");
        versions[0].GetProperty("author").GetString().Should().Be("quentin");
        versions[0].GetProperty("comment").GetString().Should().Be("Prices are set by sales");
        versions[0].GetProperty("changedAt").GetDateTimeOffset().Should().BeCloseTo(host.Clock.GetUtcNow(), TimeSpan.FromDays(1), "the change is dated by the host's clock");
        var change = versions[0].GetProperty("changes").EnumerateArray().Should().ContainSingle().Subject;
        (change.GetProperty("subject").GetString(), change.GetProperty("field").GetString(), change.GetProperty("before").GetString(), change.GetProperty("after").GetString())
            .Should().Be(("PRICE_ERROR", "department", "ADV", "Sales"));
    }

    [Fact]
    public async Task The_department_map_lists_every_department_the_reasons_name_with_its_roles()
    {
        var map = (await host.GetAsync("cora", "/api/reasons/departments")).EnumerateArray()
            .ToDictionary(d => d.GetProperty("department").GetString()!, d => d.GetProperty("roles").EnumerateArray().Select(r => r.GetString()).ToList());

        map["ADV"].Should().Equal("SalesAdministration");
        map["Collections"].Should().Equal("Collector");
        map["Logistics"].Should().BeEmpty("no back-office role answers for logistics: Quality and the process owner follow it");
        map.Keys.Should().Contain(["Treasury", "Credit", "Quality"]);
    }

    [Theory]
    [InlineData("PRICE_ERROR", "Sometimes", "x", "ADV", "kind")]
    [InlineData("PRICE_ERROR", "Dispute", "", "ADV", "label")]
    [InlineData("bad code", "Dispute", "x", "ADV", "code")]
    public async Task An_invalid_reason_is_refused_with_the_field_and_nothing_changes(string code, string kind, string label, string department, string field)
    {
        using var quality = host.Client("quentin");

        var put = await quality.PutAsJsonAsync(new Uri($"/api/reasons/{Uri.EscapeDataString(code)}", UriKind.Relative), new { kind, label, department });

        put.StatusCode.Should().Be(HttpStatusCode.UnprocessableEntity);
        (await put.Content.ReadAsStringAsync()).Should().Contain($"reason.{field}");
        (await host.GetAsync("cora", "/api/reasons")).EnumerateArray().Single(r => r.GetProperty("code").GetString() == "PRICE_ERROR")
            .GetProperty("label").GetString().Should().Be("Price or discount error");
    }

    [Fact]
    public async Task An_e_invoicing_code_cannot_map_to_two_reasons()
    {
        using var credit = host.Client("claire");

        var put = await credit.PutAsJsonAsync(new Uri("/api/reasons/WRONG_ITEM", UriKind.Relative),
            new { kind = "Dispute", label = "Wrong item", department = "Logistics", eInvoicingCodes = ConflictingCodes });

        put.StatusCode.Should().Be(HttpStatusCode.UnprocessableEntity);
        JsonDocument.Parse(await put.Content.ReadAsStringAsync()).RootElement.GetProperty("title").GetString().Should().Contain("'PU_ERR' already maps to PRICE_ERROR");
    }

    [Fact]
    public void An_invalid_taxonomy_file_stops_the_host_at_start_naming_each_problem()
    {
        using var folder = new Infrastructure.TempDirectory();
        var file = folder.File("reason-codes.json");
        File.WriteAllText(file, """{ "reasons": [ { "code": "PRICE_ERROR", "kind": "Dispute", "label": "Price", "department": "ADV" }, { "code": "PRICE_ERROR", "kind": "Sometimes", "label": "Again", "department": "ADV" } ] }""");

        var start = () => new RemindHost(null, ("Reasons:File", file));

        start.Should().Throw<InvalidOperationException>()
            .WithMessage("*reason taxonomy*invalid; nothing was loaded*reasons[1].code: 'PRICE_ERROR' appears twice.*reasons[1].kind: 'Sometimes' is not a kind*");
    }
}
