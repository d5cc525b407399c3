using System.CommandLine;
using OrderToCash.Core.Infrastructure.Persistence;

namespace OrderToCash.Cli.Commands;

/// <summary><c>o2c migrate</c>: creates or upgrades the configured database to the latest schema.</summary>
internal static class MigrateCommand
{
    public static Command Create()
    {
        var format = CliOptions.Format();
        var command = new Command("migrate", "Create or upgrade the database (SQLite file by default) to the latest schema.");
        command.Options.Add(format);
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            var options = PersistenceServiceCollectionExtensions.ReadOptions(CliOptions.Configuration(parseResult));
            var connectionString = options.ResolveConnectionString();
            var migrator = new DatabaseMigrator(() => DatabaseConfigurator.CreateContext(options.Provider, connectionString));
            // Never under a running host on SQLite (its file lock), and one migrator at a time on a server (the startup lock).
            using var fileLock = options.Provider == DatabaseProvider.Sqlite ? SqliteFileLock.Acquire(connectionString, "o2c migrate") : null;
            if (options.Provider != DatabaseProvider.Sqlite)
            {
                await migrator.EnsureDatabaseExistsAsync(cancellationToken).ConfigureAwait(false);
            }

            MigrationReport report;
            await using (await StartupLock.AcquireAsync(options.Provider, connectionString, cancellationToken).ConfigureAwait(false))
            {
                report = await migrator.MigrateAsync(cancellationToken).ConfigureAwait(false);
            }

            var output = parseResult.InvocationConfiguration.Output;
            if (parseResult.GetValue(format) == OutputFormat.Json)
            {
                await output.WriteLineAsync(CliJson.Serialize(new { provider = options.Provider, applied = report.Applied, current = report.Current })).ConfigureAwait(false);
            }
            else
            {
                await output.WriteLineAsync(report.Applied.Count == 0
                    ? $"{options.Provider}: database is up to date ({report.Current ?? "no migrations"})."
                    : $"{options.Provider}: applied {report.Applied.Count} migration(s): {string.Join(", ", report.Applied)}.").ConfigureAwait(false);
            }

            return CliApp.Ok;
        });
        return command;
    }
}
