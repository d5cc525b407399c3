using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using OrderToCash.Core.Infrastructure.Persistence;

namespace OrderToCash.Host.Features.Health;

/// <summary>Healthy when the database accepts a write (the <see cref="ReadinessProbe"/> row is updated and committed).</summary>
internal sealed class DatabaseWriteCheck(Func<OrderToCashDbContext> createContext, TimeProvider clock) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            await using var db = createContext();
            var now = clock.GetUtcNow();
            var written = await db.Set<ReadinessProbe>().Where(p => p.Id == ReadinessProbe.SingletonId)
                .ExecuteUpdateAsync(set => set.SetProperty(p => p.CheckedAt, now).SetProperty(p => p.CheckedBy, Environment.MachineName), cancellationToken)
                .ConfigureAwait(false);
            return written == 1
                ? HealthCheckResult.Healthy("A write was committed.")
                : HealthCheckResult.Unhealthy("The readiness probe row is missing: run 'o2c migrate'.");
        }
        catch (Exception ex) when (ex is InvalidOperationException or System.Data.Common.DbException)
        {
            return HealthCheckResult.Unhealthy($"The database cannot be written: {ex.Message}");
        }
    }
}
