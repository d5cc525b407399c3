using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using OrderToCash.Core.Infrastructure.Security;

namespace OrderToCash.Host.Features.Health;

internal static class HealthEndpoint
{
    /// <summary>The checks <c>/health/ready</c> runs: the database answers, is up to date and accepts a write.</summary>
    public const string ReadyTag = "ready";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    /// <summary>
    /// <c>GET /health/live</c>: 200 while the process answers (no check). <c>GET /health/ready</c>: 200 only when every
    /// ready check is healthy (a pending migration, a database that cannot be written: 503). <c>GET /health</c>: every
    /// check, 200 when healthy or degraded, 503 when unhealthy. All anonymous; each check's details (provider,
    /// migrations, scheduler) only for an administrator, everyone else sees the status.
    /// </summary>
    public static void MapHealth(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapHealthChecks("/health", Options(_ => true, degradedStatus: StatusCodes.Status200OK)).AllowAnonymous();
        endpoints.MapHealthChecks("/health/live", Options(_ => false, degradedStatus: StatusCodes.Status200OK)).AllowAnonymous();
        endpoints.MapHealthChecks("/health/ready", Options(check => check.Tags.Contains(ReadyTag), degradedStatus: StatusCodes.Status503ServiceUnavailable)).AllowAnonymous();
    }

    private static HealthCheckOptions Options(Func<HealthCheckRegistration, bool> predicate, int degradedStatus) => new()
    {
        Predicate = predicate,
        ResponseWriter = WriteAsync,
        ResultStatusCodes =
        {
            [HealthStatus.Healthy] = StatusCodes.Status200OK,
            [HealthStatus.Degraded] = degradedStatus,
            [HealthStatus.Unhealthy] = StatusCodes.Status503ServiceUnavailable,
        },
    };

    private static Task WriteAsync(HttpContext context, HealthReport report)
    {
        context.Response.ContentType = "application/json";
        context.Response.Headers.CacheControl = "no-store";
        object body = context.User.IsInRole(Roles.Administrator)
            ? new
            {
                status = report.Status.ToString(),
                checks = report.Entries.ToDictionary(
                    e => e.Key,
                    e => new { status = e.Value.Status.ToString(), description = e.Value.Description, data = e.Value.Data }),
            }
            : new { status = report.Status.ToString() };
        return context.Response.WriteAsync(JsonSerializer.Serialize(body, Json));
    }
}
