using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using OrderToCash.Core.Infrastructure.Persistence;

namespace OrderToCash.Host.Features.Health;

/// <summary>Healthy when the database answers and no migration is pending.</summary>
internal sealed class DatabaseHealthCheck(Func<OrderToCashDbContext> createContext, DatabaseOptions options) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var data = new Dictionary<string, object> { ["provider"] = options.Provider.ToString() };
        try
        {
            await using var db = createContext();
            // Opening (rather than CanConnect) keeps the provider's reason for the operator.
            await db.Database.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
            var pending = (await db.Database.GetPendingMigrationsAsync(cancellationToken).ConfigureAwait(false)).ToList();
            data["pendingMigrations"] = pending;
            return pending.Count == 0
                ? HealthCheckResult.Healthy("Connected; schema up to date.", data)
                : HealthCheckResult.Degraded($"{pending.Count} migration(s) pending: run 'o2c migrate'.", data: data);
        }
        catch (Exception ex) when (ex is InvalidOperationException or System.Data.Common.DbException)
        {
            return HealthCheckResult.Unhealthy($"The database cannot be used: {ex.Message}", data: data);
        }
    }
}
