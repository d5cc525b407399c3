using OrderToCash.Core.Hosting;
using OrderToCash.Host.Features.Health;

namespace OrderToCash.Host;

/// <summary>The host's composition root: one call to register, one to map.</summary>
internal static class OrderToCashComposition
{
    public static WebApplicationBuilder AddOrderToCash(this WebApplicationBuilder builder)
    {
        builder.Services.AddOrderToCashRuntime(builder.Configuration);
        builder.Services.AddHealthChecks()
            .AddCheck<DatabaseHealthCheck>("database")
            .AddCheck<SchedulerHealthCheck>("scheduler");
        return builder;
    }

    public static WebApplication MapOrderToCash(this WebApplication app)
    {
        app.MapHealth();
        return app;
    }
}
