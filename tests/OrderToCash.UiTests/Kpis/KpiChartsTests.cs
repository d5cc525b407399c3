using OrderToCash.UiTests.Infrastructure;

namespace OrderToCash.UiTests.Kpis;

/// <summary>
/// The KPI charts (Chart.js): the aged balance by bucket, DSO and CEI over twelve months, disputes by cause, the effect
/// of fixes and the largest exposures, each drawn on a canvas with its figures in a table. In French and in English,
/// checked with axe.
/// </summary>
[Collection(UiCollection.Name)]
public sealed class KpiChartsTests(UiFixture ui)
{
    [BrowserFact]
    public Task Quality_views_the_charts_in_french() =>
        ViewAsync("fr", UiUsers.Quality, bucket: "Non échu", month: "Mois", data: "Voir les données");

    [BrowserFact]
    public Task A_collector_views_the_charts_in_english() =>
        ViewAsync("en", UiUsers.Collector, bucket: "Not due", month: "Month", data: "Show the data");

    private async Task ViewAsync(string language, string user, string bucket, string month, string data)
    {
        await UiInvoices.IssueAsync(ui.Host, "C-0003", 480m);
        var page = await ui.NewPageAsync(language);
        await page.OpenSignedInAsync("/kpis", user);
        var aged = page.Locator("[data-test=aged-balance]");
        await aged.Locator("canvas").WaitForAsync();
        (await aged.Locator("canvas").BoundingBoxAsync())!.Height.Should().BeGreaterThan(100, "the chart is drawn in its box");
        (await aged.Locator("summary").TextContentAsync()).Should().Be(data);
        (await aged.Locator("[data-test=aged-balance-data] td:first-child").AllTextContentsAsync()).Should().HaveCount(5).And.Contain(bucket);
        (await aged.Locator("[data-test=aged-balance-data] td.num").AllTextContentsAsync()).Should().Contain(v => v.Contains('€') && v.Any(c => c >= '1' && c <= '9'), "the invoice just issued is not due yet");

        var trend = page.Locator("[data-test=dso-trend]");
        await trend.Locator("canvas").WaitForAsync();
        (await trend.Locator("th").First.TextContentAsync()).Should().Be(month);
        (await trend.Locator("[data-test=dso-trend-data] tbody tr").CountAsync()).Should().Be(12, "twelve months up to this one");

        foreach (var card in new[] { "dispute-causes", "fix-effects", "largest-exposures" })
        {
            await page.Locator($"[data-test={card}] h2").WaitForAsync();
        }

        (await page.Locator("[data-test=largest-exposures-data] tbody tr").CountAsync()).Should().BeGreaterThan(0, "the invoiced customer has an exposure");
        await page.ShouldHaveNoSeriousAxeViolationsAsync();
        await page.ScreenshotAsync($"kpi-charts-{language}");
        page.ShouldHaveNoScriptErrors();
    }
}
