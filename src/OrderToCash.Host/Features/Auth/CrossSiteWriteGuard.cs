namespace OrderToCash.Host.Features.Auth;

/// <summary>
/// Refuses a write (POST, PUT, PATCH, DELETE) a browser sends from another site: the session cookie would ride along
/// and act for the signed-in user (CSRF). Browsers say where a request comes from in <c>Sec-Fetch-Site</c> and
/// <c>Origin</c>; the pages of this application are same-origin. Scripts and integrations (HttpClient, curl) send
/// neither header and are not concerned: they authenticate explicitly (Basic, API key). ADR 0092.
/// </summary>
internal static class CrossSiteWriteGuard
{
    public static IApplicationBuilder UseCrossSiteWriteGuard(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        if (IsWrite(context.Request.Method) && CrossSiteReason(context.Request) is { } reason)
        {
            await Results.Problem(
                title: "A write from another site is refused.",
                detail: $"{reason} Writes are accepted only from this application's own pages.",
                statusCode: StatusCodes.Status403Forbidden).ExecuteAsync(context).ConfigureAwait(false);
            return;
        }

        await next(context).ConfigureAwait(false);
    });

    private static bool IsWrite(string method) =>
        !(HttpMethods.IsGet(method) || HttpMethods.IsHead(method) || HttpMethods.IsOptions(method) || HttpMethods.IsTrace(method));

    /// <summary>Why the request comes from another site, or null when it comes from this one (or from no browser).</summary>
    private static string? CrossSiteReason(HttpRequest request)
    {
        var site = request.Headers["Sec-Fetch-Site"].ToString();
        if (site.Length > 0 && site is not ("same-origin" or "none"))
        {
            return $"The browser says it comes from a {site} page (Sec-Fetch-Site).";
        }

        var origin = request.Headers.Origin.ToString();
        if (origin.Length == 0)
        {
            return null;
        }

        if (!Uri.TryCreate(origin, UriKind.Absolute, out var uri))
        {
            return $"It comes from an opaque origin ('{origin}').";
        }

        // Behind a TLS proxy the scheme (and the default port) may differ from what the host sees; the host name may not.
        var host = request.Host;
        var sameHost = string.Equals(uri.IdnHost, host.Host, StringComparison.OrdinalIgnoreCase) && (host.Port is null || host.Port == uri.Port);
        return sameHost ? null : $"It comes from {origin}, not from {request.Scheme}://{host}.";
    }
}
