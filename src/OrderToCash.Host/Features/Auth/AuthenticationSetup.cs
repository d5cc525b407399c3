using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.DataProtection;
using OrderToCash.Core.Infrastructure.Security;

namespace OrderToCash.Host.Features.Auth;

internal static class AuthenticationSetup
{
    public const string CookieName = ".OrderToCash.Auth";

    private const string SelectorScheme = "OrderToCash";

    /// <summary>
    /// Cookie sign-in for the web pages, HTTP Basic for scripts, API keys for integrations; every endpoint requires a signed-in user unless it
    /// says otherwise, and one policy per role (named after the role) guards each feature.
    /// </summary>
    public static WebApplicationBuilder AddOrderToCashAuth(this WebApplicationBuilder builder)
    {
        var options = new AuthOptions();
        builder.Configuration.GetSection(AuthOptions.SectionName).Bind(options);
        builder.Services.AddSingleton(options);
        builder.Services.AddSingleton(sp => new BuiltInUserStore(
            DemoUsers.Resolve(options, sp.GetRequiredService<IHostEnvironment>(), sp.GetRequiredService<Core.Infrastructure.Persistence.DatabaseOptions>(), sp.GetRequiredService<ILogger<BuiltInUserStore>>())));

        builder.Services.AddSingleton(sp => new VerifiedCredentialCache(sp.GetRequiredService<BuiltInUserStore>(), sp.GetRequiredService<TimeProvider>()));
        builder.Services.AddSingleton(new ApiKeyStore(options.ApiKeys));
        if (options.Lockout.Problems().ToList() is { Count: > 0 } lockoutProblems)
        {
            throw new InvalidOperationException("The Auth:Lockout configuration is invalid:" + Environment.NewLine + string.Join(Environment.NewLine, lockoutProblems));
        }

        builder.Services.AddSingleton(options.Lockout);
        builder.Services.AddSingleton<SignInThrottle>();
        builder.Services.AddSingleton<SignInGuard>();
        builder.Services.AddSingleton<DatabaseSessionStore>();
        builder.Services.AddOptions<CookieAuthenticationOptions>(CookieAuthenticationDefaults.AuthenticationScheme)
            .Configure<DatabaseSessionStore>((cookie, sessions) => cookie.SessionStore = sessions);
        var requireHttps = Transport.TransportSetup.RequireHttps(builder);
        // Every host on the database protects cookies with the same keys, kept in the database: a user signed in on
        // one host stays signed in on the others and across restarts. A fixed application name, because the default
        // (the content root path) differs between hosts.
        var dataProtection = builder.Services.AddDataProtection()
            .SetApplicationName("OrderToCash")
            .PersistKeysToDbContext<Core.Infrastructure.Persistence.OrderToCashDbContext>();
        KeyRingProtection.Configure(dataProtection, builder.Configuration);

        builder.Services.AddAuthentication(SelectorScheme)
            .AddPolicyScheme(SelectorScheme, "Cookie, Basic or API key", policy => policy.ForwardDefaultSelector = SelectScheme)
            .AddScheme<AuthenticationSchemeOptions, BasicAuthenticationHandler>(BasicAuthenticationHandler.SchemeName, null)
            .AddScheme<AuthenticationSchemeOptions, ApiKeyAuthenticationHandler>(ApiKeyAuthenticationHandler.SchemeName, null)
            .AddCookie(cookie =>
            {
                cookie.Cookie.Name = CookieName;
                cookie.Cookie.HttpOnly = true;
                // Strict same-site cookies keep other sites from posting with the user's session (CSRF).
                cookie.Cookie.SameSite = SameSiteMode.Strict;
                // Outside development the cookie travels over HTTPS only (Transport:RequireHttps).
                cookie.Cookie.SecurePolicy = requireHttps ? CookieSecurePolicy.Always : CookieSecurePolicy.SameAsRequest;
                cookie.ExpireTimeSpan = TimeSpan.FromHours(8);
                cookie.SlidingExpiration = true;
                // An API answers 401/403; it never redirects to a login page.
                cookie.Events.OnRedirectToLogin = context => Status(context, StatusCodes.Status401Unauthorized);
                // A session lives as long as its user does: a removed user, a changed password or changed roles end it on the
                // next call; the session itself is kept in the database, so signing out ends it everywhere.
                cookie.Events.OnValidatePrincipal = RevalidateAsync;
                cookie.Events.OnRedirectToAccessDenied = context => Status(context, StatusCodes.Status403Forbidden);
            });

        var authorization = builder.Services.AddAuthorizationBuilder()
            .SetFallbackPolicy(new Microsoft.AspNetCore.Authorization.AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build());
        foreach (var role in Roles.BuiltIn)
        {
            authorization.AddPolicy(role, policy => policy.RequireRole(role));
        }

        return builder;
    }

    private static string SelectScheme(HttpContext context) =>
        context.Request.Headers.ContainsKey(ApiKeyAuthenticationHandler.HeaderName) ? ApiKeyAuthenticationHandler.SchemeName
        : context.Request.Headers.Authorization.ToString().StartsWith("Basic ", StringComparison.OrdinalIgnoreCase) ? BasicAuthenticationHandler.SchemeName
        : CookieAuthenticationDefaults.AuthenticationScheme;

    private static async Task RevalidateAsync(CookieValidatePrincipalContext context)
    {
        var store = context.HttpContext.RequestServices.GetRequiredService<BuiltInUserStore>();
        var name = context.Principal?.Identity?.Name;
        var user = name is null ? null : store.Find(name);
        if (user is null || context.Principal!.FindFirst(UserClaims.SecurityStamp)?.Value != UserClaims.Stamp(user))
        {
            context.RejectPrincipal();
            await context.HttpContext.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme).ConfigureAwait(false);
        }
    }

    private static Task Status(RedirectContext<CookieAuthenticationOptions> context, int status)
    {
        context.Response.StatusCode = status;
        return Task.CompletedTask;
    }
}
