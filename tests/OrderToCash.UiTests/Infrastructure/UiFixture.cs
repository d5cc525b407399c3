using Microsoft.Playwright;

namespace OrderToCash.UiTests.Infrastructure;

/// <summary>One host and one browser for all the UI tests (each test opens its own isolated browser context).</summary>
public sealed class UiFixture : IAsyncLifetime
{
    private IPlaywright? _playwright;
    private IBrowser? _browser;

    public UiHost Host { get; } = new();

    public IBrowser Browser => _browser ?? throw new InvalidOperationException(BrowserInstallation.InstallHint);

    /// <summary>Screenshots of the pages, for a person to look at (bin/.../screenshots).</summary>
    public static string ScreenshotFolder { get; } = Directory.CreateDirectory(Path.Combine(AppContext.BaseDirectory, "screenshots")).FullName;

    public async Task InitializeAsync()
    {
        if (BrowserInstallation.ExecutablePath is not { } executable)
        {
            // The tests are skipped (or, with O2C_REQUIRE_BROWSER=1, fail on the missing Browser).
            return;
        }

        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = executable,
            Headless = true,
            Args =
            [
                "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
            ],
        });
    }

    /// <summary>
    /// A fresh browser context (no cookies), 1440×900, downloads accepted, on the host's address, showing the pages
    /// in <paramref name="language"/> ("fr", the pages' default, or "en") until the page's switch changes it; on
    /// <paramref name="host"/> when a test needs a host of its own.
    /// </summary>
    public async Task<IPage> NewPageAsync(string language = "en", UiHost? host = null)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = (host ?? Host).BaseAddress.ToString(),
            ViewportSize = new ViewportSize { Width = 1440, Height = 900 },
            AcceptDownloads = true,
            Locale = "en-GB",
        });
        // Generous: CI shares two cores between the build, the other test assemblies and the browser.
        context.SetDefaultTimeout(30_000);
        // The pages keep the language chosen on the browser (localStorage); a test starts in the one it asks for.
        await context.AddInitScriptAsync($"if (!localStorage.getItem('o2c.language')) localStorage.setItem('o2c.language', '{language}');");
        var page = await context.NewPageAsync();
        ScriptErrors.Watch(page);
        return page;
    }

    public async Task DisposeAsync()
    {
        if (_browser is not null)
        {
            await _browser.DisposeAsync();
        }

        _playwright?.Dispose();
        await Host.DisposeAsync();
    }
}

[CollectionDefinition(Name)]
public sealed class UiCollection : ICollectionFixture<UiFixture>
{
    public const string Name = "UI";
}
