using System.Net;
using System.Text.RegularExpressions;
using OrderToCash.UiTests.Infrastructure;

namespace OrderToCash.UiTests.Pages;

/// <summary>The host serves the built pages to anyone (they hold no data) and keeps the API behind sign-in.</summary>
[Collection(UiCollection.Name)]
public sealed partial class PageServingTests(UiFixture ui)
{
    [Theory]
    [InlineData("/", "<title>OrderToCash</title>")]
    [InlineData("/login", "<title>Connexion · OrderToCash</title>")]
    [InlineData("/designer", "<title>Modeleur de processus · OrderToCash</title>")]
    [InlineData("/rules", "<title>Règles · OrderToCash</title>")]
    public async Task Each_page_route_serves_its_own_HTML_entry_without_sign_in(string path, string title)
    {
        using var client = new HttpClient { BaseAddress = ui.Host.BaseAddress };

        using var response = await client.GetAsync(path);

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.Should().Be("text/html");
        (await response.Content.ReadAsStringAsync()).Should().Contain(title);
        response.Headers.GetValues("Content-Security-Policy").Single().Should().Contain("script-src 'self'");
        response.Headers.CacheControl!.NoCache.Should().BeTrue();
    }

    [Fact]
    public async Task The_scripts_of_a_page_are_served_without_sign_in_and_cached_for_good()
    {
        using var client = new HttpClient { BaseAddress = ui.Host.BaseAddress };
        var html = await client.GetStringAsync("/designer");
        var script = ScriptSource().Match(html);
        script.Success.Should().BeTrue("designer.html must load its bundled script");

        using var response = await client.GetAsync(script.Groups["src"].Value);

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.Should().Be("text/javascript");
        response.Headers.CacheControl!.ToString().Should().Contain("immutable");
    }

    [Theory]
    [InlineData("/api/auth/me")]
    [InlineData("/api/catalog")]
    [InlineData("/designer/../api/catalog")]
    public async Task Api_calls_still_require_sign_in(string path)
    {
        using var client = new HttpClient { BaseAddress = ui.Host.BaseAddress };

        using var response = await client.GetAsync(path);

        response.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
    }

    [GeneratedRegex("<script type=\"module\" crossorigin src=\"(?<src>/assets/[^\"]+\\.js)\"")]
    private static partial Regex ScriptSource();
}
