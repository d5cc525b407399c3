namespace OrderToCash.Core.Steps;

/// <summary>The <c>Workflow:Http</c> section: which systems the <c>http.call</c> step may call, and how long it waits.</summary>
public sealed class HttpCallOptions
{
    public const string SectionName = "Workflow:Http";

    /// <summary>Absolute base URLs (e.g. <c>https://erp.example.fr/api/</c>); a call to any other URL is refused. None by default.</summary>
    public IList<string> AllowedBaseUrls { get; } = [];

    /// <summary>The longest a call may take (and the default when the task gives none).</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>The most of a response body that is read (and kept in the <c>body</c> output).</summary>
    public int MaxResponseBytes { get; set; } = 1_000_000;

    /// <summary>The base URL <paramref name="url"/> falls under, or null: same scheme, host and port, and a path under the base's.</summary>
    public string? AllowedBaseOf(Uri url)
    {
        ArgumentNullException.ThrowIfNull(url);
        foreach (var text in AllowedBaseUrls)
        {
            if (Uri.TryCreate(text, UriKind.Absolute, out var allowed)
                && string.Equals(allowed.Scheme, url.Scheme, StringComparison.OrdinalIgnoreCase)
                && string.Equals(allowed.IdnHost, url.IdnHost, StringComparison.OrdinalIgnoreCase)
                && allowed.Port == url.Port
                && (url.AbsolutePath.StartsWith(allowed.AbsolutePath.EndsWith('/') ? allowed.AbsolutePath : allowed.AbsolutePath + "/", StringComparison.Ordinal)
                    || string.Equals(url.AbsolutePath, allowed.AbsolutePath, StringComparison.Ordinal)))
            {
                return text;
            }
        }

        return null;
    }
}
