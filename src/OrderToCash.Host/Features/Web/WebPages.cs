using Microsoft.AspNetCore.StaticFiles;

namespace OrderToCash.Host.Features.Web;

/// <summary>
/// The web pages built by src/OrderToCash.Web into wwwroot. The HTML and its assets are public files (a sign-in
/// page must load before anyone is signed in); what they show comes from API calls, which require the cookie and
/// the page's role.
/// </summary>
internal static class WebPages
{
    /// <summary>Page routes and the HTML entry each one serves ("/" is index.html, through the default files).</summary>
    private static readonly (string Route, string File)[] Pages =
    [
        ("/login", "login.html"),
        ("/designer", "designer.html"),
        ("/rules", "rules.html"),
        ("/tasks", "tasks.html"),
        ("/receivables", "receivables.html"),
        ("/root-causes", "root-causes.html"),
        ("/reasons", "reasons.html"),
        ("/customers", "customers.html"),
        ("/collections", "collections.html"),
        ("/sales", "sales.html"),
        ("/operations", "operations.html"),
        ("/credit", "credit.html"),
        ("/kpis", "kpis.html"),
        ("/control-tower", "control-tower.html"),
    ];

    // bpmn-js sets inline style attributes and embeds its icon font as a data: URI; nothing else is allowed in.
    private const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; " +
        "font-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    /// <summary>Serves wwwroot anonymously; called before authentication so that files never meet the fallback policy.</summary>
    public static WebApplication UseWebAssets(this WebApplication app)
    {
        app.UseDefaultFiles();
        app.UseStaticFiles(StaticFileOptions());
        return app;
    }

    public static void MapWebPages(this IEndpointRouteBuilder endpoints)
    {
        foreach (var (route, file) in Pages)
        {
            endpoints.MapFallbackToFile(route, file, StaticFileOptions()).AllowAnonymous();
        }
    }

    private static StaticFileOptions StaticFileOptions() => new()
    {
        OnPrepareResponse = context =>
        {
            var headers = context.Context.Response.Headers;
            headers.XContentTypeOptions = "nosniff";
            if (context.File.Name.EndsWith(".html", StringComparison.OrdinalIgnoreCase))
            {
                // Pages always revalidate, so a new build is picked up at once; their assets are fingerprinted.
                headers.CacheControl = "no-cache";
                headers.ContentSecurityPolicy = ContentSecurityPolicy;
                headers["Referrer-Policy"] = "same-origin";
            }
            else if (context.Context.Request.Path.StartsWithSegments("/assets", StringComparison.Ordinal))
            {
                headers.CacheControl = "public, max-age=31536000, immutable";
            }
        },
        ContentTypeProvider = new FileExtensionContentTypeProvider(),
    };
}
