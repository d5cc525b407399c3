using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;

namespace OrderToCash.Core.Infrastructure.Persistence;

/// <summary>Applies the provider's migration set; used by the host at start and by <c>o2c migrate</c>.</summary>
public sealed class DatabaseMigrator(Func<OrderToCashDbContext> createContext)
{
    /// <summary>
    /// Migrates to the binaries' latest migration. A database that already has a migration these binaries do not
    /// know was upgraded by a newer version: it is left untouched and <see cref="DatabaseNewerThanBinariesException"/> says so.
    /// </summary>
    public async Task<MigrationReport> MigrateAsync(CancellationToken cancellationToken)
    {
        await using var context = createContext();
        await EnsureNotNewerAsync(context, cancellationToken).ConfigureAwait(false);
        var pending = (await context.Database.GetPendingMigrationsAsync(cancellationToken).ConfigureAwait(false)).ToList();
        await context.Database.MigrateAsync(cancellationToken).ConfigureAwait(false);
        var applied = (await context.Database.GetAppliedMigrationsAsync(cancellationToken).ConfigureAwait(false)).ToList();
        return new MigrationReport(pending, applied.Count == 0 ? null : applied[^1]);
    }

    /// <summary>Throws when the database has migrations the binaries do not know (nothing is written).</summary>
    public async Task EnsureNotNewerAsync(CancellationToken cancellationToken)
    {
        await using var context = createContext();
        await EnsureNotNewerAsync(context, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Creates the database itself when the server has none of that name (PostgreSQL, SQL Server); hosts racing to do it are fine.</summary>
    public async Task EnsureDatabaseExistsAsync(CancellationToken cancellationToken)
    {
        await using var context = createContext();
        var creator = context.GetService<IRelationalDatabaseCreator>();
        if (await creator.ExistsAsync(cancellationToken).ConfigureAwait(false))
        {
            return;
        }

        try
        {
            await creator.CreateAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (System.Data.Common.DbException)
        {
            // Another host created it in the meantime; otherwise the real reason comes with the next step.
            if (!await creator.ExistsAsync(cancellationToken).ConfigureAwait(false))
            {
                throw;
            }
        }
    }

    private static async Task EnsureNotNewerAsync(OrderToCashDbContext context, CancellationToken cancellationToken)
    {
        if (!await context.Database.CanConnectAsync(cancellationToken).ConfigureAwait(false))
        {
            return;
        }

        var known = context.Database.GetMigrations().ToHashSet(StringComparer.Ordinal);
        var applied = await context.Database.GetAppliedMigrationsAsync(cancellationToken).ConfigureAwait(false);
        var unknown = applied.Where(m => !known.Contains(m)).ToList();
        if (unknown.Count > 0)
        {
            throw new DatabaseNewerThanBinariesException(
                $"The database has {unknown.Count} migration(s) these binaries do not know ({string.Join(", ", unknown)}): it was upgraded by a newer "
                + $"version of OrderToCash (these binaries end at {known.Order(StringComparer.Ordinal).LastOrDefault() ?? "no migration"}). "
                + "Run the newer version, or restore a backup taken before the upgrade; nothing was changed.");
        }
    }
}

/// <param name="Applied">The migrations this run applied.</param>
/// <param name="Current">The latest migration now in the database.</param>
public sealed record MigrationReport(IReadOnlyList<string> Applied, string? Current);

/// <summary>The database was migrated by newer binaries; running older ones on it could corrupt it.</summary>
public sealed class DatabaseNewerThanBinariesException(string message) : InvalidOperationException(message);
