using OrderToCash.Core.ControlTower;
using OrderToCash.Core.Infrastructure.Security;
using OrderToCash.Host.Features.Workflows;

namespace OrderToCash.Host.Features.ControlTower;

/// <summary>The control tower's data: every published process's elements with their queues, SLA breaches and bottleneck alerts.</summary>
internal static class ControlTowerEndpoints
{
    public static void MapControlTower(this IEndpointRouteBuilder endpoints) =>
        endpoints.MapGet("/api/control-tower", async (int? days, WaitingLines queues, CancellationToken ct) =>
                days is < 1 or > Limits.MaxStatisticsDays
                    ? Results.ValidationProblem(new Dictionary<string, string[]> { ["days"] = [$"Between 1 and {Limits.MaxStatisticsDays} days ({days} given)."] })
                    : Results.Ok(await queues.ReadAsync(days ?? 30, ct).ConfigureAwait(false)))
            .WithTags("Control tower")
            .RequireAuthorization(p => p.RequireRole(Roles.ProcessOwner, Roles.Quality, Roles.CreditManager, Roles.Collector))
            .WithSummary("Where the cycle's instances wait now, per process element, with waiting times over the last days")
            .Produces<IReadOnlyList<OrderToCash.Core.ControlTower.ElementWaitingLine>>();
}
