using System.Net;
using Microsoft.AspNetCore.HttpOverrides;

namespace OrderToCash.Host.Features.Transport;

/// <summary>
/// Credentials travel over HTTPS only outside Development (<c>Transport:RequireHttps</c>, default: not Development):
/// a request carrying a password (Basic, cookie sign-in), an API key or the session cookie over plain HTTP is refused
/// with 403, cookies are Secure and HSTS tells browsers to come back over HTTPS. Behind a TLS-terminating proxy, the
/// proxy's addresses are configured in <c>ForwardedHeaders:KnownProxies</c> / <c>ForwardedHeaders:KnownNetworks</c>;
/// only those are believed when they say the client used HTTPS (X-Forwarded-Proto) and who the client is
/// (X-Forwarded-For, used by the sign-in lockout). ADR 0095.
/// </summary>
internal static class TransportSetup
{
    public static bool RequireHttps(WebApplicationBuilder builder) =>
        builder.Configuration.GetValue<bool?>("Transport:RequireHttps") ?? !builder.Environment.IsDevelopment();

    public static WebApplicationBuilder AddOrderToCashTransport(this WebApplicationBuilder builder)
    {
        var proxies = builder.Configuration.GetSection("ForwardedHeaders:KnownProxies").Get<string[]>() ?? [];
        var networks = builder.Configuration.GetSection("ForwardedHeaders:KnownNetworks").Get<string[]>() ?? [];
        builder.Services.Configure<ForwardedHeadersOptions>(options =>
        {
            options.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            // Nobody is trusted by default (not even loopback): only the configured proxies.
            options.KnownProxies.Clear();
            options.KnownIPNetworks.Clear();
            foreach (var proxy in proxies)
            {
                options.KnownProxies.Add(IPAddress.TryParse(proxy, out var address)
                    ? address
                    : throw new InvalidOperationException($"ForwardedHeaders:KnownProxies: '{proxy}' is not an IP address."));
            }

            foreach (var network in networks)
            {
                options.KnownIPNetworks.Add(System.Net.IPNetwork.TryParse(network, out var parsed)
                    ? parsed
                    : throw new InvalidOperationException($"ForwardedHeaders:KnownNetworks: '{network}' is not a network in CIDR notation (e.g. 10.0.0.0/8)."));
            }
        });
        builder.Services.AddHsts(hsts =>
        {
            hsts.MaxAge = TimeSpan.FromDays(365);
            hsts.IncludeSubDomains = false;
        });
        return builder;
    }

    public static WebApplication UseOrderToCashTransport(this WebApplication app)
    {
        var configuration = app.Configuration;
        if (configuration.GetSection("ForwardedHeaders:KnownProxies").GetChildren().Any() || configuration.GetSection("ForwardedHeaders:KnownNetworks").GetChildren().Any())
        {
            app.UseForwardedHeaders();
        }

        if (configuration.GetValue<bool?>("Transport:RequireHttps") ?? !app.Environment.IsDevelopment())
        {
            app.UseHsts();
            app.Use(RefuseCredentialsOverPlainHttp);
        }

        return app;
    }

    private static async Task RefuseCredentialsOverPlainHttp(HttpContext context, RequestDelegate next)
    {
        if (context.Request.IsHttps || !CarriesCredentials(context.Request))
        {
            await next(context).ConfigureAwait(false);
            return;
        }

        context.Response.StatusCode = StatusCodes.Status403Forbidden;
        var problems = context.RequestServices.GetRequiredService<IProblemDetailsService>();
        await problems.WriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            ProblemDetails =
            {
                Status = StatusCodes.Status403Forbidden,
                Title = "Credentials are accepted over HTTPS only.",
                Detail = "This request carries a password, an API key or a session cookie over plain HTTP. Use https://; behind a TLS proxy, "
                    + "configure its address in ForwardedHeaders:KnownProxies (or KnownNetworks) so that its X-Forwarded-Proto is believed.",
            },
        }).ConfigureAwait(false);
    }

    private static bool CarriesCredentials(HttpRequest request) =>
        request.Headers.Authorization.Count > 0
        || request.Headers.ContainsKey(Auth.ApiKeyAuthenticationHandler.HeaderName)
        || request.Cookies.ContainsKey(Auth.AuthenticationSetup.CookieName)
        || request.Path.StartsWithSegments("/api/auth/login", StringComparison.OrdinalIgnoreCase);
}
