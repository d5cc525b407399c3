using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using OrderToCash.Core.Demo;
using OrderToCash.Core.Infrastructure.Persistence;

namespace OrderToCash.Core.Infrastructure.Hosting;

/// <summary>
/// At start, under the database-wide startup lock (<see cref="StartupLock"/>): refuses a database newer than the
/// binaries, applies pending migrations (unless <c>Database:MigrateOnStart</c> is false) and seeds the demo data when
/// asked. Hosts started together on an empty database do this one after the other; the later ones find it done.
/// </summary>
internal sealed partial class DatabaseStartup(DatabaseOptions options, DatabaseMigrator migrator, DemoDataSeeder? seeder, ILogger<DatabaseStartup> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (!options.MigrateOnStart && seeder is null)
        {
            // Nothing to write: only refuse a newer database (a database that cannot be reached is reported by /health/ready).
            await migrator.EnsureNotNewerAsync(cancellationToken).ConfigureAwait(false);
            return;
        }

        if (options.MigrateOnStart && options.Provider != DatabaseProvider.Sqlite)
        {
            await migrator.EnsureDatabaseExistsAsync(cancellationToken).ConfigureAwait(false);
        }

        await using (await StartupLock.AcquireAsync(options.Provider, options.ResolveConnectionString(), cancellationToken).ConfigureAwait(false))
        {
            if (options.MigrateOnStart)
            {
                var report = await migrator.MigrateAsync(cancellationToken).ConfigureAwait(false);
                LogMigrated(logger, options.Provider, report.Applied.Count);
            }
            else
            {
                await migrator.EnsureNotNewerAsync(cancellationToken).ConfigureAwait(false);
            }

            if (seeder is not null)
            {
                await seeder.SeedAsync(cancellationToken).ConfigureAwait(false);
            }
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Information, Message = "Database ({Provider}) is up to date; {Count} migration(s) applied at start")]
    private static partial void LogMigrated(ILogger logger, DatabaseProvider provider, int count);
}
