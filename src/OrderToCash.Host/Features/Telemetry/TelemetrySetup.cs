using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;
using OrderToCash.Core;
using OrderToCash.Core.Infrastructure.Security;
using OrderToCash.Engine.Telemetry;

namespace OrderToCash.Host.Features.Telemetry;

/// <summary>
/// OpenTelemetry by configuration (section <c>OpenTelemetry</c>, docs/operations.md): traces (ASP.NET Core, HttpClient,
/// EF Core, the engine's steps), metrics (the same plus the .NET runtime and our own Meters) and logs. Exported over
/// OTLP when <c>OpenTelemetry:Otlp:Endpoint</c> (or OTEL_EXPORTER_OTLP_ENDPOINT) is set, scraped by Prometheus at
/// <c>OpenTelemetry:Prometheus:Path</c> (default /metrics) when <c>OpenTelemetry:Prometheus:Enabled</c> is true.
/// With neither, nothing is registered: the instruments cost nothing when nobody listens.
/// </summary>
internal static class TelemetrySetup
{
    private const string Section = "OpenTelemetry";

    public static WebApplicationBuilder AddOrderToCashTelemetry(this WebApplicationBuilder builder)
    {
        var settings = TelemetrySettings.From(builder.Configuration);
        if (!settings.Otlp && !settings.Prometheus)
        {
            return builder;
        }

        var version = typeof(TelemetrySetup).Assembly.GetName().Version?.ToString();
        var telemetry = builder.Services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService(settings.ServiceName, serviceVersion: version))
            .WithMetrics(metrics =>
            {
                metrics.AddMeter(EngineTelemetry.Name, OrderToCashTelemetry.Name)
                    .AddAspNetCoreInstrumentation()
                    .AddHttpClientInstrumentation()
                    .AddRuntimeInstrumentation();
                if (settings.Prometheus)
                {
                    metrics.AddPrometheusExporter(options => options.ScrapeEndpointPath = settings.PrometheusPath);
                }
            });
        if (settings.Otlp)
        {
            // Traces and logs go only to a collector; Prometheus scrapes metrics.
            telemetry
                .WithTracing(tracing => tracing.AddSource(EngineTelemetry.Name)
                    .AddAspNetCoreInstrumentation()
                    .AddHttpClientInstrumentation()
                    .AddEntityFrameworkCoreInstrumentation())
                .WithLogging(logging => { }, options =>
                {
                    options.IncludeScopes = true;
                    options.IncludeFormattedMessage = true;
                });
            if (settings.OtlpEndpoint is { } endpoint)
            {
                telemetry.UseOtlpExporter(settings.OtlpHttp ? OpenTelemetry.Exporter.OtlpExportProtocol.HttpProtobuf : OpenTelemetry.Exporter.OtlpExportProtocol.Grpc, endpoint);
            }
            else
            {
                telemetry.UseOtlpExporter();
            }
        }

        return builder;
    }

    /// <summary>The Prometheus scraping endpoint, for an Administrator unless <c>OpenTelemetry:Prometheus:AllowAnonymous</c>.</summary>
    public static WebApplication MapTelemetry(this WebApplication app)
    {
        var settings = TelemetrySettings.From(app.Configuration);
        if (settings.Prometheus)
        {
            var endpoint = app.MapPrometheusScrapingEndpoint(settings.PrometheusPath);
            if (settings.PrometheusAnonymous)
            {
                endpoint.AllowAnonymous();
            }
            else
            {
                endpoint.RequireAuthorization(Roles.Administrator);
            }
        }

        return app;
    }

    private sealed record TelemetrySettings(string ServiceName, bool Otlp, Uri? OtlpEndpoint, bool OtlpHttp, bool Prometheus, string PrometheusPath, bool PrometheusAnonymous)
    {
        public static TelemetrySettings From(IConfiguration configuration)
        {
            var section = configuration.GetSection(Section);
            var endpoint = section["Otlp:Endpoint"];
            Uri? uri = null;
            if (!string.IsNullOrWhiteSpace(endpoint) && !Uri.TryCreate(endpoint, UriKind.Absolute, out uri))
            {
                throw new InvalidOperationException($"{Section}:Otlp:Endpoint '{endpoint}' is not an absolute URL (e.g. http://otel-collector:4317).");
            }

            var protocol = section["Otlp:Protocol"] ?? "grpc";
            if (protocol is not ("grpc" or "http/protobuf"))
            {
                throw new InvalidOperationException($"{Section}:Otlp:Protocol '{protocol}' is not 'grpc' (port 4317) or 'http/protobuf' (port 4318).");
            }

            var path = section["Prometheus:Path"] ?? "/metrics";
            return new(
                section["ServiceName"] ?? "ordertocash",
                uri is not null || !string.IsNullOrWhiteSpace(configuration["OTEL_EXPORTER_OTLP_ENDPOINT"]),
                uri,
                protocol == "http/protobuf",
                section.GetValue<bool>("Prometheus:Enabled"),
                path.StartsWith('/') ? path : "/" + path,
                section.GetValue<bool>("Prometheus:AllowAnonymous"));
        }
    }
}
