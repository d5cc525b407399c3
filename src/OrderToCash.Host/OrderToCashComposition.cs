using OrderToCash.Core.Hosting;
using OrderToCash.Host.Features.Auth;
using OrderToCash.Host.Features.Catalog;
using OrderToCash.Host.Features.Health;
using OrderToCash.Host.Features.Web;

namespace OrderToCash.Host;

/// <summary>The host's composition root: one call to register, one to map.</summary>
internal static class OrderToCashComposition
{
    public static WebApplicationBuilder AddOrderToCash(this WebApplicationBuilder builder)
    {
        builder.Services.AddOrderToCashRuntime(builder.Configuration);
        builder.Services.AddProblemDetails();
        builder.AddOrderToCashAuth();
        builder.Services.AddProcessCatalog();
        builder.Services.AddHealthChecks()
            .AddCheck<DatabaseHealthCheck>("database")
            .AddCheck<SchedulerHealthCheck>("scheduler");
        return builder;
    }

    public static WebApplication MapOrderToCash(this WebApplication app)
    {
        // Resolved now so that a wrong Auth configuration stops the host at start with its reasons.
        app.Services.GetRequiredService<Core.Security.BuiltInUserStore>();
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseWebAssets();
        app.UseAuthentication();
        app.UseAuthorization();
        app.MapHealth();
        app.MapAuth();
        app.MapCatalog();
        app.MapWebPages();
        return app;
    }
}
