namespace OrderToCash.UiTests.Infrastructure;

/// <summary>Debian's Chromium, which Playwright drives (Playwright's own browser download is not used).</summary>
internal static class BrowserInstallation
{
    public const string InstallHint = "Chromium is not installed: sudo apt-get install -y chromium (or set O2C_CHROMIUM to a Chromium executable).";

    /// <summary>O2C_CHROMIUM when set, else /usr/bin/chromium; null when neither exists.</summary>
    public static string? ExecutablePath { get; } = Find();

    /// <summary>O2C_REQUIRE_BROWSER=1 (CI): a missing browser fails the tests instead of skipping them.</summary>
    public static bool Required => Environment.GetEnvironmentVariable("O2C_REQUIRE_BROWSER") == "1";

    private static string? Find()
    {
        var configured = Environment.GetEnvironmentVariable("O2C_CHROMIUM");
        var path = string.IsNullOrWhiteSpace(configured) ? "/usr/bin/chromium" : configured;
        return File.Exists(path) ? path : null;
    }
}

/// <summary>
/// A test in a real browser. Skipped with an install hint when Chromium is absent, unless O2C_REQUIRE_BROWSER=1
/// (as in CI), where the missing browser makes the test fail instead. <see cref="Conformance"/> names a folder of
/// ../shared/conformance the test also reads (skipped with its own message when absent).
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class BrowserFactAttribute : FactAttribute
{
    public BrowserFactAttribute()
    {
        if (BrowserInstallation.ExecutablePath is null && !BrowserInstallation.Required)
        {
            Skip = BrowserInstallation.InstallHint;
        }
    }

    public string? Conformance
    {
        get;
        set
        {
            field = value;
            Skip ??= value is null ? null : SharedConformance.SkipReason(value);
        }
    }
}
