using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using OrderToCash.Core.Persistence;

namespace OrderToCash.Core.Hosting;

/// <summary>Creates or upgrades the database when the host starts, unless <c>Database:MigrateOnStart</c> is false.</summary>
internal sealed partial class DatabaseStartup(DatabaseOptions options, DatabaseMigrator migrator, ILogger<DatabaseStartup> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (!options.MigrateOnStart)
        {
            return;
        }

        var report = await migrator.MigrateAsync(cancellationToken).ConfigureAwait(false);
        LogMigrated(logger, options.Provider, report.Applied.Count);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Information, Message = "Database ({Provider}) is up to date; {Count} migration(s) applied at start")]
    private static partial void LogMigrated(ILogger logger, DatabaseProvider provider, int count);
}
