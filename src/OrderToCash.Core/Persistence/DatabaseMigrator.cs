using Microsoft.EntityFrameworkCore;

namespace OrderToCash.Core.Persistence;

/// <summary>Applies the provider's migration set; used by the host at start and by <c>o2c migrate</c>.</summary>
public sealed class DatabaseMigrator(Func<OrderToCashDbContext> createContext)
{
    public async Task<MigrationReport> MigrateAsync(CancellationToken cancellationToken)
    {
        await using var context = createContext();
        var pending = (await context.Database.GetPendingMigrationsAsync(cancellationToken).ConfigureAwait(false)).ToList();
        await context.Database.MigrateAsync(cancellationToken).ConfigureAwait(false);
        var applied = (await context.Database.GetAppliedMigrationsAsync(cancellationToken).ConfigureAwait(false)).ToList();
        return new MigrationReport(pending, applied.Count == 0 ? null : applied[^1]);
    }
}

/// <param name="Applied">The migrations this run applied.</param>
/// <param name="Current">The latest migration now in the database.</param>
public sealed record MigrationReport(IReadOnlyList<string> Applied, string? Current);
