using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace OrderToCash.IntegrationTests.Remind;

/// <summary>The reminder templates' API: preview on real invoices (amount asked, ECB rate or formula), strict saving, versions.</summary>
public sealed class ReminderTemplateApiTests : IAsyncLifetime, IDisposable
{
    private readonly RemindHost host = new();

    public Task InitializeAsync() => host.PublishAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    public void Dispose() => host.Dispose();

    [Fact]
    public async Task The_preview_shows_the_real_invoice_the_amount_asked_open_less_disputed_and_the_rate_of_the_ecb_table()
    {
        // Due 15 March 2026: the table has 2026-H1 (2.15 %), so 12.15 % a year with the 10 points.
        var number = await host.IssueInvoiceAsync("C-0001", 2_400m, new DateOnly(2026, 3, 15));
        (await host.PostAsync("cora", $"/api/invoices/{number}/disputes", new { amount = 400m, reasonCode = "PRICE_ERROR" })).Status.Should().Be(HttpStatusCode.Created);

        var (status, preview) = await host.PostAsync("claire", "/api/reminder-templates/FormalReminder/preview", new { invoiceNumber = number });

        status.Should().Be(HttpStatusCode.OK, preview.ToString());
        preview.GetProperty("invoices").EnumerateArray().Select(i => i.GetString()).Should().Equal(number);
        preview.GetProperty("amountAsked").GetDecimal().Should().Be(2_000m, "2,400.00 open − 400.00 disputed");
        preview.GetProperty("body").GetString().Should().Contain(number).And.Contain("2\u00A0000,00\u00A0€")
            .And.Contain("au taux annuel de 12,15 %");
    }

    [Fact]
    public async Task The_preview_states_the_legal_formula_when_the_table_lacks_the_semester()
    {
        var number = await host.IssueInvoiceAsync("C-0001", 1_200m, new DateOnly(2026, 8, 14), startDunning: false);

        var (status, preview) = await host.PostAsync("claire", "/api/reminder-templates/FormalReminder/preview", new { invoiceNumber = number });

        status.Should().Be(HttpStatusCode.OK, preview.ToString());
        preview.GetProperty("body").GetString().Should().Contain("au taux de refinancement de la BCE en vigueur au 1er juillet 2026, majoré de 10 points")
            .And.NotContain("12,15");
    }

    [Fact]
    public async Task A_template_with_an_unknown_variable_is_refused_with_its_line_and_nothing_is_saved_a_good_one_becomes_the_next_version()
    {
        using var credit = host.Client("claire");

        var refused = await credit.PutAsJsonAsync(new Uri("/api/reminder-templates/FormalReminder", UriKind.Relative),
            new { subject = "Relance {{ total_asked }}", body = "Madame, Monsieur,\nMerci de régler {{ total_askd }}.", comment = "typo" });

        refused.StatusCode.Should().Be(HttpStatusCode.UnprocessableEntity);
        (await refused.Content.ReadAsStringAsync()).Should().Contain("line 2").And.Contain("'total_askd'");
        (await host.GetAsync("claire", "/api/reminder-templates/FormalReminder/versions")).EnumerateArray().Select(v => v.GetProperty("version").GetInt32()).Should().Equal(0);

        var saved = await credit.PutAsJsonAsync(new Uri("/api/reminder-templates/FormalReminder", UriKind.Relative),
            new { subject = "Relance {{ total_asked }}", body = "Madame, Monsieur,\nMerci de régler {{ total_asked }}.", comment = "Plus court" });

        saved.StatusCode.Should().Be(HttpStatusCode.Created, await saved.Content.ReadAsStringAsync());
        var versions = (await host.GetAsync("cora", "/api/reminder-templates/FormalReminder/versions")).EnumerateArray().ToList();
        versions.Select(v => v.GetProperty("version").GetInt32()).Should().Equal(1, 0);
        versions[0].GetProperty("author").GetString().Should().Be("claire");
        versions[0].GetProperty("comment").GetString().Should().Be("Plus court");
        using var collector = host.Client("cora");
        (await collector.PutAsJsonAsync(new Uri("/api/reminder-templates/FormalReminder", UriKind.Relative), new { subject = "x", body = "y", comment = "z" }))
            .StatusCode.Should().Be(HttpStatusCode.Forbidden, "only a credit manager saves a template");
    }
}
